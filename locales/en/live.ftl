## Live: questions, moderation, protocol errors.

error-live-staff-only = Only the facilitation team can do that.
    .easy = Only the team can do that.
error-live-not-open = The live session of this assembly is not open.
    .easy = Live has not started or is over.
error-live-message = Message not understood. Reload the page.
    .easy = There is a problem. Reload the page.
error-questions-closed = Questions are closed for now.
    .easy = No more questions for now.
error-vote-participants = Only participants support questions.
    .easy = The team does not vote.
error-already-voted = You already support this question.
    .easy = You already voted for this question.
error-question-empty = Write your question.
    .easy = Write your question.
error-question-too-short = Your question is too short.
    .easy = Your question is too short.
error-question-too-long = Your question is too long: 500 characters at most.
    .easy = Your question is too long.
error-first-name = The first name is too long or has characters that are not allowed.
    .easy = This first name does not work.
error-college-unknown = This college does not exist. Choose one from the list, or none.
    .easy = Choose from the list.
error-reason = The reason is too long: 300 characters at most.
    .easy = The reason is too long.
error-question-state = This question is already in that state.
    .easy = It is already done.
error-question-not-approved = This question is not approved yet.
    .easy = This question is not accepted yet.
audit-question-approved = Question approved
    .easy = Question accepted
audit-question-rejected = Question set aside
    .easy = Question refused
audit-question-answered = Question marked answered
    .easy = Question answered
audit-question-pinned = Question pinned
    .easy = Question on top
audit-question-highlighted = Question shown on screen
    .easy = Question on the screen
audit-agenda-moved = Agenda item changed
    .easy = Next point
audit-premoderation-changed = Pre-moderation changed
    .easy = Moderation changed
audit-questions-opened = Questions opened
    .easy = Questions open
audit-questions-closed = Questions closed
    .easy = Questions closed
audit-fact-question = question no. { $value }
    .easy = question no. { $value }

## Participants' page
live-title = Live: questions
    .easy = Ask a question
live-current-item = Right now:
    .easy = Now:
live-cannot-ask = Questions cannot be asked right now.
    .easy = You cannot ask a question now.
live-pending = { $count ->
    [one] One question is waiting to be read by the team.
   *[other] { $count } questions are waiting to be read by the team.
}
    .easy = { $count ->
        [one] 1 question is waiting.
       *[other] { $count } questions are waiting.
    }
live-questions = Questions from the room
    .easy = The questions
live-order = Order of the questions
    .easy = Order
live-order-votes = Most supported
    .easy = Most liked
live-order-newest = Newest
    .easy = New ones
live-no-questions = No question yet. Be the first!
    .easy = No question yet.
live-reload = See new questions (reload)
    .easy = See new questions
live-ask = Ask a question
    .easy = Your question
live-ask-body = Your question
    .easy = Write your question
live-ask-hint = Anonymous: your name is not shown. 500 characters at most.
    .easy = Nobody will know it is you.
live-ask-hint-moderated = Anonymous: your name is not shown. The team reads each question before showing it. 500 characters at most.
    .easy = Nobody will know it is you. The team reads the question before showing it.
live-ask-more = Say who you are (optional)
    .easy = Say who you are (if you want)
live-ask-first-name = First name (optional)
    .easy = First name (if you want)
live-ask-college = You are (optional)
    .easy = You are (if you want)
live-ask-college-none = I prefer not to say
    .easy = I do not say
live-ask-submit = Send my question
    .easy = Send
live-votes = { $count ->
    [0] no support yet
    [one] 1 supporter
   *[other] { $count } supporters
}
    .easy = { $count ->
        [0] 0 votes
        [one] 1 vote
       *[other] { $count } votes
    }
live-support = Support
    .easy = I vote for it
live-supported = You support this question
    .easy = You voted
live-pinned = Pinned
    .easy = On top
live-answered = Answered
    .easy = Answer given
live-pause = Pause updates
    .easy = Stop the changes
live-resume = { $count ->
    [0] Resume updates (nothing new)
    [one] Resume updates (1 new change)
   *[other] Resume updates ({ $count } new changes)
}
    .easy = { $count ->
        [0] Show the changes (nothing new)
        [one] Show the changes (1 change)
       *[other] Show the changes ({ $count } changes)
    }
live-news-question = New question:
    .easy = New question:
live-news-answered = Question answered:
    .easy = Answer given to the question:
live-news-many = { $count ->
    [one] One change in the questions.
   *[other] { $count } changes in the questions.
}
    .easy = { $count ->
        [one] 1 change in the questions.
       *[other] { $count } changes in the questions.
    }
saved-question-pending = Thank you! Your question is sent. It will appear once the team has read it.
    .easy = Thank you! The team reads your question. Then it shows it.
saved-question-published = Thank you! Your question is shown.
    .easy = Thank you! Your question is there.
saved-supported = Your support is counted.
    .easy = Your vote is counted.
assembly-live-link = Take part live: ask a question, support others'
    .easy = Take part now

## Facilitator console and projector
console-title = Facilitator console
    .easy = Run the meeting
console-projector = Open the projector view
    .easy = See the room's screen
console-queue = Questions to review
    .easy = Questions to read
console-queue-empty = No question is waiting.
    .easy = No question to read.
console-edit = Correct the text before approving (optional)
    .easy = Correct the text (if needed)
console-approve = Approve
    .easy = Accept
console-reason = Reason for the team (optional, never shown to the public)
    .easy = Why (only the team sees it)
console-reject = Set aside
    .easy = Refuse
console-approved = Questions shown
    .easy = Questions shown
console-on-screen = On screen
    .easy = On the screen
console-highlight = Show on screen
    .easy = Show on the screen
console-unhighlight = Take off screen
    .easy = Remove from the screen
console-answered = Mark answered
    .easy = Answer given
console-unanswered = Mark not answered
    .easy = No answer yet
console-pin = Pin
    .easy = Put on top
console-unpin = Unpin
    .easy = Stop putting on top
console-go-to = Go to this item
    .easy = Go to this point
console-settings = Live settings
    .easy = Settings
console-premoderation-is-on = Pre-moderation: every question is reviewed before it is shown.
    .easy = The team reads each question before showing it.
console-premoderation-is-off = No pre-moderation: questions are shown at once.
    .easy = Questions are shown at once.
console-premoderation-on = Review questions before showing them
    .easy = Read before showing
console-premoderation-off = Show questions without review
    .easy = Show without reading
console-questions-are-open = Participants can ask questions.
    .easy = People can ask questions.
console-questions-are-closed = Questions are closed.
    .easy = People cannot ask questions now.
console-questions-close = Close questions
    .easy = Close questions
console-questions-open = Reopen questions
    .easy = Open questions
console-keys = Keyboard shortcuts
    .easy = Keyboard keys
console-keys-where = They act on the question that has the focus (not while typing in a field; Escape leaves the field).
    .easy = They work on the chosen question. Not while you write. Escape to leave the text.
console-key-next = Next question
    .easy = Next question
console-key-previous = Previous question
    .easy = Question before
console-key-approve = Approve the question
    .easy = Accept the question
console-key-edit = Correct the text before approving
    .easy = Correct the text
console-key-reject = Set the question aside
    .easy = Refuse the question
console-key-highlight = Show on screen, or take off the screen
    .easy = Show or remove from the screen
console-key-answered = Mark answered, or not answered
    .easy = Answer given, or not yet
console-key-pin = Pin, or unpin
    .easy = Put on top, or not
saved-console = Done.
    .easy = Done.
projector-title = Projector
    .easy = Room screen
projector-question = Question on screen
    .easy = The question
projector-no-question = Ask your questions from your phone.
    .easy = Ask your questions with your phone.
projector-count = { $count ->
    [0] No question yet
    [one] 1 question asked
   *[other] { $count } questions asked
}
    .easy = { $count ->
        [0] No question yet
        [one] 1 question
       *[other] { $count } questions
    }
error-live-session-ended = Your staff session has ended (signed out, or removed from the team): this console is closed. Sign in again to go on.
    .easy = You are signed out. Sign in again.
error-live-version = This page comes from an earlier version of Agora: reload it to follow the room.
    .easy = This page is too old. Reload the page.
error-written-answer-missing = Write the answer before its easy-read version.
    .easy = Write the answer first.
error-written-answer-too-long = The answer is too long: 1,000 characters at most.
    .easy = The answer is too long.
error-written-answer-easy-too-long = The easy-read version is too long: 500 characters at most.
    .easy = The easy-read version is too long.
audit-answer-written = Written answer to a question
    .easy = Answer written
live-answer = The team's answer:
    .easy = Answer:
console-answer-write = Answer in writing
    .easy = Write an answer
console-answer-change = Change the written answer
    .easy = Change the answer
console-answer = Written answer
    .easy = Answer
console-answer-hint = Shown under the question, on phones and on the screen, and kept on the assembly's page. Leave it empty to take the answer away.
    .easy = Everyone will see the answer. Empty: no answer.
console-answer-easy = Easy-read version (optional)
    .easy = Easy-read version
console-answer-easy-hint = Short sentences, simple words: shown to those reading in easy-read mode.
    .easy = Short sentences and simple words.
console-answer-save = Save the answer
    .easy = Save
record-title = The room's questions
    .easy = The questions asked
record-intro = The questions approved during the assembly, with the team's written answers. First names are not kept.
    .easy = Here are the questions and the answers. First names are not kept.
record-csv = Download the questions (CSV, spreadsheet)
    .easy = Download for a spreadsheet
record-json = Download the questions (JSON)
    .easy = Download as JSON
record-csv-number = No.
    .easy = Number
record-csv-item = Agenda item
    .easy = Topic
record-csv-question = Question
    .easy = Question
record-csv-college = College
    .easy = Group
record-csv-votes = Supports
    .easy = Votes
record-csv-answered = Answered
    .easy = Answer given
record-csv-answer = Written answer
    .easy = Answer
record-csv-answer-easy = Easy-read answer
    .easy = Easy answer
record-csv-yes = yes
    .easy = yes
record-csv-no = no
    .easy = no
live-news-vote = A vote is open:
    .easy = You can vote:
error-screen-choice = This screen choice does not exist. Reload the console.
    .easy = This choice does not work. Reload the page.
error-screen-testimony = This testimony cannot go on screen: it is not published, or its author does not (or no longer) accept it.
    .easy = This testimony cannot go on screen.
audit-screen-changed = Room screen changed
    .easy = Screen changed
room-testimony = A testimony
    .easy = A person tells their story
room-testimony-gone = This testimony is no longer shown.
    .easy = This testimony is not shown any more.
room-vote-turnout = { $count ->
    [0] No ballot yet
    [one] 1 ballot received
   *[other] { $count } ballots received
}
    .easy = { $count ->
        [0] Nobody has voted yet
        [one] 1 person has voted
       *[other] { $count } people have voted
    }
room-vote-how = Vote on your phone: scan the code, then "Vote now".
    .easy = Scan the code with your phone. Then vote.
room-vote-not-yet = The results will show here.
    .easy = The results will come here.
console-screen = On the room's screen
    .easy = What the screen shows
console-screen-now = The screen shows:
    .easy = The screen shows:
console-screen-join = The code to take part
    .easy = The code to take part
console-screen-question = A question
    .easy = A question
console-screen-agenda = The current item
    .easy = The current topic
console-screen-testimony = A testimony
    .easy = A testimony
console-screen-vote = A vote
    .easy = A vote
console-show = Show on screen
    .easy = Show
console-show-join = Show the code to take part
    .easy = Show the code
console-show-agenda = Show the current item
    .easy = Show the topic
console-votes = The assembly's votes
    .easy = The votes
console-show-testimony = Show on the room's screen
    .easy = Show in the room

## Quick polls
poll-section = Quick polls
    .easy = Small polls
poll-too-few = { $count ->
    [0] No answer counted yet
    [one] { $count } answer counted so far
   *[other] { $count } answers counted so far
}: results show from { $min } answers, so that nobody can be recognised.
    .easy = { $count ->
        [0] Nobody has answered yet.
        [one] { $count } person has answered.
       *[other] { $count } people have answered.
    } We show the results when { $min } people have answered.
poll-answers = { $count ->
    [0] no answer
    [one] { $count } answer
   *[other] { $count } answers
}
    .easy = { $count ->
        [0] nobody
        [one] { $count } person
       *[other] { $count } people
    }
poll-share = { $percent }% ({ $count ->
    [one] { $count } answer
   *[other] { $count } answers
})
    .easy = { $percent } in 100 ({ $count ->
        [one] { $count } person
       *[other] { $count } people
    })
poll-mean = average { $mean } out of 5
    .easy = on average { $mean } out of 5
poll-cloud-empty = No word shown yet.
    .easy = No word yet.
poll-words-pending = { $count ->
    [one] { $count } answer is waiting for the team to read it.
   *[other] { $count } answers are waiting for the team to read them.
}
    .easy = The team is still reading { $count ->
        [one] { $count } word.
       *[other] { $count } words.
    }
poll-answered = Thank you: your answer is counted with the others', without your name.
    .easy = Thank you. We have your answer. Nobody knows it is you.
poll-closed = Poll ended
    .easy = The poll is over
poll-choose = Your choice
    .easy = Choose an answer
poll-rate = Your rating
    .easy = Give a mark
poll-rating-hint = From 1 (not at all) to 5 (completely).
    .easy = 1 means no. 5 means yes, very much.
poll-word-label = Your word
    .easy = Write a word
poll-word-hint = A word or a short phrase (3 words at most). The team reads it before showing it.
    .easy = One word or 3 words. The team reads the words before showing them.
poll-submit = Answer
    .easy = Send my answer
room-poll-how = Answer on your phone, on the "Live" page.
    .easy = Answer with your phone.
poll-state-ready = Ready, not open yet
    .easy = Not open yet
poll-state-open = Open: participants are answering
    .easy = Open
poll-state-closed = Closed
    .easy = Closed
poll-open = Open the poll
    .easy = Open
poll-close = Close the poll
    .easy = Close
poll-reopen = Reopen the poll
    .easy = Open again
poll-words-review = Words to read
    .easy = Words to read
poll-word-rejected = kept off
    .easy = not shown
poll-approve-word = Show
    .easy = Show
poll-reject-word = Keep off
    .easy = Do not show
poll-new = Prepare a poll
    .easy = Make a poll
poll-kind-choice = Single choice
    .easy = Choose one answer
poll-kind-rating = Rating from 1 to 5
    .easy = A mark from 1 to 5
poll-kind-words = Word cloud
    .easy = Words
poll-field-kind = Kind of poll
    .easy = Kind of poll
poll-field-question = Question
    .easy = Question
poll-field-question-easy = Question in easy-read (optional)
    .easy = Question in easy-read (if you want)
poll-field-options = Choices offered (single choice only)
    .easy = The possible answers
poll-options-hint = One choice per line, 2 to 8, at most { $max } characters each.
    .easy = One answer per line. At least 2 answers, at most 8.
poll-create = Prepare the poll
    .easy = Make the poll
poll-record = Poll results
    .easy = What people answered
room-pause = Pause
    .easy = Pause
console-show-pause = Black screen (pause)
    .easy = Black screen
console-screen-poll = A poll
    .easy = A poll
console-screen-pause = The black screen
    .easy = The black screen
live-news-poll = A poll is open:
    .easy = You can answer:
saved-poll-created = Poll ready: open it when the room is there.
    .easy = The poll is ready.
saved-poll-opened = Poll open: phones offer it.
    .easy = The poll is open.
saved-poll-closed = Poll closed: every answer is counted.
    .easy = The poll is closed.
saved-poll-word = Word read.
    .easy = Done.
saved-poll-answered = Thank you: your answer is counted.
    .easy = Thank you. We have your answer.
error-poll-kind = Choose a kind of poll.
    .easy = Choose a kind of poll.
error-poll-question = Write a question of 3 to 200 characters.
    .easy = The question must be longer, or shorter.
error-poll-options-count = Offer 2 to 8 choices, one per line.
    .easy = Write at least 2 answers and at most 8. One per line.
error-poll-option-too-long = A choice is longer than 80 characters: shorten it.
    .easy = An answer is too long.
error-poll-options-twice = Two choices are the same.
    .easy = Two answers are the same.
error-poll-state = This poll cannot change that way: reload the console.
    .easy = This does not work. Reload the page.
error-poll-answer-choice = Choose one of the answers offered.
    .easy = Choose an answer.
error-poll-answer-rating = Choose a rating from 1 to 5.
    .easy = Choose a mark from 1 to 5.
error-poll-answer-word-empty = Write a word.
    .easy = Write a word.
error-poll-answer-word-long = A word or a short phrase: 3 words and 30 characters at most.
    .easy = This is too long. Write 1 word, or 3 words at most.
error-poll-answer-word-letters = Letters and digits only (apostrophes and hyphens are allowed).
    .easy = Write only letters.
error-poll-answered = You have already answered this poll: one answer per person.
    .easy = You have already answered. One answer per person.
error-poll-not-open = This poll is not open.
    .easy = This poll is closed.
audit-poll-created = Poll prepared
    .easy = Poll prepared
audit-poll-opened = Poll opened
    .easy = Poll opened
audit-poll-closed = Poll closed
    .easy = Poll closed
audit-poll-word-reviewed = Poll word read
    .easy = Word read
