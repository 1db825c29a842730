# Page « À propos » et déclaration d'accessibilité.
# Chaque message a une valeur en langage courant et un attribut .easy en facile à lire et à comprendre (FALC).

about-title = À propos d'Agora
    .easy = Qu'est-ce qu'Agora ?

about-intro = Agora est un logiciel libre (licence AGPL-3.0-or-later) conçu pour les conseils locaux de santé mentale (CLSM). Il permet de tenir des assemblées plénières ouvertes à toutes et tous, de consulter la population par des questionnaires anonymes, de recueillir des témoignages et de prioriser ensemble les constats du diagnostic local. Élu·es, psychiatrie, usager·es, aidant·es, professionnel·les et habitant·es y participent d'égal à égal, avec la même information, en langage courant ou en facile à lire et à comprendre.
    .easy = Agora est un site internet pour les conseils locaux de santé mentale. Avec Agora, chaque personne peut donner son avis et voter. Élus, soignants, personnes malades, familles, habitants : tout le monde a la même place. Tout le monde peut utiliser Agora.

about-clsm-title = Qu'est-ce qu'un CLSM ?
    .easy = Qu'est-ce qu'un conseil local de santé mentale ?

about-clsm = Un conseil local de santé mentale (CLSM) est un espace de concertation et de coordination entre les élu·es, la psychiatrie, les usager·es, les aidant·es, les professionnel·les et les habitant·es d'un territoire. Il s'appuie sur trois instances : le comité de pilotage fixe les priorités, l'assemblée plénière, ouverte à toutes et tous, est le lieu de la concertation citoyenne, et les groupes de travail mettent en œuvre la feuille de route. Sa méthode : un diagnostic local partagé produit des constats, priorisés en un programme d'actions évalué chaque année.
    .easy = Un conseil local de santé mentale réunit des personnes. Ce sont des élus, des soignants, des personnes malades, des familles et des habitants. Ensemble, ils cherchent comment aider les habitants à se sentir bien dans leur tête. Une grande réunion ouverte à tous a lieu une ou deux fois par an. Les participants choisissent les problèmes les plus importants et décident des actions. Chaque année, ils vérifient si les actions ont marché.

about-equal-title = Pourquoi l'égalité de parole ?
    .easy = Pourquoi chaque personne compte autant ?

about-equal = Un CLSM repose sur des échanges d'égal à égal. Or la parole des usager·es ne peut pas s'exprimer aussi simplement que celle des professionnel·les et des élu·es. Pour garantir à chacun et chacune le même niveau d'information, Agora propose chaque texte en version facile à lire et à comprendre (FALC) avec des pictogrammes, permet de participer de façon anonyme, et donne les résultats des votes collège par collège, avec un résultat où chaque collège pèse autant : douze usager·es comptent autant que quatre-vingts habitant·es.
    .easy = Dans une réunion, certaines personnes parlent plus facilement que d'autres. Agora aide chaque personne à comprendre et à donner son avis. Chaque texte existe en version facile à lire, avec des images. Vous pouvez participer sans dire votre nom. Le groupe des personnes malades compte autant que le groupe des habitants. C'est vrai même s'il est plus petit.

a11y-title = Accessibilité
    .easy = Un site facile à utiliser pour tout le monde

a11y-status = Agora vise le niveau AA des règles internationales d'accessibilité WCAG 2.2, qui couvre les critères du RGAA 4.1 (référentiel général d'amélioration de l'accessibilité). État de conformité : Agora est partiellement conforme. Chaque page est testée automatiquement avec axe-core, y compris en navigation au clavier et en mode facile à lire. Un audit complet n'a pas encore été réalisé. Les tests automatiques ne repèrent qu'une partie des problèmes : vos signalements sont précieux.
    .easy = Nous voulons qu'Agora soit facile à utiliser pour tout le monde. Il existe des règles pour cela. Aujourd'hui, Agora respecte une partie de ces règles. Un ordinateur vérifie chaque page, mais des spécialistes n'ont pas encore tout vérifié.

a11y-features = Vous pouvez activer le mode facile à lire et à comprendre, accompagné de pictogrammes, agrandir le texte, choisir un contraste élevé, augmenter l'espacement du texte, réduire les animations et choisir entre le français et l'anglais. Agora fonctionne aussi sans JavaScript et s'utilise entièrement au clavier, sans souris.
    .easy = Vous pouvez choisir les textes faciles à lire, avec des images. Vous pouvez écrire plus gros. Vous pouvez rendre les couleurs plus fortes. Vous pouvez mettre plus d'espace entre les lignes. Vous pouvez arrêter les animations. Vous pouvez lire en français ou en anglais. Agora marche aussi avec le clavier seulement, sans souris.

a11y-report-title = Signaler un problème d'accessibilité
    .easy = Vous avez un problème pour utiliser Agora ?

a11y-report = Si vous n'arrivez pas à accéder à un contenu ou à une fonction d'Agora, contactez la coordinatrice ou le coordinateur de votre conseil local de santé mentale : elle ou il vous aidera à obtenir l'information sous une autre forme et fera remonter le problème. Si vous n'obtenez pas de réponse, vous pouvez saisir le Défenseur des droits : par le formulaire en ligne sur defenseurdesdroits.fr, auprès d'un délégué près de chez vous, ou par courrier gratuit, sans timbre, à l'adresse Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.
    .easy = Parlez-en à la personne qui organise votre conseil. Elle va vous aider. Si personne ne vous répond, écrivez au Défenseur des droits, qui protège vos droits. L'adresse est : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07. La lettre est gratuite, vous n'avez pas besoin de timbre.

licence-title = Licence
    .easy = Un logiciel libre

licence = Agora est un logiciel libre, publié sous la licence GNU Affero General Public License, version 3 ou toute version ultérieure (AGPL-3.0-or-later). Chacun et chacune peut l'utiliser, l'étudier, le modifier et le partager. Si vous faites fonctionner une version modifiée d'Agora comme service en ligne, vous devez rendre son code source disponible à ses utilisatrices et utilisateurs, sous la même licence.
    .easy = Agora est un logiciel libre. Tout le monde peut l'utiliser. Tout le monde peut regarder comment il est fait, le changer et le partager. Si quelqu'un change Agora pour son site internet, il doit aussi partager ses changements.

credits-title = Remerciements
    .easy = Merci

credits = Les pictogrammes proviennent du projet OpenMoji (openmoji.org), des emojis et icônes libres, et sont utilisés sous licence Creative Commons Attribution – Partage dans les mêmes conditions 4.0 International (CC BY-SA 4.0).
    .easy = Les images viennent du projet OpenMoji. Son site est openmoji.org. Tout le monde peut utiliser ces images, à condition de dire d'où elles viennent.

# Page « Déclaration d'accessibilité » (/accessibilite) : un résumé, puis le texte de docs/accessibility.md.
statement-title = Déclaration d'accessibilité
    .easy = Agora est-il facile à utiliser ?

statement-summary-title = En bref
    .easy = Ce qu'il faut savoir

statement-read-full = Lire la déclaration complète
    .easy = Lire le texte officiel en entier

about-statement-link = Lire la déclaration d'accessibilité complète
    .easy = Lire tout ce que nous avons vérifié
