# Staff area: sign-up from an invitation, sign-in with a passkey, account.

footer-staff = Staff area (coordination, facilitation)
    .easy = Staff area

role-coordinator = Coordinator
    .easy = Coordinator: prepares everything
role-facilitator = Facilitator
    .easy = Facilitator: runs the meetings
role-observer = Observer
    .easy = Observer: reads the results

passkey-explained = Agora uses no password. Your device creates a passkey, protected by your fingerprint, your face or your phone's or computer's PIN. Nobody else can use it.
    .easy = No password. Your phone or computer makes a key. You confirm it with your finger, your face or your code.
passkey-needs-javascript = Passkeys need JavaScript. Turn it on in your browser to continue.
    .easy = Turn on JavaScript in your browser.
passkey-waiting = Follow what your device asks…
    .easy = Look at your device…

sign-up-title = Join the team
    .easy = Make your account
sign-up-invited = You are invited to join
    .easy = You are invited to
sign-up-name = Your name
    .easy = Your name
sign-up-name-hint = As the team will see it, for example "Anne Martin".
    .easy = For example: Anne Martin.
sign-up-submit = Create my passkey
    .easy = Make my key

sign-in-title = Staff sign-in
    .easy = Sign in
sign-in-intro = For the people who coordinate or facilitate a council. Participants do not need to sign in.
    .easy = Only for the team. To take part, you do not need to sign in.
sign-in-submit = Sign in with my passkey
    .easy = Sign in
sign-in-no-account = No account yet? You need an invitation from your council's coordinator.
    .easy = No account? Ask for an invitation.

account-title = My account
    .easy = My account
account-signed-in-as = Signed in as
    .easy = You are
account-councils = My councils and roles
    .easy = My councils
account-signed-out = You are not signed in.
    .easy = You are not signed in.
sign-out = Sign out
    .easy = Leave

error-passkey-cancelled = The passkey was not confirmed: the fingerprint, face or PIN was not recognised, or the request was cancelled. Please try again.
    .easy = It did not work. Confirm with your finger, your face or your code. Try again.
error-passkey-unsupported = This browser or this address does not allow passkeys. Open Agora at its usual address, in a recent browser.
    .easy = This browser does not work for keys. Try another browser.
error-passkey-failed = The passkey could not be checked. Please try again.
    .easy = The key does not work. Try again.
error-passkey-unknown = Agora does not know this passkey. It may have been removed.
    .easy = Agora does not know this key.
error-ceremony-expired = The request took too long. Please start again.
    .easy = It took too long. Start again.
error-invitation-unusable = This invitation has already been used or has expired. Ask your coordinator for a new one.
    .easy = This invitation does not work any more. Ask for another one.
error-name-too-short = Enter your name (at least 2 characters).
    .easy = Write your name.
error-name-too-long = This name is too long (100 characters at most).
    .easy = The name is too long.
error-name-invalid = This name contains characters that are not allowed.
    .easy = The name has signs that are not allowed.
error-sign-in-needed = Sign in to do this.
    .easy = Sign in first.
error-forbidden = Your role in this council does not allow this.
    .easy = You are not allowed to do this.
