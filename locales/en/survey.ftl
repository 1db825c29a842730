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
