# Espace équipe : inscription sur invitation, connexion par clé d'accès, compte.

footer-staff = Espace équipe (coordination, animation)
    .easy = Espace équipe

role-coordinator = Coordination
    .easy = Coordination : prépare tout
role-facilitator = Animation
    .easy = Animation : anime les réunions
role-observer = Observation
    .easy = Observation : lit les résultats

passkey-explained = Agora n'utilise pas de mot de passe. Votre appareil crée une clé d'accès, protégée par votre empreinte, votre visage ou le code de votre téléphone ou ordinateur. Personne d'autre ne peut l'utiliser.
    .easy = Pas de mot de passe. Votre téléphone ou ordinateur crée une clé. Vous la confirmez avec votre doigt, votre visage ou votre code.
passkey-needs-javascript = Les clés d'accès ont besoin de JavaScript. Activez-le dans votre navigateur pour continuer.
    .easy = Activez JavaScript dans votre navigateur.
passkey-waiting = Suivez les indications de votre appareil…
    .easy = Regardez votre appareil…

sign-up-title = Rejoindre l'équipe
    .easy = Créer votre compte
sign-up-invited = Vous êtes invité·e à rejoindre
    .easy = On vous invite dans
sign-up-name = Votre nom
    .easy = Votre nom
sign-up-name-hint = Tel qu'il apparaîtra à l'équipe, par exemple « Anne Martin ».
    .easy = Par exemple : Anne Martin.
sign-up-submit = Créer ma clé d'accès
    .easy = Créer ma clé

sign-in-title = Connexion de l'équipe
    .easy = Se connecter
sign-in-intro = Réservé aux personnes qui coordonnent ou animent un conseil. Les participantes et participants n'ont pas besoin de se connecter.
    .easy = Seulement pour l'équipe. Pour participer, pas besoin de se connecter.
sign-in-submit = Me connecter avec ma clé d'accès
    .easy = Me connecter
sign-in-no-account = Pas encore de compte ? Il faut une invitation de la coordination de votre conseil.
    .easy = Pas de compte ? Demandez une invitation.

account-title = Mon compte
    .easy = Mon compte
account-signed-in-as = Connecté·e en tant que
    .easy = Vous êtes
account-councils = Mes conseils et mes rôles
    .easy = Mes conseils
account-signed-out = Vous n'êtes pas connecté·e.
    .easy = Vous n'êtes pas connecté.
sign-out = Me déconnecter
    .easy = Partir

error-passkey-cancelled = La clé d'accès n'a pas été confirmée : l'empreinte, le visage ou le code n'a pas été reconnu, ou la demande a été annulée. Réessayez.
    .easy = Ça n'a pas marché. Confirmez avec votre doigt, votre visage ou votre code. Réessayez.
error-passkey-unsupported = Ce navigateur ou cette adresse ne permet pas les clés d'accès. Ouvrez Agora à son adresse habituelle, avec un navigateur récent.
    .easy = Ce navigateur ne marche pas pour les clés. Essayez un autre navigateur.
error-passkey-failed = La clé d'accès n'a pas pu être vérifiée. Réessayez.
    .easy = La clé ne marche pas. Réessayez.
error-passkey-unknown = Cette clé d'accès n'est pas connue d'Agora. Elle a peut-être été supprimée.
    .easy = Agora ne connaît pas cette clé.
error-ceremony-expired = La demande a pris trop de temps. Recommencez.
    .easy = C'était trop long. Recommencez.
error-invitation-unusable = Cette invitation a déjà servi ou a expiré. Demandez-en une nouvelle à la coordination.
    .easy = Cette invitation ne marche plus. Demandez-en une autre.
error-name-too-short = Indiquez votre nom (au moins 2 caractères).
    .easy = Écrivez votre nom.
error-name-too-long = Ce nom est trop long (100 caractères au plus).
    .easy = Le nom est trop long.
error-name-invalid = Ce nom contient des caractères non permis.
    .easy = Le nom a des signes interdits.
error-sign-in-needed = Connectez-vous pour faire cela.
    .easy = Connectez-vous d'abord.
error-forbidden = Votre rôle dans ce conseil ne permet pas de faire cela.
    .easy = Vous n'avez pas le droit de faire cela.

team-title = Équipe du conseil
    .easy = L'équipe
team-members = Membres de l'équipe
    .easy = Qui est dans l'équipe
team-pending = Invitations en attente
    .easy = Invitations pas encore utilisées
team-pending-none = Aucune invitation en attente.
    .easy = Aucune.
team-pending-until = valable jusqu'au
    .easy = jusqu'au
team-invite = Inviter une personne
    .easy = Inviter quelqu'un
team-invite-role = Rôle
    .easy = Son rôle
team-invite-hours = Durée de validité du lien, en heures (1 à 720)
    .easy = Le lien marche pendant combien d'heures ?
team-invite-submit = Créer le lien d'invitation
    .easy = Créer le lien
team-link-ready = Lien d'invitation à envoyer à la personne, par un moyen privé :
    .easy = Envoyez ce lien à la personne :
team-link-once = Ce lien n'est affiché qu'une fois et ne sert qu'une fois.
    .easy = Le lien marche une seule fois.
error-role-unknown = Ce rôle n'existe pas. Choisissez-en un dans la liste.
    .easy = Choisissez un rôle dans la liste.
error-hours-range = La durée doit être un nombre d'heures entre 1 et 720.
    .easy = Écrivez un nombre entre 1 et 720.

audit-title = Journal des actions de l'équipe
    .easy = Ce que l'équipe a fait
audit-intro = Chaque action de l'équipe est notée : qui, quand, quoi. Les participantes et participants n'y figurent jamais.
    .easy = On note ce que fait l'équipe. On ne note rien sur les participants.
audit-caption = Les 200 actions les plus récentes, de la plus récente à la plus ancienne
    .easy = Les dernières actions
audit-when = Quand (UTC)
    .easy = Quand
audit-who = Qui
    .easy = Qui
audit-what = Action
    .easy = Quoi
audit-detail = Détail
    .easy = Détail
audit-operator = Administration du serveur
    .easy = Le serveur
audit-invite = Invitation créée
    .easy = Invitation
audit-sign-up = Inscription
    .easy = Nouveau compte
audit-sign-in = Connexion
    .easy = Connexion
audit-sign-out = Déconnexion
    .easy = Départ

account-passkeys = Mes clés d'accès
    .easy = Mes clés
account-passkey = Clé d'accès n°
    .easy = Clé n°
account-passkey-created = créée le
    .easy = faite le
account-passkey-used = dernière utilisation le
    .easy = utilisée le
account-passkey-revoke = Supprimer
    .easy = Supprimer
account-sessions = Sessions
    .easy = Partir
sign-out-everywhere = Me déconnecter de tous mes appareils
    .easy = Partir sur tous mes appareils
passkey-revoked = La clé d'accès est supprimée. Elle ne permet plus de se connecter.
    .easy = La clé est supprimée.
error-last-passkey = C'est votre seule clé d'accès : la supprimer vous empêcherait de vous connecter. Ajoutez-en une autre d'abord.
    .easy = C'est votre seule clé. Vous ne pouvez pas la supprimer.
audit-passkey-revoked = Clé d'accès supprimée
    .easy = Clé supprimée
audit-sign-out-everywhere = Déconnexion de tous les appareils
    .easy = Départ partout
account-passkey-add = Ajouter une clé d'accès (autre appareil, clé de sécurité)
    .easy = Ajouter une clé
audit-passkey-added = Clé d'accès ajoutée
    .easy = Clé ajoutée
recovery-codes-title = Vos codes de secours
    .easy = Vos codes de secours
recovery-codes-explained = Si vous perdez votre appareil, chacun de ces codes permet de vous connecter une fois, pour créer une nouvelle clé d'accès. Notez-les ou imprimez-les maintenant et gardez-les en lieu sûr : ils ne seront plus jamais affichés.
    .easy = Si vous perdez votre téléphone, un code vous permet d'entrer une fois. Écrivez ces codes maintenant. Gardez-les bien. On ne les montre qu'une fois.
recovery-codes-continue = J'ai noté mes codes, aller à mon compte
    .easy = C'est noté, continuer
recovery-sign-in-title = Appareil perdu ?
    .easy = Vous avez perdu votre appareil ?
recovery-sign-in-intro = Entrez un de vos codes de secours. Chaque code ne sert qu'une fois ; ajoutez ensuite une nouvelle clé d'accès depuis votre compte.
    .easy = Écrivez un code de secours. Ensuite, créez une nouvelle clé.
recovery-sign-in-code = Code de secours (par exemple abcd-efgh-2345-6789)
    .easy = Votre code de secours
recovery-sign-in-submit = Me connecter avec un code de secours
    .easy = Entrer avec le code
recovery-code-used = Vous êtes connecté·e avec un code de secours, qui ne servira plus. Ajoutez une nouvelle clé d'accès ci-dessous.
    .easy = Vous êtes entré avec un code. Ajoutez une nouvelle clé maintenant.
error-recovery-code = Ce code de secours n'est pas valable ou a déjà servi. Vérifiez-le et réessayez.
    .easy = Ce code ne marche pas. Vérifiez-le.
audit-recovery-code-used = Connexion avec un code de secours
    .easy = Entrée avec un code
audit-fact-role = rôle : { $role }
    .easy = rôle : { $role }
audit-fact-hours = lien valable { $value } h
    .easy = lien valable { $value } heures
audit-fact-passkey = clé d'accès n° { $value }
    .easy = clé n° { $value }
audit-fact-sessions = { $value ->
    [one] { $value } session fermée
   *[other] { $value } sessions fermées
}
    .easy = { $value } appareils quittés
audit-fact-codes = { $value } nouveaux codes
    .easy = { $value } nouveaux codes
audit-fact-method-passkey = avec une clé d'accès
    .easy = avec une clé
account-recovery = Codes de secours
    .easy = Codes de secours
account-recovery-unused = { $count ->
    [0] Vous n'avez plus de code de secours. Demandez-en de nouveaux pour ne pas rester bloqué·e si vous perdez votre appareil.
    [one] Il vous reste un code de secours.
   *[other] Il vous reste { $count } codes de secours.
}
    .easy = { $count ->
        [0] Vous n'avez plus de code. Demandez de nouveaux codes.
        [one] Il vous reste 1 code.
       *[other] Il vous reste { $count } codes.
    }
account-recovery-renew = Remplacer mes codes de secours (les anciens ne marcheront plus)
    .easy = Avoir de nouveaux codes. Les anciens ne marchent plus.
audit-recovery-codes-renewed = Codes de secours remplacés
    .easy = Nouveaux codes

## Council settings (/{council}/reglages)

settings-title = Réglages du conseil
    .easy = Les réglages
settings-link = Réglages
    .easy = Réglages
settings-privacy = Protéger l'anonymat dans les résultats
    .easy = Protéger les personnes dans les résultats
settings-min-group-why = Dans les résultats des votes et des questionnaires, un groupe trop petit est fusionné avec d'autres ou n'est pas montré : dans un groupe de deux ou trois personnes, chacun pourrait deviner ce que les autres ont répondu.
    .easy = Parfois, un groupe a très peu de personnes. Alors on ne montre pas ses réponses à part. Sinon, on pourrait savoir qui a répondu quoi.
settings-min-group = Taille minimale d'un groupe montré à part
    .easy = Nombre minimum de personnes dans un groupe
settings-min-group-hint = Un nombre entier de 3 à 50. Par défaut : 5.
    .easy = Un nombre de 3 à 50. D'habitude : 5.
settings-local-help-title = Aide locale
    .easy = Aide près de chez vous
settings-local-help-why = Ces ressources s'affichent à côté des numéros nationaux (3114, 15, 112, 114) avant et après chaque témoignage : CMP, GEM, ligne d'écoute, permanence…
    .easy = Ces lieux et numéros s'affichent à côté des numéros d'urgence, quand une personne témoigne.
settings-local-help = Ressources d'aide du territoire
    .easy = Lieux et numéros d'aide
settings-local-help-hint = Une par ligne : le nom, puis les horaires, le numéro ou l'adresse. 8 lignes au plus, 200 signes par ligne.
    .easy = Une aide par ligne. 8 lignes au plus.
error-local-help-lines = Il y a trop de lignes : 8 ressources au plus. Rien n'a été changé.
    .easy = Trop de lignes : 8 au plus. Rien n'a changé.
error-local-help-line-long = Une ligne est trop longue : 200 signes au plus par ressource. Rien n'a été changé.
    .easy = Une ligne est trop longue. Rien n'a changé.
settings-save = Enregistrer les réglages
    .easy = Enregistrer
saved-settings = Les réglages sont enregistrés.
    .easy = C'est enregistré.
error-min-group-range = Indiquez un nombre entier de 3 à 50. Rien n'a été changé.
    .easy = Écrivez un nombre de 3 à 50.
audit-council-min-group = Taille minimale des groupes changée
    .easy = Taille des groupes changée
audit-fact-group = taille : { $value }
    .easy = taille : { $value }
team-members-intro = Retirer une personne de l'équipe la déconnecte aussitôt de tous ses appareils, y compris d'une animation en direct ouverte. Le conseil garde toujours au moins une coordinatrice ou un coordinateur.
    .easy = Si vous retirez une personne, elle ne peut plus rien faire ici. Il faut toujours au moins une personne qui coordonne.
team-member-you = (vous)
    .easy = (vous)
team-member-role = Rôle de { $name }
    .easy = Rôle de { $name }
team-member-role-submit = Changer le rôle
    .easy = Changer le rôle
team-member-remove = Retirer { $name } de l'équipe
    .easy = Retirer { $name }
team-invitation-cancel = Annuler l'invitation ({ $role })
    .easy = Annuler l'invitation
saved-staff-removed = La personne est retirée de l'équipe et déconnectée de tous ses appareils.
    .easy = La personne ne fait plus partie de l'équipe.
saved-staff-role = Le rôle est changé.
    .easy = Le rôle est changé.
saved-invitation-cancelled = L'invitation est annulée : son lien ne marche plus.
    .easy = L'invitation est annulée.
error-staff-last-coordinator = C'est la dernière personne qui coordonne ce conseil : invitez d'abord une autre coordinatrice ou un autre coordinateur. Rien n'a été changé.
    .easy = Il faut une autre personne qui coordonne d'abord. Rien n'a changé.
audit-staff-removed = Personne retirée de l'équipe
    .easy = Personne retirée
audit-staff-role-changed = Rôle changé
    .easy = Rôle changé
audit-invitations-cancelled = Invitation annulée
    .easy = Invitation annulée
audit-fact-member = { $value }
    .easy = { $value }
audit-fact-from = avant : { $role }
    .easy = avant : { $role }
audit-fact-invitations = { $value ->
    [one] { $value } invitation
   *[other] { $value } invitations
}
    .easy = { $value } invitations
audit-session-idle = Session terminée après une longue absence
    .easy = Session finie : personne ne s'en servait
team-testimony-grant = Peut lire et modérer les témoignages
    .easy = Peut lire les témoignages
team-testimony-hint = Pour une personne qui anime : elle lira les témoignages tels qu'ils arrivent et écoutera les messages vocaux, avant toute modération. Sans cette case, elle anime les assemblées et montre à l'écran les témoignages déjà publiés, sans lire les autres. Les personnes qui coordonnent le peuvent toujours ; l'observation, jamais.
    .easy = Cochez si cette personne doit lire les témoignages avant leur publication. Sinon, elle peut animer sans les lire.
team-member-testimony = { $name } peut lire et modérer les témoignages
    .easy = { $name } peut lire les témoignages
team-member-reads-testimony = lit les témoignages
    .easy = lit les témoignages
audit-fact-testimony = avec la lecture des témoignages
    .easy = peut lire les témoignages
