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

team-title = Council team
    .easy = The team
team-members = Team members
    .easy = Who is in the team
team-pending = Pending invitations
    .easy = Invitations not used yet
team-pending-none = No pending invitation.
    .easy = None.
team-pending-until = valid until
    .easy = until
team-invite = Invite someone
    .easy = Invite someone
team-invite-role = Role
    .easy = Their role
team-invite-hours = How long the link works, in hours (1 to 720)
    .easy = How many hours does the link work?
team-invite-submit = Create the invitation link
    .easy = Make the link
team-link-ready = Invitation link to send to the person, privately:
    .easy = Send this link to the person:
team-link-once = This link is shown only once and works only once.
    .easy = The link works one time only.
error-role-unknown = This role does not exist. Choose one from the list.
    .easy = Choose a role from the list.
error-hours-range = The duration must be a number of hours between 1 and 720.
    .easy = Write a number between 1 and 720.

audit-title = Log of the team's actions
    .easy = What the team did
audit-intro = Every action of the team is recorded: who, when, what. Participants never appear in it.
    .easy = We write down what the team does. We write nothing about participants.
audit-caption = The 200 most recent actions, newest first
    .easy = The last actions
audit-when = When (UTC)
    .easy = When
audit-who = Who
    .easy = Who
audit-what = Action
    .easy = What
audit-detail = Detail
    .easy = Detail
audit-operator = Server administration
    .easy = The server
audit-invite = Invitation created
    .easy = Invitation
audit-sign-up = Sign-up
    .easy = New account
audit-sign-in = Sign-in
    .easy = Sign in
audit-sign-out = Sign-out
    .easy = Leave

account-passkeys = My passkeys
    .easy = My keys
account-passkey = Passkey no.
    .easy = Key no.
account-passkey-created = created on
    .easy = made on
account-passkey-used = last used on
    .easy = used on
account-passkey-revoke = Remove
    .easy = Remove
account-sessions = Sessions
    .easy = Leave
sign-out-everywhere = Sign out of all my devices
    .easy = Leave on all my devices
passkey-revoked = The passkey is removed. It can no longer be used to sign in.
    .easy = The key is removed.
error-last-passkey = This is your only passkey: removing it would lock you out. Add another one first.
    .easy = This is your only key. You cannot remove it.
audit-passkey-revoked = Passkey removed
    .easy = Key removed
audit-sign-out-everywhere = Signed out of all devices
    .easy = Left everywhere
account-passkey-add = Add a passkey (another device, a security key)
    .easy = Add a key
audit-passkey-added = Passkey added
    .easy = Key added
recovery-codes-title = Your recovery codes
    .easy = Your recovery codes
recovery-codes-explained = If you lose your device, each of these codes lets you sign in once, to create a new passkey. Write them down or print them now and keep them safe: they will never be shown again.
    .easy = If you lose your phone, one code lets you in one time. Write these codes down now. Keep them safe. We show them only once.
recovery-codes-continue = I have saved my codes, go to my account
    .easy = Saved, continue
recovery-sign-in-title = Lost your device?
    .easy = Did you lose your device?
recovery-sign-in-intro = Enter one of your recovery codes. Each code works once; then add a new passkey from your account.
    .easy = Write a recovery code. Then make a new key.
recovery-sign-in-code = Recovery code (for example abcd-efgh-2345-6789)
    .easy = Your recovery code
recovery-sign-in-submit = Sign in with a recovery code
    .easy = Enter with the code
recovery-code-used = You are signed in with a recovery code, which will not work again. Add a new passkey below.
    .easy = You came in with a code. Add a new key now.
error-recovery-code = This recovery code is not valid or has already been used. Check it and try again.
    .easy = This code does not work. Check it.
audit-recovery-code-used = Signed in with a recovery code
    .easy = Came in with a code
audit-fact-role = role: { $role }
    .easy = role: { $role }
audit-fact-hours = link valid for { $value } h
    .easy = link works for { $value } hours
audit-fact-passkey = passkey no. { $value }
    .easy = key no. { $value }
audit-fact-sessions = { $value ->
    [one] { $value } session ended
   *[other] { $value } sessions ended
}
    .easy = left { $value } devices
audit-fact-codes = { $value } new codes
    .easy = { $value } new codes
audit-fact-method-passkey = with a passkey
    .easy = with a key
account-recovery = Recovery codes
    .easy = Recovery codes
account-recovery-unused = { $count ->
    [0] You have no recovery code left. Get new ones so that losing your device does not lock you out.
    [one] You have one recovery code left.
   *[other] You have { $count } recovery codes left.
}
    .easy = { $count ->
        [0] You have no code left. Get new codes.
        [one] You have 1 code left.
       *[other] You have { $count } codes left.
    }
account-recovery-renew = Replace my recovery codes (the old ones will stop working)
    .easy = Get new codes. The old ones stop working.
audit-recovery-codes-renewed = Recovery codes replaced
    .easy = New codes

## Council settings (/{council}/reglages)

settings-title = Council settings
    .easy = Settings
settings-link = Settings
    .easy = Settings
settings-privacy = Protecting anonymity in results
    .easy = Protecting people in the results
settings-min-group-why = In vote and survey results, a group that is too small is merged with others or not shown: in a group of two or three people, each could guess what the others answered.
    .easy = If a group has very few people, its answers are not shown on their own. Otherwise, people could tell who answered what.
settings-min-group = Smallest group shown on its own
    .easy = Fewest people in a group
settings-min-group-hint = A whole number from 3 to 50. Default: 5.
    .easy = A number from 3 to 50. Usually: 5.
settings-local-help-title = Local help
    .easy = Help near you
settings-local-help-why = These resources are shown beside the national numbers (3114, 15, 112, 114) before and after each testimony: the local mental health centre, peer support group, listening line, drop-in hours…
    .easy = These places and numbers are shown beside the emergency numbers when someone gives a testimony.
settings-local-help = The territory's help resources
    .easy = Places and numbers for help
settings-local-help-hint = One per line: the name, then the hours, the number or the address. 8 lines at most, 200 characters per line.
    .easy = One help per line. 8 lines at most.
error-local-help-lines = There are too many lines: 8 resources at most. Nothing was changed.
    .easy = Too many lines: 8 at most. Nothing changed.
error-local-help-line-long = A line is too long: 200 characters at most per resource. Nothing was changed.
    .easy = A line is too long. Nothing changed.
settings-save = Save the settings
    .easy = Save
saved-settings = The settings are saved.
    .easy = It is saved.
error-min-group-range = Give a whole number from 3 to 50. Nothing was changed.
    .easy = Write a number from 3 to 50.
audit-council-min-group = Smallest group size changed
    .easy = Group size changed
audit-fact-group = size: { $value }
    .easy = size: { $value }
team-members-intro = Removing someone from the team signs them out of every device at once, an open live console included. The council always keeps at least one coordinator.
    .easy = If you remove someone, they can do nothing here any more. There must always be one person who coordinates.
team-member-you = (you)
    .easy = (you)
team-member-role = Role of { $name }
    .easy = Role of { $name }
team-member-role-submit = Change the role
    .easy = Change the role
team-member-remove = Remove { $name } from the team
    .easy = Remove { $name }
team-invitation-cancel = Cancel the invitation ({ $role })
    .easy = Cancel the invitation
saved-staff-removed = The person is off the team and signed out of every device.
    .easy = The person is no longer in the team.
saved-staff-role = The role is changed.
    .easy = The role is changed.
saved-invitation-cancelled = The invitation is cancelled: its link no longer works.
    .easy = The invitation is cancelled.
error-staff-last-coordinator = This is the council's last coordinator: invite another coordinator first. Nothing was changed.
    .easy = Another person must coordinate first. Nothing changed.
audit-staff-removed = Removed from the team
    .easy = Removed
audit-staff-role-changed = Role changed
    .easy = Role changed
audit-invitations-cancelled = Invitation cancelled
    .easy = Invitation cancelled
audit-fact-member = { $value }
    .easy = { $value }
audit-fact-from = before: { $role }
    .easy = before: { $role }
audit-fact-invitations = { $value ->
    [one] { $value } invitation
   *[other] { $value } invitations
}
    .easy = { $value } invitations
audit-session-idle = Session ended after a long pause
    .easy = Session ended: nobody used it
team-testimony-grant = May read and moderate testimony
    .easy = May read testimony
team-testimony-hint = For a facilitator: they will read testimony as it comes in and listen to voice messages, before any moderation. Without this box, they run assemblies and put already published testimony on the screen, without reading the rest. Coordinators always may; observers never do.
    .easy = Tick it if this person must read testimony before it is published. Otherwise they can run meetings without reading it.
team-member-testimony = { $name } may read and moderate testimony
    .easy = { $name } may read testimony
team-member-reads-testimony = reads testimony
    .easy = reads testimony
audit-fact-testimony = with reading testimony
    .easy = may read testimony
