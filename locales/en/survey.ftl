## Surveys: answers refused (beside their question)

error-answer-required = This question needs an answer.
    .easy = Answer this question.
error-answer-unknown-option = This choice does not exist (any more) in this survey. Reload the page.
    .easy = This choice does not exist. Reload the page.
error-answer-unknown-question = This question does not exist (any more) in this survey. Reload the page.
    .easy = This question does not exist. Reload the page.
error-answer-scale = Choose a mark from 1 to 5.
    .easy = Choose from 1 to 5.
error-answer-too-long-short = Your answer is too long: 200 characters at most.
    .easy = It is too long. Write less.
error-answer-too-long = Your answer is too long: 2,000 characters at most.
    .easy = It is too long. Write less.
error-answer-ranking = Give each ranked choice a rank between 1 and the number of choices.
    .easy = Put a number in each box: 1, 2, 3…
error-answer-ranking-twice = Two choices have the same rank: each rank is used once.
    .easy = Two choices have the same number. Change one number.

## Readability hint, while writing

readability-easy = Easy to read.
    .easy = Easy to read.
readability-fair = Fairly easy to read. Shorter sentences would help.
    .easy = Not bad. Make shorter sentences.
readability-hard = Hard to read: long sentences or long words. Try one idea per sentence and everyday words.
    .easy = Hard to read. One idea per sentence. Simple words.

## Surveys: questions refused in the builder

error-question-prompt = Write the question.
    .easy = Write the question.
error-question-prompt-long = The question is too long: 500 characters at most.
    .easy = The question is too long.
error-question-profile-single = A profile question (college, commune, age) is a single choice.
    .easy = For the profile, people choose one answer.
error-question-no-options = This kind of question has no choices: leave the choices empty.
    .easy = No choices for this question.
error-question-options-count = Offer 2 to 20 choices.
    .easy = Write 2 to 20 choices.
error-question-option-long = A choice is too long: 200 characters at most.
    .easy = A choice is too long.
error-question-option-twice = Two choices are the same.
    .easy = Two choices are the same.

## Surveys: refusals, audit log

error-survey-title = Give the survey a title (200 characters at most).
    .easy = Write a title.
error-survey-intro-long = The easy-read title or the introduction is too long (2,000 characters at most for the introduction).
    .easy = It is too long.
error-survey-empty = A survey has at least one question.
    .easy = Add a question.
error-survey-state = This change is not possible: a survey goes from draft to open, then to closed, never back.
    .easy = This is not possible.
error-survey-codes-not-asked = This survey is not answered with codes, or it is closed.
    .easy = No codes for this survey.
audit-survey-created = Survey created
    .easy = Survey created
audit-survey-opened = Survey opened
    .easy = Survey opened
audit-survey-closed = Survey closed
    .easy = Survey closed
audit-survey-drafted = Survey back to draft
    .easy = Survey in draft
audit-survey-codes-issued = Survey codes drawn
    .easy = Codes made
audit-fact-survey = survey no. { $value }
    .easy = survey no. { $value }

## Answering a survey (/{council}/questionnaires/{id})

survey-count = { $count ->
    [one] One question.
   *[other] { $count } questions.
}
survey-required-note = Questions marked "required" need an answer; you may skip the others.
    .easy = You can skip a question, unless it says "required".
survey-required = (required)
    .easy = (required)
survey-question-number = Question { $n } of { $total }:
    .easy = Question { $n } of { $total }:
survey-multiple-hint = Tick as many answers as you like.
    .easy = You can tick several boxes.
survey-ranking-hint = Give rank 1 to the most important, then 2, and so on. You may leave a choice without a rank.
    .easy = Put 1 for the most important. Then 2. Then 3.
survey-rank-none = no rank
    .easy = no number
survey-scale-1 = 1 — not at all
    .easy = Not at all
survey-scale-2 = 2 — a little
    .easy = A little
survey-scale-3 = 3 — somewhat
    .easy = Somewhat
survey-scale-4 = 4 — a lot
    .easy = A lot
survey-scale-5 = 5 — completely
    .easy = Completely
survey-code-title = Your personal code
    .easy = Your code
survey-code = Code you received to answer
    .easy = Your code
survey-code-hint = It is on the paper or message you received, for example ABCDE-23456. It works once and is never linked to your answers.
    .easy = It is on your paper. It works once. Nobody can know what you answered.
survey-send-hint = Nothing is sent before you press the button. Read your answers above again if you wish.
    .easy = Read your answers again. Then press the button.
survey-send = Send my answers
    .easy = Send
saved-survey-sent = Your answers are sent.
    .easy = It is sent.
survey-thanks-title = Thank you, your answers are sent
    .easy = Thank you! It is sent.
survey-thanks-anonymous = They are kept without your name, your address or the time: nobody can know who answered what.
    .easy = Nobody will know these are your answers.
survey-thanks-back = Back to the council's page
    .easy = Back to the council
survey-closed = This survey is closed: it takes no more answers.
    .easy = This survey is over.
error-survey-not-open = This survey is not open: your answers were not saved.
    .easy = This survey is closed. Nothing is saved.
error-survey-code-missing = This survey asks for the code you received.
    .easy = Write your code.
error-survey-code-not-valid = This code is not valid for this survey: it was copied wrongly, or it has been used already (a code works once). Check the letters and digits. Nothing was saved.
    .easy = This code does not work. Check it. A code works only once.
council-surveys-title = Open surveys
    .easy = Surveys
council-surveys-intro = Anonymous and short, so that the diagnosis also hears those who never come to meetings.
    .easy = Answer, even if you do not come to meetings. Nobody will know who answered.

## Survey results (/{council}/questionnaires/{id}/resultats)

survey-results-title = Results
    .easy = Results
survey-results-link = See the results
    .easy = See the results
survey-results-hidden = The results will be published when the survey closes.
    .easy = The results come at the end of the survey.
survey-results-provisional = Provisional results, seen by the team only: the survey is still open.
    .easy = Not finished. Only the team sees these results.
survey-results-mixed = Answers enter these results in groups of at least { $min }, so that nobody can find out what someone answered. Answers waiting: { $waiting }.
    .easy = Answers are counted in groups of { $min }. So nobody can find your answers. Answers waiting: { $waiting }.
survey-results-respondents = { $count ->
    [one] One person answered.
   *[other] { $count } people answered.
}
survey-results-answered = { $count ->
    [one] One answer to this question.
   *[other] { $count } answers to this question.
}
survey-results-breakdown = The breakdown by "{ $by }" only shows groups of at least { $min } people: smaller ones are put together in "Other groups", so that nobody can be recognised.
    .easy = Answers are shown by group. A group has at least { $min } people. This way nobody is recognised.
survey-results-no-breakdown = No breakdown by group: it would need at least two groups of at least { $min } people.
    .easy = No breakdown by group: not enough people.
survey-results-by-label = Break down by
    .easy = Show by group:
survey-results-by-none = No breakdown by group
    .easy = No groups
survey-results-by-show = Show
    .easy = Show
survey-results-none-chosen = No breakdown by group.
    .easy = No groups.
survey-csv-number = No.
    .easy = Number
survey-csv-question = Question
    .easy = Question
survey-csv-answer = Answer
    .easy = Answer
survey-csv-group = Group
    .easy = Group
survey-csv-respondents = People of the group who answered
    .easy = People of the group who answered
survey-csv-count = Count
    .easy = Number
survey-csv-percent = Percent
    .easy = Out of 100
survey-csv-mean-rank = Mean rank
    .easy = Mean rank
survey-csv-all = Everyone
    .easy = Everyone
survey-csv-written = Written answers (read by the team)
    .easy = Written answers
survey-results-download = Download the figures (CSV, for a spreadsheet)
    .easy = Download the figures
survey-results-caption = Answers
    .easy = Answers
survey-results-answer = Answer
    .easy = Answer
survey-results-count = People
    .easy = People
survey-results-first = Put first by
    .easy = Put first by
survey-results-people = { $count } ({ $percent }%)
    .easy = { $count } ({ $percent } out of 100)
survey-results-mean-rank = mean rank { $rank }
    .easy = mean rank { $rank }
survey-results-text-held = Written answers are read by the team, who remove names and details that could identify someone, before anything is published.
    .easy = The team reads the texts. It removes names before showing them.
survey-results-by-group = By group
    .easy = By group
survey-results-others = Other groups
    .easy = Other groups
survey-results-not-said = No answer
    .easy = Not said
survey-results-group-size = ({ $count } people)
    .easy = ({ $count } people)

## Surveys list and builder (/{council}/questionnaires, …/{id}/modifier)

surveys-title = Surveys
    .easy = Surveys
surveys-none = No survey yet.
    .easy = No survey.
council-surveys-all = All the council's surveys
    .easy = All surveys
survey-new-title = New survey
    .easy = Make a survey
survey-field-title = Title
    .easy = Title
survey-field-title-easy = Easy-read title
    .easy = Easy-read title
survey-field-easy-hint = Optional: shown in easy-read mode; otherwise the usual text is shown.
    .easy = You can leave it empty.
survey-field-intro = Introduction: why this survey, how long, anonymity
    .easy = Introduction
survey-field-intro-easy = Easy-read introduction
    .easy = Easy-read introduction
survey-field-one-per-person = One answer per person, with codes to hand out
    .easy = One answer per person (with a code)
survey-create = Create the draft
    .easy = Create
saved-survey-created = The draft is created: add the questions.
    .easy = It is created. Add the questions.
survey-state-draft = draft (seen by the team only)
    .easy = draft
survey-state-open = open to answers
    .easy = open
survey-state-closed = closed
    .easy = closed
survey-action-open = Open to answers
    .easy = Open
survey-action-close = Close the survey
    .easy = Close
survey-action-remove = Remove this question
    .easy = Remove
saved-survey-open = The survey is open to answers.
    .easy = The survey is open.
saved-survey-close = The survey is closed: the results are published.
    .easy = The survey is closed.
saved-survey-remove = The question is removed.
    .easy = The question is removed.
saved-question-added = The question is added.
    .easy = The question is added.
readability-score = Readability: { $verdict } (Kandel-Moles { $km }, LIX { $lix })
    .easy = Readability: { $verdict }
survey-kind-single = single choice
    .easy = one choice
survey-kind-multiple = multiple choice
    .easy = several choices
survey-kind-scale = scale from 1 to 5
    .easy = mark from 1 to 5
survey-kind-short-text = short text
    .easy = short text
survey-kind-long-text = long text
    .easy = long text
survey-kind-ranking = ranking
    .easy = ranking
survey-lacks-easy = No easy-read version: the usual text will be shown.
    .easy = No easy-read version.
survey-preview-link = Preview the survey
    .easy = See the survey
survey-preview = Preview: this survey is not open yet and takes no answers.
    .easy = This survey is not open yet.
survey-questions-title = Questions
    .easy = Questions
survey-no-questions = No question yet.
    .easy = No question.
survey-add-question = Add a question
    .easy = Add a question
survey-field-section = Part
    .easy = Part
survey-field-section-hint = The title of the part to put the question in; a new title makes a new part.
    .easy = Write the name of the part.
survey-field-kind = Kind of question
    .easy = Kind of question
survey-field-prompt = Question
    .easy = Question
survey-field-prompt-easy = Easy-read question
    .easy = Easy-read question
survey-field-options = Choices offered
    .easy = Choices
survey-field-options-hint = One per line; after " | ", its easy-read version. Leave empty for the scale and texts.
    .easy = One choice per line.
survey-field-required = Answer required
    .easy = Required
survey-field-profile = Profile question (for the results by group)
    .easy = Question about the person
survey-profile-none = No
    .easy = No
survey-profile-college = college (service user, carer…)
    .easy = college
survey-profile-commune = commune or neighbourhood
    .easy = commune
survey-profile-age-band = age band
    .easy = age
survey-add = Add the question
    .easy = Add
error-question-kind = Choose a kind of question.
    .easy = Choose a kind.
error-section-title = Give the part a title (200 characters at most).
    .easy = Write the name of the part.
error-survey-not-draft = The survey is open or closed: its questions no longer change.
    .easy = The questions cannot change now.
audit-survey-question-added = Question added to a survey
    .easy = Question added
audit-survey-question-removed = Question removed from a survey
    .easy = Question removed

## Free-text moderation (in the survey editor)

survey-moderation-title = Written answers to check
    .easy = Texts to check
survey-moderation-how = Before anything is published, remove names, precise places and any detail that could identify someone. The published text replaces the original, which is not kept; a text not published is erased.
    .easy = Remove names before publishing. The original text is erased.
survey-text-publish = Publish this text (as edited)
    .easy = Publish
survey-text-withhold = Do not publish
    .easy = Do not publish
saved-text-published = The text is published with the results.
    .easy = The text is published.
saved-text-withheld = The text will not be published; it is erased.
    .easy = The text is erased.
error-review-text = The text to publish is empty or too long (2,000 characters at most).
    .easy = The text is empty or too long.
audit-survey-text-published = Written answer published
    .easy = Text published
audit-survey-text-withheld = Written answer set aside
    .easy = Text set aside

## One-per-person codes (in the survey editor)

survey-codes-title = Codes to answer, once per person
    .easy = Codes
survey-codes-hint = 1 to 100 at a time. Codes are shown only once: print the sheet or send the codes straight away. They are never linked to the answers.
    .easy = 1 to 100. Print them straight away.
survey-codes-issue = Draw the codes and open the sheet to print
    .easy = Make the codes
survey-codes-sheet-title = One-time answer codes
    .easy = Codes to answer
survey-codes-gone = Codes are shown only once. To get more, draw new ones from the survey's page.
    .easy = Codes are shown only once. Make more if needed.
survey-share-title = Spread the word about the survey
    .easy = Give out the survey
survey-share-how = Put this QR code on a poster or a flyer, or send the link: people answer from their phone or a computer, without an account. Print this page to have the QR code on paper.
    .easy = Put this square on a poster. Or send the link. People answer with their phone.
survey-share-qr = The QR code leads to
    .easy = The square leads to
survey-one-by-one = One question at a time
    .easy = One question at a time
survey-one-by-one-hint = Tick to see the questions one by one, with links to go on and back, then read your answers again before sending. Nothing is sent when you change question.
    .easy = Tick to see one question at a time. Nothing is sent before the end.
survey-step-previous = Previous question
    .easy = Go back
survey-step-next = Next question
    .easy = Go on
survey-step-review = Read my answers again
    .easy = Read my answers again
survey-review-title = Read your answers again
    .easy = Read your answers again
survey-review-how = All your answers are below. You can still change them. The button to send is at the bottom of the page.
    .easy = Your answers are below. You can change them. The button to send is at the bottom.
survey-review-first = Back to the first question
    .easy = Back to the start
survey-summary-title = The results in easy-read
    .easy = The results in easy-read
survey-summary-link = Read the results in easy-read
    .easy = Read the results in easy-read
survey-summary-full = See all the figures
    .easy = See all the figures
survey-summary-nobody = Nobody answered this question.
    .easy = Nobody answered this question.
survey-summary-most = The answer chosen most often:
    .easy = The answer chosen most often:
survey-summary-most-tied = The answers chosen most often:
    .easy = The answers chosen most often:
survey-summary-most-count = { $tied ->
    [yes] { $count } people out of { $answered } chose each of these answers.
   *[no] { $count ->
        [one] One person out of { $answered } chose this answer.
       *[other] { $count } people out of { $answered } chose this answer.
    }
}
    .easy = { $tied ->
    [yes] { $count } people out of { $answered } chose each of these answers.
   *[no] { $count ->
        [one] One person out of { $answered } chose this answer.
       *[other] { $count } people out of { $answered } chose this answer.
    }
}
survey-summary-first = What people put first most often:
    .easy = What people put first most often:
survey-summary-first-tied = What people put first most often, equally:
    .easy = What people put first most often, equally:
survey-summary-first-count = { $tied ->
    [yes] { $count } people out of { $answered } put each one first.
   *[no] { $count ->
        [one] One person out of { $answered } put it first.
       *[other] { $count } people out of { $answered } put it first.
    }
}
    .easy = { $tied ->
    [yes] { $count } people out of { $answered } put each one first.
   *[no] { $count ->
        [one] One person out of { $answered } put it first.
       *[other] { $count } people out of { $answered } put it first.
    }
}
survey-summary-written = { $count ->
    [one] One person wrote an answer.
   *[other] { $count } people wrote an answer.
}
    .easy = { $count ->
    [one] One person wrote an answer.
   *[other] { $count } people wrote an answer.
}
survey-summary-written-read = You can read their answers on the page with all the figures.
    .easy = You can read their answers on the page with all the figures.
readability-check = Check readability
    .easy = Is it easy to read?
survey-readability-checked = Nothing is saved. The readability of what you wrote is shown under each text; change it and check again, or add the question.
    .easy = Nothing is saved. Under each text, you can see if it is easy to read.
readability-empty = nothing written.
    .easy = nothing written.
