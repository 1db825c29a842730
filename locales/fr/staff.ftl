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
