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
refusal-back = Revenir à l'accueil d'Agora
    .easy = Revenir au début
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
