# Agora — interface, en français.
# Chaque message a une variante « .easy » (FALC : facile à lire et à comprendre),
# sauf quand le texte simple est déjà facile à lire.

site-name = Agora
site-tagline = La participation des conseils locaux de santé mentale
    .easy = Donner son avis sur la santé mentale, près de chez soi
skip-to-content = Aller au contenu
    .easy = Aller au texte de la page
nav-label = Navigation principale
    .easy = Menu
nav-councils = Les conseils
    .easy = Les conseils de santé mentale
nav-about = À propos et accessibilité
    .easy = Qui sommes-nous ?

crisis-label = Aide en cas de crise
    .easy = Besoin d'aide ?
crisis-title = Besoin d'aide tout de suite ? Appelez :
    .easy = Vous allez mal ? Appelez :
crisis-short = Besoin d'aide ?
    .easy = Ça va mal ?
crisis-more = Autres numéros
    .easy = Autres numéros
room-crisis = Besoin d'aide : 3114 (prévention du suicide, gratuit, jour et nuit) · 15 · 112 · 114 par SMS
    .easy = Besoin d'aide ? Appelez le 3114, jour et nuit · urgence : 15 ou 112 · SMS : 114
room-fullscreen = Plein écran (F)
    .easy = Plein écran (F)
room-black = Écran noir (B)
    .easy = Écran noir (B)
room-black-back = Revenir à l'écran (B)
    .easy = Revenir (B)
crisis-3114 = prévention du suicide, 24 heures sur 24, gratuit
    .easy = si vous pensez au suicide, jour et nuit, gratuit
crisis-15 = SAMU, urgence médicale
    .easy = pour une urgence de santé
crisis-112 = numéro d'urgence européen, depuis tout téléphone
    .easy = pour une urgence, depuis tous les téléphones
crisis-114 = urgences par SMS, pour les personnes sourdes ou malentendantes
    .easy = par SMS, si vous entendez mal

prefs-title = Affichage et langue
    .easy = Changer l'affichage
prefs-language = Langue
lang-fr = Français
lang-en = English
prefs-easy = Facile à lire et à comprendre (FALC), avec des pictogrammes
    .easy = Texte facile à lire, avec des images
prefs-text-size = Taille du texte
prefs-text-normal = Normale
prefs-text-large = Grande
prefs-text-larger = Très grande
prefs-comfort = Confort de lecture
    .easy = Pour mieux lire
prefs-contrast = Contraste renforcé
    .easy = Couleurs plus fortes
prefs-spacing = Espacement augmenté
    .easy = Plus d'espace entre les lignes
prefs-motion = Réduire les animations
    .easy = Pas d'animation
prefs-save = Appliquer
    .easy = Valider
prefs-saved = Vos préférences sont enregistrées.
    .easy = C'est enregistré.

index-title = Les conseils locaux de santé mentale
    .easy = Les conseils de santé mentale
index-intro = Un conseil local de santé mentale réunit les élus, la psychiatrie, les personnes concernées, leurs proches, les professionnels et les habitants d'un territoire pour agir ensemble sur la santé mentale. Choisissez votre conseil.
    .easy = Un conseil de santé mentale réunit des personnes d'une ville. Ensemble, elles agissent pour la santé mentale. Choisissez votre conseil.
index-findings = { $count ->
        [one] { $count } constat au diagnostic
       *[other] { $count } constats au diagnostic
    }
    .easy = { $count ->
        [one] { $count } problème repéré
       *[other] { $count } problèmes repérés
    }
index-empty = Aucun conseil n'est encore hébergé ici.
    .easy = Il n'y a pas encore de conseil ici.

council-territory = Territoire
    .easy = Lieu
council-colleges-title = Qui participe ?
council-colleges-intro = Chacun participe à égalité, dans le collège qu'il choisit librement.
    .easy = Chaque personne compte autant. Vous choisissez votre groupe.
council-diagnosis-title = Le diagnostic partagé
    .easy = Ce que nous avons appris
council-diagnosis-intro = Les constats du diagnostic, rangés selon les cinq objectifs des conseils locaux de santé mentale.
    .easy = Voici les problèmes repérés sur le territoire. Ils sont rangés en 5 thèmes.
council-no-findings = Ce conseil n'a pas encore publié de constat.
    .easy = Il n'y a rien ici pour le moment.

objective-stigma = Lutter contre la stigmatisation
    .easy = Changer le regard sur les troubles psychiques
objective-determinants = Agir sur les déterminants de la santé mentale
    .easy = Agir sur la vie de tous les jours : logement, travail, argent
objective-prevention = Prévenir les troubles psychiques
    .easy = Éviter que les troubles arrivent
objective-inclusion = Inclusion sociale et droits des personnes concernées
    .easy = Avoir sa place et ses droits
objective-care = Des parcours de soins accessibles
    .easy = Être soigné facilement et vite
objective-observation = Observer les besoins et les ressources en santé mentale du territoire
    .easy = Connaître les besoins et l'aide qui existe
objective-promotion = Promouvoir la santé mentale et prévenir la souffrance psychique
    .easy = Aider chacun à se sentir bien et éviter la souffrance
objective-access = Faciliter et améliorer l'accès aux soins
    .easy = Être soigné plus facilement
objective-citizenship = Insertion sociale, autonomie et pleine citoyenneté des usagers
    .easy = Avoir sa place, décider pour soi, avoir ses droits
objective-destigmatisation = Contribuer à la déstigmatisation des personnes concernées
    .easy = Changer le regard sur les personnes qui ont un trouble psychique

college-elus = Élus
    .easy = Les élus
college-soin = Psychiatrie et soins
    .easy = Les soignants
college-usagers = Usagers de la psychiatrie
    .easy = Les personnes qui vivent avec un trouble psychique
college-aidants = Aidants et familles
    .easy = Les proches et les familles
college-professionnels = Professionnels du social, du médico-social, de l'éducation, du logement
    .easy = Les professionnels
college-habitants = Habitants
    .easy = Les habitants

finding-objective = Objectif
    .easy = Thème
finding-source = Source
    .easy = D'où vient cette information ?
finding-back = Revenir au conseil
breadcrumb-label = Fil d'Ariane
    .easy = Vous êtes ici
breadcrumb-home = Accueil

not-found-title = Page introuvable
    .easy = Nous ne trouvons pas cette page
not-found-text = Cette adresse ne correspond à aucune page ni à aucun conseil hébergé ici. Vérifiez l'adresse, ou revenez à la liste des conseils.
    .easy = Cette page n'existe pas. Vérifiez l'adresse.
not-found-home = Voir la liste des conseils
    .easy = Revenir au début

error-not-found = Ce que vous cherchez n'existe pas ou plus.
    .easy = Nous ne trouvons pas cette page.
error-internal = Un problème est survenu de notre côté. Réessayez dans un instant.
    .easy = Il y a un problème. Ce n'est pas de votre faute. Réessayez plus tard.
error-network = Le serveur n'a pas pu être joint. Vérifiez votre connexion puis réessayez.
    .easy = Internet ne marche pas. Réessayez plus tard.
error-preferences = Ces préférences ne sont pas reconnues. Choisissez parmi les options proposées.
    .easy = Ce choix n'existe pas. Choisissez dans la liste.
error-cross-site = Ce formulaire a été envoyé depuis un autre site. Par sécurité, rien n'a été enregistré. Rechargez la page d'Agora et recommencez.
    .easy = Ce formulaire ne vient pas d'Agora. Rien n'est enregistré. Recommencez depuis Agora.
error-too-large = Ce que vous avez envoyé est trop long. Rien n'a été enregistré. Raccourcissez votre texte et recommencez.
    .easy = Votre texte est trop long. Rien n'est enregistré. Écrivez moins long.
error-form-malformed = Ce formulaire est arrivé incomplet. Rien n'a été enregistré. Rechargez la page et recommencez.
    .easy = Le formulaire n'est pas arrivé en entier. Rien n'est enregistré. Recommencez.
error-too-slow = La connexion est trop lente : ce que vous avez envoyé n'est pas arrivé en entier. Rien n'a été enregistré. Vérifiez votre connexion et recommencez.
    .easy = Votre connexion est trop lente. Rien n'est enregistré. Essayez encore.
error-rate-limited = Vous avez envoyé beaucoup de choses en peu de temps. Rien n'a été enregistré. Attendez une minute puis recommencez.
    .easy = Vous allez trop vite. Rien n'est enregistré. Attendez une minute.
refusal-title = Demande refusée
    .easy = Ça n'a pas marché
refusal-title-unavailable = Enregistrement impossible pour le moment
    .easy = Agora n'enregistre pas pour l'instant
refusal-back = Revenir à l'accueil d'Agora
    .easy = Revenir au début
refusal-back-page = Revenir à la page
    .easy = Revenir en arrière
error-unavailable = Agora ne peut rien enregistrer pour le moment. Rien n'a été enregistré. Réessayez dans quelques minutes ; vous pouvez toujours lire les pages.
    .easy = Agora ne peut pas enregistrer pour l'instant. Rien n'est enregistré. Réessayez plus tard. Vous pouvez toujours lire.
loading = Chargement…
    .easy = Attendez un peu…

footer-licence = Agora est un logiciel libre, sous licence AGPL-3.0 ou ultérieure.
    .easy = Agora est un logiciel libre.
footer-accessibility = Accessibilité : partiellement conforme
    .easy = Accessibilité
footer-credits = Pictogrammes : OpenMoji, licence CC BY-SA 4.0.
    .easy = Images : OpenMoji.

# Lecture à voix haute (bouton caché si le navigateur ne sait pas lire)
read-aloud = Écouter
    .easy = Écouter le texte

read-aloud-stop = Arrêter la lecture
    .easy = Arrêter

# Aide à l'écriture : lisibilité et version facile à lire manquante
readability-checked = Rien n'est enregistré. La lisibilité de ce que vous avez écrit est indiquée sous chaque texte ; changez-le et vérifiez de nouveau, ou enregistrez.
    .easy = Rien n'est enregistré. Sous chaque texte, vous voyez s'il est facile à lire.

easy-missing = Pas encore de version facile à lire : les personnes en mode facile à lire verront le texte courant.
    .easy = Il manque la version facile à lire.
refused-writes = { $count ->
    [0] Aucun envoi n'a été refusé par les limites anti-abus depuis le démarrage du serveur.
    [one] Un envoi a été refusé par les limites anti-abus depuis le démarrage du serveur (trop d'envois d'un même appareil ou d'une même adresse).
   *[other] { $count } envois ont été refusés par les limites anti-abus depuis le démarrage du serveur (trop d'envois d'un même appareil ou d'une même adresse).
}
    .easy = { $count } envois bloqués parce qu'il y en avait trop.
error-council-name-short = Le nom du conseil est trop court : deux signes au moins.
    .easy = Le nom est trop court.
error-council-text-long = Ce texte est trop long : 120 signes au plus pour le nom du conseil, 500 pour les autres champs. Rien n'a été changé.
    .easy = Le texte est trop long.
error-council-text-invalid = Ce texte contient des caractères qui ne s'écrivent pas.
    .easy = Il y a des signes bizarres dans le texte.
index-empty-how = Pour commencer, la personne qui gère ce serveur crée le conseil, puis invite sa première coordinatrice ou son premier coordinateur, avec ces deux commandes :
    .easy = Pour commencer, la personne qui gère le site crée le conseil. Puis elle invite une personne pour le coordonner :
index-empty-after = Le lien d'invitation permet de créer une clé d'accès ; tout le reste se fait ici, dans le navigateur.
    .easy = Avec le lien, la personne crée sa clé. Ensuite, tout se fait ici.

## The guide of local resources (/{slug}/ressources)
crisis-local = Aide près de chez vous : services, groupes d'entraide, associations
    .easy = Trouver de l'aide près de chez vous
resources-title = Aide près de chez vous
    .easy = Trouver de l'aide près de chez vous
resources-intro = Les services, groupes d'entraide mutuelle et associations du territoire : où les trouver, quand, comment les joindre et comment ils sont accessibles. En cas d'urgence, appelez le 3114 ou le 15.
    .easy = Voici les lieux qui peuvent vous aider. Si c'est urgent, appelez le 3114 ou le 15.
resources-search = Chercher
    .easy = Chercher
resources-search-hint = Un mot du nom, de la description, de l'adresse ou des horaires, par exemple « GEM », « samedi » ou « Montclair ».
    .easy = Écrivez un mot. Par exemple : GEM.
resources-search-submit = Chercher
    .easy = Chercher
resources-none = Le conseil n'a pas encore écrit son guide.
    .easy = Il n'y a rien ici pour le moment.
resources-not-found = Rien ne correspond à « { $query } ». Essayez un autre mot.
    .easy = Rien trouvé. Essayez un autre mot.
resources-found = { $count ->
    [one] Un lieu correspond à « { $query } ».
   *[other] { $count } lieux correspondent à « { $query } ».
}
    .easy = { $count } lieux trouvés.
resources-print = Pour garder ce guide sur papier, imprimez cette page : seuls les lieux s'impriment.
    .easy = Vous pouvez imprimer cette page.
resource-kind = Type
    .easy = Type
resource-kind-service = Services de soin et d'aide
    .easy = Soins et aide
resource-kind-gem = Groupes d'entraide mutuelle (GEM)
    .easy = Groupes d'entraide
resource-kind-association = Associations
    .easy = Associations
resource-kind-other = Autres lieux
    .easy = Autres lieux
resource-add = Ajouter un lieu
    .easy = Ajouter un lieu
resource-edit = Modifier
    .easy = Changer
resource-new-title = Ajouter un lieu au guide
    .easy = Ajouter un lieu
resource-edit-title = Modifier un lieu du guide
    .easy = Changer un lieu
resource-name = Nom
    .easy = Nom
resource-description = Ce qu'on y trouve
    .easy = Ce qu'on y trouve
resource-description-easy = Ce qu'on y trouve, en version facile à lire
    .easy = En mots simples
resource-address = Adresse
    .easy = Adresse
resource-hours = Horaires
    .easy = Quand c'est ouvert
resource-hours-hint = Par exemple : du lundi au vendredi, de 9 h à 17 h.
    .easy = Par exemple : lundi à vendredi, 9 h à 17 h.
resource-phone = Téléphone
    .easy = Téléphone
resource-website = Site web
    .easy = Site internet
resource-website-hint = Une adresse qui commence par https://
    .easy = Commence par https://
resource-accessibility = Accessibilité
    .easy = Accès
resource-accessibility-hint = Fauteuil roulant, boucle magnétique, langue des signes, accueil sans rendez-vous…
    .easy = Par exemple : fauteuil roulant.
resource-save = Enregistrer le lieu
    .easy = Enregistrer
resource-delete = Retirer ce lieu du guide
    .easy = Supprimer ce lieu
resource-back = Revenir au guide
    .easy = Revenir au guide
saved-resource = Lieu enregistré dans le guide.
    .easy = C'est enregistré.
saved-resource-deleted = Lieu retiré du guide.
    .easy = Le lieu est supprimé.
error-resource-kind = Choisissez un type dans la liste.
    .easy = Choisissez un type.
error-resource-phone = Un numéro de téléphone : des chiffres, des espaces, des points, des tirets, un + au début.
    .easy = Écrivez seulement des chiffres.
error-resource-website = Une adresse web complète, qui commence par https:// (ou http://), sans espace.
    .easy = Écrivez une adresse qui commence par https://
error-resource-too-many = Le guide tient 300 lieux au plus : retirez-en avant d'en ajouter.
    .easy = Il y a trop de lieux.
audit-resource-added = Lieu ajouté au guide
    .easy = Lieu ajouté
audit-resource-edited = Lieu du guide modifié
    .easy = Lieu changé
audit-resource-deleted = Lieu retiré du guide
    .easy = Lieu supprimé
audit-fact-resource = lieu n° { $value }
    .easy = lieu { $value }
finding-testimonies = Ce qu'en disent les personnes
    .easy = Ce que les gens en disent
finding-testimonies-count = { $count ->
    [one] Un témoignage publié parle de ce constat.
   *[other] { $count } témoignages publiés parlent de ce constat.
}
    .easy = { $count } personnes en parlent.
finding-evidence = Ce que disent les questionnaires
    .easy = Ce que les gens ont répondu
finding-evidence-from = Questionnaire :
    .easy = Questionnaire :
finding-evidence-too-few = Trop peu de personnes ont répondu à cette question pour montrer les résultats ici (moins de { $min }).
    .easy = Moins de { $min } personnes ont répondu. Nous ne montrons pas les réponses.
