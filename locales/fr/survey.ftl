## Surveys: answers refused (beside their question)

error-answer-required = Cette question attend une réponse.
    .easy = Répondez à cette question.
error-answer-unknown-option = Ce choix n'existe pas (ou plus) dans ce questionnaire. Rechargez la page.
    .easy = Ce choix n'existe pas. Rechargez la page.
error-answer-unknown-question = Cette question n'existe pas (ou plus) dans ce questionnaire. Rechargez la page.
    .easy = Cette question n'existe pas. Rechargez la page.
error-answer-scale = Choisissez une note de 1 à 5.
    .easy = Choisissez de 1 à 5.
error-answer-too-long-short = Votre réponse est trop longue : 200 caractères au plus.
    .easy = C'est trop long. Écrivez moins.
error-answer-too-long = Votre réponse est trop longue : 2 000 caractères au plus.
    .easy = C'est trop long. Écrivez moins.
error-answer-ranking = Donnez à chaque choix classé un rang entre 1 et le nombre de choix.
    .easy = Mettez un numéro dans chaque case : 1, 2, 3…
error-answer-ranking-twice = Deux choix ont le même rang : chaque rang ne sert qu'une fois.
    .easy = Deux choix ont le même numéro. Changez un numéro.

## Readability hint, while writing

readability-easy = Facile à lire.
    .easy = Facile à lire.
readability-fair = Assez facile à lire. Des phrases plus courtes aideraient.
    .easy = Pas mal. Faites des phrases plus courtes.
readability-hard = Difficile à lire : phrases longues ou mots longs. Essayez une idée par phrase et des mots courants.
    .easy = Difficile à lire. Une idée par phrase. Des mots simples.
