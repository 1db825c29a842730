## Direct : questions, modération, erreurs du protocole.

error-live-staff-only = Seule l'équipe d'animation peut faire cela.
    .easy = Seule l'équipe peut faire ça.
error-live-not-open = Le direct de cette assemblée n'est pas ouvert.
    .easy = Le direct n'a pas commencé ou il est fini.
error-live-message = Message non reconnu. Rechargez la page.
    .easy = Il y a un problème. Rechargez la page.
error-questions-closed = Les questions sont closes pour le moment.
    .easy = On ne pose plus de questions pour le moment.
error-vote-participants = Seuls les participants soutiennent des questions.
    .easy = L'équipe ne vote pas.
error-already-voted = Vous soutenez déjà cette question.
    .easy = Vous avez déjà voté pour cette question.
error-question-empty = Écrivez votre question.
    .easy = Écrivez votre question.
error-question-too-short = Votre question est trop courte.
    .easy = Votre question est trop courte.
error-question-too-long = Votre question est trop longue : 500 caractères au plus.
    .easy = Votre question est trop longue.
error-first-name = Le prénom est trop long ou contient des caractères non permis.
    .easy = Ce prénom ne marche pas.
error-college-unknown = Ce collège n'existe pas. Choisissez-en un dans la liste, ou aucun.
    .easy = Choisissez dans la liste.
error-reason = Le motif est trop long : 300 caractères au plus.
    .easy = Le motif est trop long.
error-question-state = Cette question est déjà dans cet état.
    .easy = C'est déjà fait.
error-question-not-approved = Cette question n'est pas encore validée.
    .easy = Cette question n'est pas encore acceptée.
audit-question-approved = Question validée
    .easy = Question acceptée
audit-question-rejected = Question écartée
    .easy = Question refusée
audit-question-answered = Question marquée comme répondue
    .easy = Question répondue
audit-question-pinned = Question épinglée
    .easy = Question en haut
audit-question-highlighted = Question affichée à l'écran
    .easy = Question sur l'écran
audit-agenda-moved = Point de l'ordre du jour changé
    .easy = Point suivant
audit-premoderation-changed = Modération préalable changée
    .easy = Modération changée
audit-questions-opened = Questions ouvertes
    .easy = Questions ouvertes
audit-questions-closed = Questions closes
    .easy = Questions fermées
audit-fact-question = question n° { $value }
    .easy = question n° { $value }

## Page des participants
live-title = En direct : questions
    .easy = Poser une question
live-current-item = En ce moment :
    .easy = Maintenant :
live-cannot-ask = On ne peut pas poser de question en ce moment.
    .easy = Vous ne pouvez pas poser de question maintenant.
live-pending = { $count ->
    [one] Une question attend d'être relue par l'équipe.
   *[other] { $count } questions attendent d'être relues par l'équipe.
}
    .easy = { $count ->
        [one] 1 question attend.
       *[other] { $count } questions attendent.
    }
live-questions = Les questions de la salle
    .easy = Les questions
live-order = Ordre des questions
    .easy = Ordre
live-order-votes = Les plus soutenues
    .easy = Les plus aimées
live-order-newest = Les plus récentes
    .easy = Les nouvelles
live-no-questions = Pas encore de question. Soyez la première ou le premier !
    .easy = Pas encore de question.
live-reload = Voir les nouvelles questions (recharger)
    .easy = Voir les nouvelles questions
live-ask = Poser une question
    .easy = Votre question
live-ask-body = Votre question
    .easy = Écrivez votre question
live-ask-hint = Anonyme : votre nom n'apparaît pas. 500 caractères au plus.
    .easy = Personne ne saura que c'est vous.
live-ask-hint-moderated = Anonyme : votre nom n'apparaît pas. L'équipe relit chaque question avant de l'afficher. 500 caractères au plus.
    .easy = Personne ne saura que c'est vous. L'équipe lit la question avant de la montrer.
live-ask-more = Dire qui vous êtes (facultatif)
    .easy = Dire qui vous êtes (si vous voulez)
live-ask-first-name = Prénom (facultatif)
    .easy = Prénom (si vous voulez)
live-ask-college = Vous êtes (facultatif)
    .easy = Vous êtes (si vous voulez)
live-ask-college-none = Je préfère ne pas le dire
    .easy = Je ne dis pas
live-ask-submit = Envoyer ma question
    .easy = Envoyer
live-votes = { $count ->
    [0] aucun soutien
    [one] 1 soutien
   *[other] { $count } soutiens
}
    .easy = { $count ->
        [0] 0 vote
        [one] 1 vote
       *[other] { $count } votes
    }
live-support = Soutenir
    .easy = Je vote pour
live-supported = Vous soutenez cette question
    .easy = Vous avez voté
live-pinned = Épinglée
    .easy = En haut
live-answered = Répondue
    .easy = Réponse donnée
live-pause = Mettre en pause les nouveautés
    .easy = Arrêter les changements
live-resume = { $count ->
    [0] Reprendre le fil (rien de nouveau)
    [one] Reprendre le fil (1 nouveauté)
   *[other] Reprendre le fil ({ $count } nouveautés)
}
    .easy = { $count ->
        [0] Voir les changements (rien de nouveau)
        [one] Voir les changements (1 changement)
       *[other] Voir les changements ({ $count } changements)
    }
live-news-question = Nouvelle question :
    .easy = Nouvelle question :
live-news-answered = Question répondue :
    .easy = Réponse donnée à la question :
live-news-many = { $count ->
    [one] Une nouveauté dans les questions.
   *[other] { $count } nouveautés dans les questions.
}
    .easy = { $count ->
        [one] 1 changement dans les questions.
       *[other] { $count } changements dans les questions.
    }
saved-question-pending = Merci ! Votre question est envoyée. Elle apparaîtra quand l'équipe l'aura relue.
    .easy = Merci ! L'équipe lit votre question. Puis elle la montre.
saved-question-published = Merci ! Votre question est affichée.
    .easy = Merci ! Votre question est là.
saved-supported = Votre soutien est compté.
    .easy = Votre vote est compté.
assembly-live-link = Participer en direct : poser une question, soutenir celles des autres
    .easy = Participer maintenant

## Console d'animation et projection
console-title = Console d'animation
    .easy = Animer la réunion
console-projector = Ouvrir la vue projection
    .easy = Voir l'écran de la salle
console-queue = Questions à relire
    .easy = Questions à lire
console-queue-empty = Aucune question n'attend.
    .easy = Pas de question à lire.
console-edit = Corriger le texte avant de valider (facultatif)
    .easy = Corriger le texte (si besoin)
console-approve = Valider
    .easy = Accepter
console-reason = Motif pour l'équipe (facultatif, jamais montré au public)
    .easy = Pourquoi (seule l'équipe le voit)
console-reject = Écarter
    .easy = Refuser
console-approved = Questions affichées
    .easy = Questions montrées
console-on-screen = À l'écran
    .easy = Sur l'écran
console-highlight = Afficher à l'écran
    .easy = Montrer sur l'écran
console-unhighlight = Retirer de l'écran
    .easy = Enlever de l'écran
console-answered = Marquer répondue
    .easy = Réponse donnée
console-unanswered = Marquer non répondue
    .easy = Pas encore de réponse
console-pin = Épingler
    .easy = Mettre en haut
console-unpin = Désépingler
    .easy = Ne plus mettre en haut
console-go-to = Passer à ce point
    .easy = Aller à ce point
console-settings = Réglages du direct
    .easy = Réglages
console-premoderation-is-on = Modération préalable : chaque question est relue avant d'être affichée.
    .easy = L'équipe lit chaque question avant de la montrer.
console-premoderation-is-off = Sans modération préalable : les questions s'affichent aussitôt.
    .easy = Les questions sont montrées tout de suite.
console-premoderation-on = Relire les questions avant affichage
    .easy = Lire avant de montrer
console-premoderation-off = Afficher les questions sans les relire
    .easy = Montrer sans lire
console-questions-are-open = Les participants peuvent poser des questions.
    .easy = On peut poser des questions.
console-questions-are-closed = Les questions sont closes.
    .easy = On ne peut plus poser de questions.
console-questions-close = Clore les questions
    .easy = Fermer les questions
console-questions-open = Rouvrir les questions
    .easy = Ouvrir les questions
console-keys = Raccourcis clavier
    .easy = Touches du clavier
console-keys-where = Ils agissent sur la question qui a le focus (pas pendant la saisie dans un champ ; Échap sort du champ).
    .easy = Ils marchent sur la question choisie. Pas quand vous écrivez. Échap pour sortir du texte.
console-key-next = Question suivante
    .easy = Question d'après
console-key-previous = Question précédente
    .easy = Question d'avant
console-key-approve = Valider la question
    .easy = Accepter la question
console-key-edit = Corriger le texte avant de valider
    .easy = Corriger le texte
console-key-reject = Écarter la question
    .easy = Refuser la question
console-key-highlight = Afficher à l'écran, ou retirer de l'écran
    .easy = Montrer ou enlever de l'écran
console-key-answered = Marquer répondue, ou non répondue
    .easy = Réponse donnée, ou pas encore
console-key-pin = Épingler, ou désépingler
    .easy = Mettre en haut, ou pas
saved-console = C'est fait.
    .easy = C'est fait.
projector-title = Projection
    .easy = Écran de la salle
projector-question = Question à l'écran
    .easy = La question
projector-no-question = Posez vos questions depuis votre téléphone.
    .easy = Posez vos questions avec votre téléphone.
projector-count = { $count ->
    [0] Pas encore de question
    [one] 1 question posée
   *[other] { $count } questions posées
}
    .easy = { $count ->
        [0] Pas encore de question
        [one] 1 question
       *[other] { $count } questions
    }
error-live-session-ended = Votre session d'équipe est terminée (déconnexion, ou retrait de l'équipe) : cette animation est fermée. Reconnectez-vous pour continuer.
    .easy = Vous n'êtes plus connecté·e. Reconnectez-vous.
error-live-version = Cette page date d'une version précédente d'Agora : rechargez-la pour suivre la salle.
    .easy = Cette page est trop ancienne. Rechargez la page.
error-written-answer-missing = Écrivez la réponse avant sa version facile à lire.
    .easy = Écrivez d'abord la réponse.
error-written-answer-too-long = La réponse est trop longue : 1 000 caractères au plus.
    .easy = La réponse est trop longue.
error-written-answer-easy-too-long = La version facile à lire est trop longue : 500 caractères au plus.
    .easy = La version facile à lire est trop longue.
audit-answer-written = Réponse écrite à une question
    .easy = Réponse écrite
live-answer = Réponse de l'équipe :
    .easy = Réponse :
console-answer-write = Répondre par écrit
    .easy = Écrire une réponse
console-answer-change = Modifier la réponse écrite
    .easy = Changer la réponse
console-answer = Réponse écrite
    .easy = Réponse
console-answer-hint = Montrée sous la question, sur les téléphones et à l'écran, et gardée sur la page de l'assemblée. Laissez vide pour retirer la réponse.
    .easy = Tout le monde verra la réponse. Vide : pas de réponse.
console-answer-easy = Version facile à lire (facultatif)
    .easy = Version facile à lire
console-answer-easy-hint = Phrases courtes, mots simples : montrée à qui lit en mode facile à lire.
    .easy = Des phrases courtes et des mots simples.
console-answer-save = Enregistrer la réponse
    .easy = Enregistrer
record-title = Les questions de la salle
    .easy = Les questions posées
record-intro = Les questions validées pendant l'assemblée, avec les réponses écrites de l'équipe. Les prénoms ne sont pas gardés.
    .easy = Voici les questions et les réponses. Les prénoms ne sont pas gardés.
record-csv = Télécharger les questions (CSV, tableur)
    .easy = Télécharger pour un tableur
record-json = Télécharger les questions (JSON)
    .easy = Télécharger en JSON
record-csv-number = N°
    .easy = Numéro
record-csv-item = Point de l'ordre du jour
    .easy = Sujet
record-csv-question = Question
    .easy = Question
record-csv-college = Collège
    .easy = Groupe
record-csv-votes = Soutiens
    .easy = Votes
record-csv-answered = Répondue
    .easy = Réponse donnée
record-csv-answer = Réponse écrite
    .easy = Réponse
record-csv-answer-easy = Réponse facile à lire
    .easy = Réponse facile
record-csv-yes = oui
    .easy = oui
record-csv-no = non
    .easy = non
live-news-vote = Un vote est ouvert :
    .easy = Vous pouvez voter :
error-screen-choice = Ce choix d'écran n'existe pas. Rechargez la console.
    .easy = Ce choix ne marche pas. Rechargez la page.
error-screen-testimony = Ce témoignage ne peut pas aller à l'écran : il n'est pas publié, ou son auteur ne l'accepte pas (ou plus).
    .easy = Ce témoignage ne peut pas aller à l'écran.
audit-screen-changed = Écran de la salle changé
    .easy = Écran changé
room-testimony = Un témoignage
    .easy = Une personne raconte
room-testimony-gone = Ce témoignage n'est plus affiché.
    .easy = Ce témoignage n'est plus montré.
room-vote-turnout = { $count ->
    [0] Aucun bulletin pour l'instant
    [one] 1 bulletin reçu
   *[other] { $count } bulletins reçus
}
    .easy = { $count ->
        [0] Personne n'a encore voté
        [one] 1 personne a voté
       *[other] { $count } personnes ont voté
    }
room-vote-how = Votez sur votre téléphone : scannez le code, puis « Voter maintenant ».
    .easy = Scannez le code avec votre téléphone. Puis votez.
room-vote-not-yet = Les résultats s'afficheront ici.
    .easy = Les résultats viendront ici.
console-screen = À l'écran de la salle
    .easy = Ce que montre l'écran
console-screen-now = L'écran montre :
    .easy = L'écran montre :
console-screen-join = Le code pour participer
    .easy = Le code pour participer
console-screen-question = Une question
    .easy = Une question
console-screen-agenda = Le point en cours
    .easy = Le sujet en cours
console-screen-testimony = Un témoignage
    .easy = Un témoignage
console-screen-vote = Un vote
    .easy = Un vote
console-show = Montrer à l'écran
    .easy = Montrer
console-show-join = Montrer le code pour participer
    .easy = Montrer le code
console-show-agenda = Montrer le point en cours
    .easy = Montrer le sujet
console-votes = Votes de l'assemblée
    .easy = Les votes
console-show-testimony = Montrer à l'écran de la salle
    .easy = Montrer dans la salle

## Sondages rapides
poll-section = Sondages rapides
    .easy = Petits sondages
poll-too-few = { $count ->
    [0] Aucune réponse comptée pour l'instant
    [one] { $count } réponse comptée pour l'instant
   *[other] { $count } réponses comptées pour l'instant
} : les résultats s'affichent à partir de { $min } réponses, pour que personne ne soit reconnu.
    .easy = { $count ->
        [0] Personne n'a encore répondu.
        [one] { $count } personne a répondu.
       *[other] { $count } personnes ont répondu.
    } On montre les résultats quand { $min } personnes ont répondu.
poll-answers = { $count ->
    [0] aucune réponse
    [one] { $count } réponse
   *[other] { $count } réponses
}
    .easy = { $count ->
        [0] personne
        [one] { $count } personne
       *[other] { $count } personnes
    }
poll-share = { $percent } % ({ $count ->
    [one] { $count } réponse
   *[other] { $count } réponses
})
    .easy = { $percent } sur 100 ({ $count ->
        [one] { $count } personne
       *[other] { $count } personnes
    })
poll-mean = moyenne { $mean } sur 5
    .easy = en moyenne { $mean } sur 5
poll-cloud-empty = Aucun mot affiché pour l'instant.
    .easy = Pas encore de mot.
poll-words-pending = { $count ->
    [one] { $count } réponse attend la relecture de l'équipe.
   *[other] { $count } réponses attendent la relecture de l'équipe.
}
    .easy = L'équipe lit encore { $count ->
        [one] { $count } mot.
       *[other] { $count } mots.
    }
poll-answered = Merci : votre réponse est comptée avec celles des autres, sans votre nom.
    .easy = Merci. Nous avons votre réponse. Personne ne sait que c'est vous.
poll-closed = Sondage terminé
    .easy = Le sondage est fini
poll-choose = Votre choix
    .easy = Choisissez une réponse
poll-rate = Votre note
    .easy = Donnez une note
poll-rating-hint = De 1 (pas du tout) à 5 (tout à fait).
    .easy = 1 veut dire non. 5 veut dire oui, beaucoup.
poll-word-label = Votre mot
    .easy = Écrivez un mot
poll-word-hint = Un mot ou une courte expression (3 mots au plus). L'équipe le relit avant de l'afficher.
    .easy = Un mot ou 3 mots. L'équipe lit les mots avant de les montrer.
poll-submit = Répondre
    .easy = Envoyer ma réponse
room-poll-how = Répondez sur votre téléphone, page « En direct ».
    .easy = Répondez avec votre téléphone.
poll-state-ready = Prêt, pas encore ouvert
    .easy = Pas encore ouvert
poll-state-open = Ouvert : les participants répondent
    .easy = Ouvert
poll-state-closed = Fermé
    .easy = Fermé
poll-open = Ouvrir le sondage
    .easy = Ouvrir
poll-close = Fermer le sondage
    .easy = Fermer
poll-reopen = Rouvrir le sondage
    .easy = Ouvrir encore
poll-words-review = Mots à relire
    .easy = Mots à lire
poll-word-rejected = écarté
    .easy = pas montré
poll-approve-word = Afficher
    .easy = Montrer
poll-reject-word = Écarter
    .easy = Ne pas montrer
poll-new = Préparer un sondage
    .easy = Faire un sondage
poll-kind-choice = Choix unique
    .easy = Choisir une réponse
poll-kind-rating = Note de 1 à 5
    .easy = Une note de 1 à 5
poll-kind-words = Nuage de mots
    .easy = Des mots
poll-field-kind = Type de sondage
    .easy = Sorte de sondage
poll-field-question = Question
    .easy = Question
poll-field-question-easy = Question en facile à lire et à comprendre (facultatif)
    .easy = Question en FALC (si vous voulez)
poll-field-options = Choix proposés (choix unique seulement)
    .easy = Les réponses possibles
poll-options-hint = Un choix par ligne, de 2 à 8, { $max } caractères au plus chacun.
    .easy = Une réponse par ligne. 2 réponses au moins, 8 au plus.
poll-create = Préparer le sondage
    .easy = Faire le sondage
poll-record = Résultats des sondages
    .easy = Ce que les gens ont répondu
room-pause = Pause
    .easy = Pause
console-show-pause = Écran noir (pause)
    .easy = Écran noir
console-screen-poll = Un sondage
    .easy = Un sondage
console-screen-pause = L'écran noir
    .easy = L'écran noir
live-news-poll = Un sondage est ouvert :
    .easy = Vous pouvez répondre :
saved-poll-created = Sondage prêt : ouvrez-le quand la salle y est.
    .easy = Le sondage est prêt.
saved-poll-opened = Sondage ouvert : les téléphones le proposent.
    .easy = Le sondage est ouvert.
saved-poll-closed = Sondage fermé : toutes les réponses sont comptées.
    .easy = Le sondage est fermé.
saved-poll-word = Mot relu.
    .easy = C'est fait.
saved-poll-answered = Merci : votre réponse est comptée.
    .easy = Merci. Nous avons votre réponse.
error-poll-kind = Choisissez un type de sondage.
    .easy = Choisissez une sorte de sondage.
error-poll-question = Écrivez une question de 3 à 200 caractères.
    .easy = La question doit être plus longue, ou plus courte.
error-poll-options-count = Proposez de 2 à 8 choix, un par ligne.
    .easy = Écrivez 2 réponses au moins, et 8 au plus. Une par ligne.
error-poll-option-too-long = Un choix fait plus de 80 caractères : raccourcissez-le.
    .easy = Une réponse est trop longue.
error-poll-options-twice = Deux choix sont identiques.
    .easy = Deux réponses sont pareilles.
error-poll-state = Ce sondage ne peut pas changer ainsi : rechargez la console.
    .easy = Ça ne marche pas. Rechargez la page.
error-poll-answer-choice = Choisissez une des réponses proposées.
    .easy = Choisissez une réponse.
error-poll-answer-rating = Choisissez une note de 1 à 5.
    .easy = Choisissez une note de 1 à 5.
error-poll-answer-word-empty = Écrivez un mot.
    .easy = Écrivez un mot.
error-poll-answer-word-long = Un mot ou une courte expression : 3 mots et 30 caractères au plus.
    .easy = C'est trop long. Écrivez 1 mot, ou 3 mots au plus.
error-poll-answer-word-letters = Des lettres et des chiffres seulement (l'apostrophe et le tiret sont permis).
    .easy = Écrivez seulement des lettres.
error-poll-answered = Vous avez déjà répondu à ce sondage : une réponse par personne.
    .easy = Vous avez déjà répondu. Une réponse par personne.
error-poll-not-open = Ce sondage n'est pas ouvert.
    .easy = Ce sondage est fermé.
audit-poll-created = Sondage préparé
    .easy = Sondage préparé
audit-poll-opened = Sondage ouvert
    .easy = Sondage ouvert
audit-poll-closed = Sondage fermé
    .easy = Sondage fermé
audit-poll-word-reviewed = Mot de sondage relu
    .easy = Mot relu
