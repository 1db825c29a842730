## Surveys: answers refused (beside their question)

error-answer-required = Cette question attend une réponse.
    .easy = Répondez à cette question.
error-answer-unknown-option = Ce choix n'existe pas (ou plus) dans ce questionnaire. Rechargez la page.
    .easy = Ce choix n'existe pas. Rechargez la page.
error-answer-unknown-question = Cette question n'existe pas (ou plus) dans ce questionnaire. Rechargez la page.
    .easy = Cette question n'existe pas. Rechargez la page.
error-answer-scale = Choisissez une note de 1 à 5.
    .easy = Choisissez de 1 à 5.
error-answer-too-long-short = Votre réponse est trop longue : 200 caractères au plus.
    .easy = C'est trop long. Écrivez moins.
error-answer-too-long = Votre réponse est trop longue : 2 000 caractères au plus.
    .easy = C'est trop long. Écrivez moins.
error-answer-ranking = Donnez à chaque choix classé un rang entre 1 et le nombre de choix.
    .easy = Mettez un numéro dans chaque case : 1, 2, 3…
error-answer-ranking-twice = Deux choix ont le même rang : chaque rang ne sert qu'une fois.
    .easy = Deux choix ont le même numéro. Changez un numéro.

## Readability hint, while writing

readability-easy = Facile à lire.
    .easy = Facile à lire.
readability-fair = Assez facile à lire. Des phrases plus courtes aideraient.
    .easy = Pas mal. Faites des phrases plus courtes.
readability-hard = Difficile à lire : phrases longues ou mots longs. Essayez une idée par phrase et des mots courants.
    .easy = Difficile à lire. Une idée par phrase. Des mots simples.

## Surveys: questions refused in the builder

error-question-prompt = Écrivez la question.
    .easy = Écrivez la question.
error-question-prompt-long = La question est trop longue : 500 caractères au plus.
    .easy = La question est trop longue.
error-question-profile-single = Une question de profil (collège, commune, âge) est à choix unique.
    .easy = Pour le profil, on choisit une seule réponse.
error-question-no-options = Ce type de question n'a pas de choix : laissez les choix vides.
    .easy = Pas de choix pour cette question.
error-question-options-count = Proposez de 2 à 20 choix.
    .easy = Écrivez de 2 à 20 choix.
error-question-option-long = Un choix est trop long : 200 caractères au plus.
    .easy = Un choix est trop long.
error-question-option-twice = Deux choix sont identiques.
    .easy = Deux choix sont pareils.

## Surveys: refusals, audit log

error-survey-title = Donnez un titre au questionnaire (200 caractères au plus).
    .easy = Écrivez un titre.
error-survey-intro-long = Le titre facile à lire ou l'introduction est trop long (2 000 caractères au plus pour l'introduction).
    .easy = C'est trop long.
error-survey-empty = Un questionnaire a au moins une question.
    .easy = Ajoutez une question.
error-survey-state = Ce changement n'est pas possible : un questionnaire passe de brouillon à ouvert, puis à fermé, sans retour.
    .easy = Ce n'est pas possible.
error-survey-codes-not-asked = Ce questionnaire ne se fait pas avec des codes, ou il est fermé.
    .easy = Pas de codes pour ce questionnaire.
audit-survey-created = Questionnaire créé
    .easy = Questionnaire créé
audit-survey-opened = Questionnaire ouvert
    .easy = Questionnaire ouvert
audit-survey-closed = Questionnaire fermé
    .easy = Questionnaire fermé
audit-survey-drafted = Questionnaire remis en brouillon
    .easy = Questionnaire en brouillon
audit-survey-codes-issued = Codes de questionnaire tirés
    .easy = Codes faits
audit-fact-survey = questionnaire n° { $value }
    .easy = questionnaire n° { $value }

## Answering a survey (/{council}/questionnaires/{id})

survey-count = { $count ->
    [one] Une question.
   *[other] { $count } questions.
}
survey-required-note = Les questions marquées « obligatoire » attendent une réponse ; les autres, vous pouvez les passer.
    .easy = Vous pouvez passer une question, sauf si c'est écrit « obligatoire ».
survey-required = (obligatoire)
    .easy = (obligatoire)
survey-question-number = Question { $n } sur { $total } :
    .easy = Question { $n } sur { $total } :
survey-multiple-hint = Cochez autant de réponses que vous voulez.
    .easy = Vous pouvez cocher plusieurs cases.
survey-ranking-hint = Donnez le rang 1 au plus important, puis 2, et ainsi de suite. Vous pouvez laisser un choix sans rang.
    .easy = Mettez 1 pour le plus important. Puis 2. Puis 3.
survey-rank-none = pas de rang
    .easy = pas de numéro
survey-scale-1 = 1 — pas du tout
    .easy = Pas du tout
survey-scale-2 = 2 — un peu
    .easy = Un peu
survey-scale-3 = 3 — moyennement
    .easy = Moyen
survey-scale-4 = 4 — beaucoup
    .easy = Beaucoup
survey-scale-5 = 5 — tout à fait
    .easy = Tout à fait
survey-code-title = Votre code personnel
    .easy = Votre code
survey-code = Code reçu pour répondre
    .easy = Votre code
survey-code-hint = Il est sur le papier ou le message que vous avez reçu, par exemple ABCDE-23456. Il sert une seule fois et n'est jamais relié à vos réponses.
    .easy = Il est sur votre papier. Il sert une fois. Personne ne peut savoir ce que vous avez répondu.
survey-send-hint = Rien n'est envoyé avant que vous appuyiez sur le bouton. Relisez vos réponses au-dessus si vous le souhaitez.
    .easy = Relisez vos réponses. Ensuite, appuyez sur le bouton.
survey-send = Envoyer mes réponses
    .easy = Envoyer
saved-survey-sent = Vos réponses sont envoyées.
    .easy = C'est envoyé.
survey-thanks-title = Merci, vos réponses sont envoyées
    .easy = Merci ! C'est envoyé.
survey-thanks-anonymous = Elles sont rangées sans votre nom, sans votre adresse, sans l'heure : personne ne peut savoir qui a répondu quoi.
    .easy = Personne ne saura que ce sont vos réponses.
survey-thanks-back = Revenir à la page du conseil
    .easy = Retour au conseil
survey-closed = Ce questionnaire est fermé : il ne prend plus de réponses.
    .easy = Ce questionnaire est fini.
error-survey-not-open = Ce questionnaire n'est pas ouvert : vos réponses n'ont pas été enregistrées.
    .easy = Ce questionnaire est fermé. Rien n'est enregistré.
error-survey-code-missing = Ce questionnaire demande le code que vous avez reçu.
    .easy = Écrivez votre code.
error-survey-code-not-valid = Ce code n'est pas valable pour ce questionnaire : il est mal recopié, ou il a déjà servi (un code ne vaut qu'une fois). Vérifiez les lettres et les chiffres. Rien n'a été enregistré.
    .easy = Ce code ne marche pas. Vérifiez-le. Un code sert une seule fois.
council-surveys-title = Questionnaires ouverts
    .easy = Questionnaires
council-surveys-intro = Anonymes, courts, pour que le diagnostic entende aussi celles et ceux qui ne viennent pas aux réunions.
    .easy = Répondez, même si vous ne venez pas aux réunions. Personne ne saura qui a répondu.

## Survey results (/{council}/questionnaires/{id}/resultats)

survey-results-title = Résultats
    .easy = Résultats
survey-results-link = Voir les résultats
    .easy = Voir les résultats
survey-results-hidden = Les résultats seront publiés quand le questionnaire sera fermé.
    .easy = Les résultats arrivent à la fin du questionnaire.
survey-results-provisional = Résultats provisoires, visibles par l'équipe seulement : le questionnaire est encore ouvert.
    .easy = Pas fini. Seule l'équipe voit ces résultats.
survey-results-mixed = Les réponses entrent dans ces résultats par groupes d'au moins { $min }, pour que personne ne puisse retrouver les réponses de quelqu'un. Réponses en attente : { $waiting }.
    .easy = Les réponses sont comptées par groupes de { $min }. Ainsi, personne ne peut trouver vos réponses. Réponses en attente : { $waiting }.
survey-results-respondents = { $count ->
    [one] Une personne a répondu.
   *[other] { $count } personnes ont répondu.
}
survey-results-answered = { $count ->
    [one] Une réponse à cette question.
   *[other] { $count } réponses à cette question.
}
survey-results-breakdown = Le détail par « { $by } » ne montre que des groupes d'au moins { $min } personnes : les plus petits sont réunis dans « Autres groupes », pour que personne ne puisse être reconnu.
    .easy = On montre les réponses par groupe. Un groupe a au moins { $min } personnes. Comme ça, personne n'est reconnu.
survey-results-no-breakdown = Pas de détail par groupe : il faudrait au moins deux groupes d'au moins { $min } personnes.
    .easy = Pas de détail par groupe : pas assez de personnes.
survey-results-by-label = Détailler par
    .easy = Montrer par groupe :
survey-results-by-none = Sans détail par groupe
    .easy = Pas de groupes
survey-results-by-show = Afficher
    .easy = Voir
survey-results-none-chosen = Sans détail par groupe.
    .easy = Pas de groupes.
survey-csv-number = N°
    .easy = Numéro
survey-csv-question = Question
    .easy = Question
survey-csv-answer = Réponse
    .easy = Réponse
survey-csv-group = Groupe
    .easy = Groupe
survey-csv-respondents = Personnes du groupe ayant répondu
    .easy = Personnes du groupe qui ont répondu
survey-csv-count = Nombre
    .easy = Nombre
survey-csv-percent = Pourcentage
    .easy = Sur 100
survey-csv-mean-rank = Rang moyen
    .easy = Rang moyen
survey-csv-all = Ensemble
    .easy = Tout le monde
survey-csv-written = Réponses écrites (lues par l'équipe)
    .easy = Textes écrits
survey-results-download = Télécharger les chiffres (CSV, pour un tableur)
    .easy = Télécharger les chiffres
survey-results-caption = Réponses
    .easy = Réponses
survey-results-answer = Réponse
    .easy = Réponse
survey-results-count = Personnes
    .easy = Personnes
survey-results-first = Placé en premier par
    .easy = Mis en premier par
survey-results-people = { $count } ({ $percent } %)
    .easy = { $count } ({ $percent } sur 100)
survey-results-mean-rank = rang moyen { $rank }
    .easy = rang moyen { $rank }
survey-results-text-held = Les réponses écrites sont lues par l'équipe, qui retire les noms et les détails qui permettraient de reconnaître quelqu'un, avant toute publication.
    .easy = L'équipe lit les textes. Elle enlève les noms avant de les montrer.
survey-results-by-group = Par groupe
    .easy = Par groupe
survey-results-others = Autres groupes
    .easy = Autres groupes
survey-results-not-said = Sans réponse
    .easy = Pas dit
survey-results-group-size = ({ $count } pers.)
    .easy = ({ $count } personnes)

## Surveys list and builder (/{council}/questionnaires, …/{id}/modifier)

surveys-title = Questionnaires
    .easy = Questionnaires
surveys-none = Aucun questionnaire pour le moment.
    .easy = Pas de questionnaire.
council-surveys-all = Tous les questionnaires du conseil
    .easy = Tous les questionnaires
survey-new-title = Nouveau questionnaire
    .easy = Faire un questionnaire
survey-field-title = Titre
    .easy = Titre
survey-field-title-easy = Titre facile à lire
    .easy = Titre facile à lire
survey-field-easy-hint = Facultatif : montré en mode facile à lire ; sinon, le texte courant est montré.
    .easy = Vous pouvez le laisser vide.
survey-field-intro = Introduction : pourquoi ce questionnaire, combien de temps, l'anonymat
    .easy = Introduction
survey-field-intro-easy = Introduction facile à lire
    .easy = Introduction facile à lire
survey-field-one-per-person = Une réponse par personne, avec des codes à distribuer
    .easy = Une réponse par personne (avec un code)
survey-create = Créer le brouillon
    .easy = Créer
saved-survey-created = Le brouillon est créé : ajoutez les questions.
    .easy = C'est créé. Ajoutez les questions.
survey-state-draft = brouillon (visible par l'équipe seulement)
    .easy = brouillon
survey-state-open = ouvert aux réponses
    .easy = ouvert
survey-state-closed = fermé
    .easy = fermé
survey-action-open = Ouvrir aux réponses
    .easy = Ouvrir
survey-action-close = Fermer le questionnaire
    .easy = Fermer
survey-action-remove = Retirer cette question
    .easy = Retirer
saved-survey-open = Le questionnaire est ouvert aux réponses.
    .easy = Le questionnaire est ouvert.
saved-survey-close = Le questionnaire est fermé : les résultats sont publiés.
    .easy = Le questionnaire est fermé.
saved-survey-remove = La question est retirée.
    .easy = La question est retirée.
saved-question-added = La question est ajoutée.
    .easy = La question est ajoutée.
readability-score = Lisibilité : { $verdict } (Kandel-Moles { $km }, LIX { $lix })
    .easy = Lisibilité : { $verdict }
survey-kind-single = choix unique
    .easy = un seul choix
survey-kind-multiple = choix multiples
    .easy = plusieurs choix
survey-kind-scale = échelle de 1 à 5
    .easy = note de 1 à 5
survey-kind-short-text = texte court
    .easy = texte court
survey-kind-long-text = texte long
    .easy = texte long
survey-kind-ranking = classement
    .easy = classement
survey-lacks-easy = Pas de version facile à lire : c'est le texte courant qui sera montré.
    .easy = Pas de version facile à lire.
survey-preview-link = Aperçu du questionnaire
    .easy = Voir le questionnaire
survey-preview = Aperçu : ce questionnaire n'est pas encore ouvert, il ne prend pas de réponses.
    .easy = Ce questionnaire n'est pas encore ouvert.
survey-questions-title = Questions
    .easy = Questions
survey-no-questions = Pas encore de question.
    .easy = Pas de question.
survey-add-question = Ajouter une question
    .easy = Ajouter une question
survey-field-section = Partie
    .easy = Partie
survey-field-section-hint = Le titre de la partie où ranger la question ; un nouveau titre crée une nouvelle partie.
    .easy = Écrivez le nom de la partie.
survey-field-kind = Type de question
    .easy = Type de question
survey-field-prompt = Question
    .easy = Question
survey-field-prompt-easy = Question facile à lire
    .easy = Question facile à lire
survey-field-options = Choix proposés
    .easy = Choix
survey-field-options-hint = Un par ligne ; après « | », sa version facile à lire. Laissez vide pour l'échelle et les textes.
    .easy = Un choix par ligne.
survey-field-required = Réponse obligatoire
    .easy = Obligatoire
survey-field-profile = Question de profil (pour le détail des résultats par groupe)
    .easy = Question sur la personne
survey-profile-none = Non
    .easy = Non
survey-profile-college = collège (usager, aidant…)
    .easy = collège
survey-profile-commune = commune ou quartier
    .easy = commune
survey-profile-age-band = tranche d'âge
    .easy = âge
survey-add = Ajouter la question
    .easy = Ajouter
error-question-kind = Choisissez un type de question.
    .easy = Choisissez un type.
error-section-title = Donnez un titre à la partie (200 caractères au plus).
    .easy = Écrivez le nom de la partie.
error-survey-not-draft = Le questionnaire est ouvert ou fermé : ses questions ne changent plus.
    .easy = On ne peut plus changer les questions.
audit-survey-question-added = Question ajoutée à un questionnaire
    .easy = Question ajoutée
audit-survey-question-removed = Question retirée d'un questionnaire
    .easy = Question retirée

## Free-text moderation (in the survey editor)

survey-moderation-title = Réponses écrites à relire
    .easy = Textes à relire
survey-moderation-how = Avant toute publication, retirez les noms, les lieux précis et tout détail qui permettrait de reconnaître quelqu'un. Le texte publié remplace l'original, qui n'est pas gardé ; un texte non publié est effacé.
    .easy = Enlevez les noms avant de publier. Le texte d'origine est effacé.
survey-text-publish = Publier ce texte (tel que modifié)
    .easy = Publier
survey-text-withhold = Ne pas publier
    .easy = Ne pas publier
saved-text-published = Le texte est publié avec les résultats.
    .easy = Le texte est publié.
saved-text-withheld = Le texte ne sera pas publié ; il est effacé.
    .easy = Le texte est effacé.
error-review-text = Le texte à publier est vide ou trop long (2 000 caractères au plus).
    .easy = Le texte est vide ou trop long.
audit-survey-text-published = Réponse écrite publiée
    .easy = Texte publié
audit-survey-text-withheld = Réponse écrite écartée
    .easy = Texte écarté

## One-per-person codes (in the survey editor)

survey-codes-title = Codes pour répondre, une fois par personne
    .easy = Codes
survey-codes-hint = De 1 à 100 à la fois. Les codes ne sont montrés qu'une fois : imprimez la feuille ou envoyez les codes tout de suite. Ils ne sont jamais reliés aux réponses.
    .easy = De 1 à 100. Imprimez-les tout de suite.
survey-codes-issue = Tirer les codes et ouvrir la feuille à imprimer
    .easy = Faire les codes
survey-codes-sheet-title = Codes de réponse à usage unique
    .easy = Codes pour répondre
survey-codes-gone = Les codes ne sont montrés qu'une fois. Pour en avoir d'autres, tirez-en de nouveaux depuis la page du questionnaire.
    .easy = Les codes sont montrés une seule fois. Faites-en d'autres si besoin.
survey-share-title = Faire connaître le questionnaire
    .easy = Donner le questionnaire
survey-share-how = Mettez ce code QR sur une affiche ou un tract, ou envoyez le lien : chacun répond depuis son téléphone ou un ordinateur, sans compte. Imprimez cette page pour avoir le code QR sur papier.
    .easy = Mettez ce carré sur une affiche. Ou envoyez le lien. Les gens répondent avec leur téléphone.
survey-share-qr = Le code QR mène à
    .easy = Le carré mène à
survey-one-by-one = Une question à la fois
    .easy = Une question à la fois
survey-one-by-one-hint = Cochez pour voir les questions une par une, avec des liens pour avancer et revenir, puis relire vos réponses avant d'envoyer. Rien n'est envoyé en changeant de question.
    .easy = Cochez pour voir une seule question à la fois. Rien n'est envoyé avant la fin.
survey-step-previous = Question précédente
    .easy = Revenir
survey-step-next = Question suivante
    .easy = Continuer
survey-step-review = Relire mes réponses
    .easy = Relire mes réponses
survey-review-title = Relisez vos réponses
    .easy = Relisez vos réponses
survey-review-how = Toutes vos réponses sont ci-dessous. Vous pouvez encore les changer. Le bouton pour envoyer est en bas de la page.
    .easy = Vos réponses sont en dessous. Vous pouvez les changer. Le bouton pour envoyer est en bas.
survey-review-first = Revenir à la première question
    .easy = Revenir au début
survey-summary-title = Les résultats en facile à lire
    .easy = Les résultats en facile à lire
survey-summary-link = Lire les résultats en facile à lire
    .easy = Lire les résultats en facile à lire
survey-summary-full = Voir tous les chiffres
    .easy = Voir tous les chiffres
survey-summary-nobody = Personne n'a répondu à cette question.
    .easy = Personne n'a répondu à cette question.
survey-summary-most = La réponse choisie le plus souvent :
    .easy = La réponse choisie le plus souvent :
survey-summary-most-tied = Les réponses choisies le plus souvent :
    .easy = Les réponses choisies le plus souvent :
survey-summary-most-count = { $tied ->
    [yes] { $count } personnes sur { $answered } ont choisi chacune de ces réponses.
   *[no] { $count ->
        [one] Une personne sur { $answered } a choisi cette réponse.
       *[other] { $count } personnes sur { $answered } ont choisi cette réponse.
    }
}
    .easy = { $tied ->
    [yes] { $count } personnes sur { $answered } ont choisi chacune de ces réponses.
   *[no] { $count ->
        [one] Une personne sur { $answered } a choisi cette réponse.
       *[other] { $count } personnes sur { $answered } ont choisi cette réponse.
    }
}
survey-summary-first = Ce que les gens ont mis en premier le plus souvent :
    .easy = Ce que les gens ont mis en premier le plus souvent :
survey-summary-first-tied = Ce que les gens ont mis en premier le plus souvent, à égalité :
    .easy = Ce que les gens ont mis en premier le plus souvent, à égalité :
survey-summary-first-count = { $tied ->
    [yes] { $count } personnes sur { $answered } ont mis chacun en premier.
   *[no] { $count ->
        [one] Une personne sur { $answered } l'a mis en premier.
       *[other] { $count } personnes sur { $answered } l'ont mis en premier.
    }
}
    .easy = { $tied ->
    [yes] { $count } personnes sur { $answered } ont mis chacun en premier.
   *[no] { $count ->
        [one] Une personne sur { $answered } l'a mis en premier.
       *[other] { $count } personnes sur { $answered } l'ont mis en premier.
    }
}
survey-summary-written = { $count ->
    [one] Une personne a écrit une réponse.
   *[other] { $count } personnes ont écrit une réponse.
}
    .easy = { $count ->
    [one] Une personne a écrit une réponse.
   *[other] { $count } personnes ont écrit une réponse.
}
survey-summary-written-read = Vous pouvez lire leurs réponses sur la page avec tous les chiffres.
    .easy = Vous pouvez lire leurs réponses sur la page avec tous les chiffres.
readability-check = Vérifier la lisibilité
    .easy = Est-ce facile à lire ?
survey-readability-checked = Rien n'est enregistré. La lisibilité de ce que vous avez écrit est indiquée sous chaque texte ; changez le texte et vérifiez de nouveau, ou ajoutez la question.
    .easy = Rien n'est enregistré. Sous chaque texte, vous voyez s'il est facile à lire.
readability-empty = rien d'écrit.
    .easy = rien d'écrit.
