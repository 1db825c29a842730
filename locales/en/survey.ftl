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
