# "About" page and accessibility statement.
# Each message has a plain value and an .easy attribute in easy-read language.

about-title = About Agora
    .easy = What is Agora?

about-intro = Agora is free software (licence AGPL-3.0-or-later) made for local mental health councils (CLSM, conseils locaux de santé mentale). It lets a council hold plenary assemblies open to everyone, consult people through anonymous surveys, collect testimony and prioritise together the findings of the local diagnosis. Elected officials, psychiatry, people with lived experience, family carers, professionals and residents take part on an equal footing, with the same information, in plain language or in easy-read.
    .easy = Agora is a website for local mental health councils. With Agora, every person can give their opinion and vote. Elected officials, carers, people who are ill, families and residents all have the same place. Anyone can use Agora.

about-clsm-title = What is a CLSM?
    .easy = What is a local mental health council?

about-clsm = A local mental health council (CLSM) is a space for dialogue and coordination between the elected officials, psychiatry, people with lived experience, family carers, professionals and residents of an area. It works through three bodies: the steering committee sets priorities, the plenary assembly, open to everyone, is the space for citizen consultation, and working groups carry out the roadmap. Its method: a shared local diagnosis produces findings, which are prioritised into a programme of actions that is evaluated every year.
    .easy = A local mental health council brings people together. They are elected officials, carers, people who are ill, families and residents. Together, they look for ways to help people feel well in their mind. A big meeting open to everyone takes place once or twice a year. The people there choose the most important problems and decide what to do. Every year, they check if the actions worked.

about-equal-title = Why equal footing?
    .easy = Why does every person count the same?

about-equal = A CLSM rests on exchanges between equals. Yet people with lived experience cannot always speak up as easily as professionals and elected officials. So that everyone has the same level of information, Agora offers every text in an easy-read version with pictograms, lets people take part anonymously, and shows vote results college by college, with a result where every college weighs the same: twelve people with lived experience count as much as eighty residents.
    .easy = In a meeting, some people find it easier to speak than others. Agora helps every person understand and give their opinion. Every text has an easy-read version, with pictures. You can take part without giving your name. The group of people who are ill counts as much as the group of residents. This is true even if it is smaller.

a11y-title = Accessibility
    .easy = A website that is easy for everyone to use

a11y-status = Agora aims for level AA of the international accessibility guidelines WCAG 2.2, which covers the criteria of the French standard RGAA 4.1. Compliance status: Agora is partially compliant. Every page is tested automatically with axe-core, including keyboard navigation and easy-read mode. A full audit has not been carried out yet. Automated tests only find some of the problems: your reports are valuable.
    .easy = We want Agora to be easy to use for everyone. There are rules for this. Today, Agora follows some of these rules. A computer checks every page, but experts have not checked everything yet.

a11y-features = You can turn on easy-read mode with pictograms, make the text larger, choose high contrast, increase text spacing, reduce motion and switch between French and English. Agora also works without JavaScript and can be used with the keyboard only, without a mouse.
    .easy = You can choose easy-to-read texts, with pictures. You can make the writing bigger. You can make the colours stronger. You can put more space between lines. You can stop animations. You can read in French or in English. Agora also works with just the keyboard, without a mouse.

a11y-report-title = Report an accessibility problem
    .easy = Do you have a problem using Agora?

a11y-report = If you cannot reach some content or feature of Agora, contact the coordinator of your local mental health council: they will help you get the information in another form and pass the problem on. If you get no answer, you can turn to the Défenseur des droits, the French rights ombudsman: through the online form at defenseurdesdroits.fr, through a local delegate, or by free post, no stamp needed, to Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07, France.
    .easy = Tell the person who runs your council. They will help you. If nobody answers, write to the Défenseur des droits, who protects your rights. The address is: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07. The letter is free, you do not need a stamp.

licence-title = Licence
    .easy = Free software

licence = Agora is free software, released under the GNU Affero General Public License, version 3 or any later version (AGPL-3.0-or-later). Anyone may use, study, modify and share it. If you run a modified version of Agora as an online service, you must make its source code available to its users, under the same licence.
    .easy = Agora is free software. Anyone can use it. Anyone can look at how it is made, change it and share it. If someone changes Agora for their website, they must share their changes too.

credits-title = Credits
    .easy = Thank you

credits = The pictograms come from the OpenMoji project (openmoji.org), open-source emojis and icons, and are used under the Creative Commons Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0).
    .easy = The pictures come from the OpenMoji project. Its website is openmoji.org. Anyone can use these pictures, as long as they say where they come from.

# The accessibility statement page (/accessibilite): a summary, then the text of docs/accessibility.en.md.
statement-title = Accessibility statement
    .easy = Is Agora easy to use?

statement-summary-title = In short
    .easy = What you need to know

statement-read-full = Read the full statement
    .easy = Read the whole official text

about-statement-link = Read the full accessibility statement
    .easy = Read everything we checked
