# Agora — interface, in English.
# Every message has an ".easy" variant (easy-read) unless the plain text is already easy.

site-name = Agora
site-tagline = Participation for local mental health councils
    .easy = Have your say on mental health, close to home
skip-to-content = Skip to content
    .easy = Go to the page text
nav-label = Main navigation
    .easy = Menu
nav-councils = Councils
    .easy = Mental health councils
nav-about = About and accessibility
    .easy = Who are we?

crisis-label = Help in a crisis
    .easy = Need help?
crisis-title = Need help right now? Call:
    .easy = Feeling very bad? Call:
crisis-short = Need help?
    .easy = Feeling bad?
crisis-more = More numbers
    .easy = More numbers
room-crisis = Need help: 3114 (suicide prevention, free, day and night) · 15 · 112 · 114 by text
    .easy = Need help? Call 3114, day and night · emergency: 15 or 112 · text: 114
room-fullscreen = Full screen (F)
    .easy = Full screen (F)
room-black = Black screen (B)
    .easy = Black screen (B)
room-black-back = Back to the screen (B)
    .easy = Back (B)
crisis-3114 = suicide prevention, 24 hours a day, free
    .easy = if you think about suicide, day and night, free
crisis-15 = SAMU, medical emergency
    .easy = for a health emergency
crisis-112 = European emergency number, from any phone
    .easy = for an emergency, from any phone
crisis-114 = emergencies by text message, for deaf and hard of hearing people
    .easy = by text message, if you do not hear well

prefs-title = Display and language
    .easy = Change the display
prefs-language = Language
lang-fr = Français
lang-en = English
prefs-easy = Easy-read, with pictograms
    .easy = Easy text, with pictures
prefs-text-size = Text size
prefs-text-normal = Normal
prefs-text-large = Large
prefs-text-larger = Very large
prefs-comfort = Reading comfort
    .easy = To read better
prefs-contrast = Higher contrast
    .easy = Stronger colours
prefs-spacing = More spacing
    .easy = More space between lines
prefs-motion = Reduce motion
    .easy = No animation
prefs-save = Apply
    .easy = OK
prefs-saved = Your preferences are saved.
    .easy = It is saved.

index-title = Local mental health councils
    .easy = Mental health councils
index-intro = A local mental health council brings together the elected officials, psychiatry, people with lived experience, their families, professionals and residents of a territory to act together on mental health. Choose your council.
    .easy = A mental health council brings together people from a town. Together, they act for mental health. Choose your council.
index-findings = { $count ->
        [one] { $count } finding in the diagnosis
       *[other] { $count } findings in the diagnosis
    }
    .easy = { $count ->
        [one] { $count } problem found
       *[other] { $count } problems found
    }
index-empty = No council is hosted here yet.
    .easy = There is no council here yet.

council-territory = Territory
    .easy = Place
council-colleges-title = Who takes part?
council-colleges-intro = Everyone takes part on an equal footing, in the group they freely choose.
    .easy = Every person counts the same. You choose your group.
council-diagnosis-title = The shared diagnosis
    .easy = What we learned
council-diagnosis-intro = The findings of the diagnosis, grouped by the five objectives of local mental health councils. They are written in French.
    .easy = Here are the problems found in the area. They are in 5 themes. They are written in French.
council-no-findings = This council has not published any finding yet.
    .easy = There is nothing here yet.

objective-stigma = Fight stigma
    .easy = Change how people see mental illness
objective-determinants = Act on the determinants of mental health
    .easy = Act on daily life: housing, work, money
objective-prevention = Prevent mental disorders
    .easy = Stop problems before they start
objective-inclusion = Social inclusion and the rights of the people concerned
    .easy = Have your place and your rights
objective-care = Accessible care pathways
    .easy = Get care easily and quickly
objective-observation = Observing the territory's mental health needs and resources
    .easy = Know the needs and the help there is
objective-promotion = Promoting mental health and preventing psychological suffering
    .easy = Help everyone feel well and avoid suffering
objective-access = Easier and better access to care
    .easy = Get care more easily
objective-citizenship = Social inclusion, autonomy and full citizenship of service users
    .easy = Have your place, decide for yourself, have your rights
objective-destigmatisation = Helping to end the stigma on the people concerned
    .easy = Change how people see those who have a mental disorder

college-elus = Elected officials
    .easy = Elected people
college-soin = Psychiatry and care
    .easy = Carers in hospitals and clinics
college-usagers = People with lived experience
    .easy = People who live with a mental illness
college-aidants = Carers and families
    .easy = Family and friends who help
college-professionnels = Social, education and housing professionals
    .easy = Professionals
college-habitants = Residents
    .easy = People who live here

finding-objective = Objective
    .easy = Theme
finding-source = Source
    .easy = Where does this come from?
finding-back = Back to the council
breadcrumb-label = Breadcrumb
    .easy = You are here
breadcrumb-home = Home

not-found-title = Page not found
    .easy = We cannot find this page
not-found-text = This address matches no page and no council hosted here. Check the address, or go back to the list of councils.
    .easy = This page does not exist. Check the address.
not-found-home = See the list of councils
    .easy = Go back to the start

error-not-found = What you are looking for does not exist or no longer exists.
    .easy = We cannot find this page.
error-internal = Something went wrong on our side. Please try again in a moment.
    .easy = There is a problem. It is not your fault. Try again later.
error-network = The server could not be reached. Check your connection and try again.
    .easy = The internet is not working. Try again later.
error-preferences = These preferences are not recognised. Choose among the options offered.
    .easy = This choice does not exist. Choose from the list.
error-cross-site = This form was sent from another website. For your safety, nothing was saved. Reload the Agora page and try again.
    .easy = This form does not come from Agora. Nothing is saved. Start again from Agora.
error-too-large = What you sent is too long. Nothing was saved. Shorten your text and try again.
    .easy = Your text is too long. Nothing is saved. Write less.
error-form-malformed = This form arrived incomplete. Nothing was saved. Reload the page and try again.
    .easy = The form did not arrive in full. Nothing is saved. Try again.
error-too-slow = The connection is too slow: what you sent did not arrive in full. Nothing was saved. Check your connection and try again.
    .easy = Your connection is too slow. Nothing is saved. Try again.
error-rate-limited = You sent a lot in a short time. Nothing was saved. Wait a minute, then try again.
    .easy = You are going too fast. Nothing is saved. Wait one minute.
refusal-title = Request refused
    .easy = It did not work
refusal-title-unavailable = Saving is not possible right now
    .easy = Agora cannot save for now
refusal-back = Back to the Agora home page
    .easy = Go back to the start
refusal-back-page = Back to the page
    .easy = Go back
error-unavailable = Agora cannot save anything at the moment. Nothing was saved. Try again in a few minutes; you can still read the pages.
    .easy = Agora cannot save for now. Nothing is saved. Try again later. You can still read.
loading = Loading…
    .easy = Please wait…

footer-licence = Agora is free software, under the AGPL-3.0-or-later licence.
    .easy = Agora is free software.
footer-accessibility = Accessibility: partially conformant
    .easy = Accessibility
footer-credits = Pictograms: OpenMoji, licence CC BY-SA 4.0.
    .easy = Pictures: OpenMoji.

# Read aloud (the button stays hidden where the browser cannot speak)
read-aloud = Listen
    .easy = Listen to the text

read-aloud-stop = Stop reading
    .easy = Stop

# Writing aids: readability and a missing easy-read version
readability-checked = Nothing is saved. The readability of what you wrote is shown under each text; change it and check again, or save.
    .easy = Nothing is saved. Under each text, you can see if it is easy to read.

easy-missing = No easy-read version yet: people in easy-read mode will see the plain text.
    .easy = The easy-read version is missing.
refused-writes = { $count ->
    [0] No submission has been refused by the anti-abuse limits since the server started.
    [one] One submission has been refused by the anti-abuse limits since the server started (too many from one device or one address).
   *[other] { $count } submissions have been refused by the anti-abuse limits since the server started (too many from one device or one address).
}
    .easy = { $count } submissions blocked because there were too many.
error-council-name-short = The council's name is too short: at least two characters.
    .easy = The name is too short.
error-council-text-long = This text is too long: at most 120 characters for the council's name, 500 for the other fields. Nothing was changed.
    .easy = The text is too long.
error-council-text-invalid = This text holds characters that cannot be written.
    .easy = There are strange signs in the text.
index-empty-how = To begin, whoever runs this server creates the council, then invites its first coordinator, with these two commands:
    .easy = To begin, the person who runs the site creates the council. Then they invite someone to coordinate it:
index-empty-after = The invitation link lets them create a passkey; everything else happens here, in the browser.
    .easy = With the link, the person creates their key. Then everything happens here.

## The guide of local resources (/{slug}/ressources)
crisis-local = Help near you: services, mutual-aid groups, associations
    .easy = Find help near you
resources-title = Help near you
    .easy = Find help near you
resources-intro = The territory's services, mutual-aid groups and associations: where to find them, when, how to reach them and how accessible they are. In an emergency, call 3114 or 15.
    .easy = Here are places that can help you. If it is urgent, call 3114 or 15.
resources-search = Search
    .easy = Search
resources-search-hint = A word of the name, description, address or hours, for example "GEM", "Saturday" or "Montclair".
    .easy = Write a word. For example: GEM.
resources-search-submit = Search
    .easy = Search
resources-none = The council has not written its guide yet.
    .easy = There is nothing here yet.
resources-not-found = Nothing matches "{ $query }". Try another word.
    .easy = Nothing found. Try another word.
resources-found = { $count ->
    [one] One place matches "{ $query }".
   *[other] { $count } places match "{ $query }".
}
    .easy = { $count } places found.
resources-print = To keep this guide on paper, print this page: only the places are printed.
    .easy = You can print this page.
resource-kind = Kind
    .easy = Kind
resource-kind-service = Care and help services
    .easy = Care and help
resource-kind-gem = Mutual-aid groups (GEM)
    .easy = Mutual-aid groups
resource-kind-association = Associations
    .easy = Associations
resource-kind-other = Other places
    .easy = Other places
resource-add = Add a place
    .easy = Add a place
resource-edit = Edit
    .easy = Change
resource-new-title = Add a place to the guide
    .easy = Add a place
resource-edit-title = Edit a place of the guide
    .easy = Change a place
resource-name = Name
    .easy = Name
resource-description = What it offers
    .easy = What it offers
resource-description-easy = What it offers, easy-read
    .easy = In simple words
resource-address = Address
    .easy = Address
resource-hours = Opening hours
    .easy = When it is open
resource-hours-hint = For example: Monday to Friday, 9 am to 5 pm.
    .easy = For example: Monday to Friday, 9 to 5.
resource-phone = Phone
    .easy = Phone
resource-website = Website
    .easy = Website
resource-website-hint = An address starting with https://
    .easy = Starts with https://
resource-accessibility = Accessibility
    .easy = Access
resource-accessibility-hint = Wheelchair, hearing loop, sign language, walk-in welcome…
    .easy = For example: wheelchair.
resource-save = Save the place
    .easy = Save
resource-delete = Take this place off the guide
    .easy = Delete this place
resource-back = Back to the guide
    .easy = Back to the guide
saved-resource = Place saved in the guide.
    .easy = It is saved.
saved-resource-deleted = Place taken off the guide.
    .easy = The place is deleted.
error-resource-kind = Choose a kind from the list.
    .easy = Choose a kind.
error-resource-phone = A phone number: digits, spaces, dots, hyphens, a + at the start.
    .easy = Write only digits.
error-resource-website = A full web address, starting with https:// (or http://), without spaces.
    .easy = Write an address starting with https://
error-resource-too-many = The guide holds at most 300 places: take some off before adding.
    .easy = There are too many places.
audit-resource-added = Place added to the guide
    .easy = Place added
audit-resource-edited = Place of the guide edited
    .easy = Place changed
audit-resource-deleted = Place taken off the guide
    .easy = Place deleted
audit-fact-resource = place no. { $value }
    .easy = place { $value }
finding-testimonies = What people say about it
    .easy = What people say
finding-testimonies-count = { $count ->
    [one] One published testimony speaks to this finding.
   *[other] { $count } published testimonies speak to this finding.
}
    .easy = { $count } people talk about it.
finding-evidence = What the surveys say
    .easy = What people answered
finding-evidence-from = Survey:
    .easy = Survey:
finding-evidence-too-few = Too few people answered this question to show its results here (fewer than { $min }).
    .easy = Fewer than { $min } people answered. We do not show the answers.
