//! The demo council's text: a fictional CLSM whose diagnosis draws on the seeds.
use super::{DemoCouncil, DemoFinding};

pub const COUNCIL: DemoCouncil = DemoCouncil {
    slug: "clsm-val-de-lisandre",
    name: "Conseil local de santé mentale du Val de Lisandre",
    territory: "Communauté de communes du Val de Lisandre : Saint-Aubin-sur-Lisandre, Montclair et 12 communes rurales, 45 300 habitant·es ; quartiers prioritaires Les Tilleuls (Saint-Aubin) et Le Haut-Pré (Montclair)",
    description: "Créé en 2022, le CLSM du Val de Lisandre est le volet santé mentale du contrat local de santé de la communauté de communes. Présidé par la vice-présidente chargée de la santé et co-animé par la psychiatrie publique, il réunit des élu·es, des soignants, des usager·es et le groupe d'entraide mutuelle, des aidant·es, les bailleurs sociaux, l'Éducation nationale, la mission locale, les centres sociaux et tous les habitants qui le souhaitent. Son diagnostic local partagé, mené en 2024 et 2025, a produit douze constats que l'assemblée plénière est invitée à prioriser.",
    description_easy: "Le Val de Lisandre regroupe 14 communes.\nLa santé mentale, c'est se sentir bien dans sa tête.\nLe conseil local de santé mentale est un groupe de personnes qui travaillent ensemble pour la santé mentale des habitants.\nDans ce groupe, il y a des élus, des soignants, des personnes qui ont un trouble psychique, leurs familles et des habitants.\nUn trouble psychique, c'est une maladie qui touche les pensées, les émotions ou le comportement.\nChaque personne a la même place pour donner son avis.\nEnsemble, ils ont écrit 12 constats.\nUn constat, c'est une chose que l'on a remarquée sur le territoire.",
    chair: "La vice-présidente de la communauté de communes chargée de la santé",
    co_host: "Le pôle de psychiatrie publique du Val de Lisandre",
    contact: "Coordination du CLSM, maison de santé de Saint-Aubin-sur-Lisandre — clsm@val-de-lisandre.example",
    findings: &[
        // ── Lutter contre la stigmatisation ──────────────────────────────
        DemoFinding {
            objective: "stigma",
            title: "Les préjugés associant troubles psychiques et dangerosité restent très répandus",
            title_easy: "Beaucoup de gens pensent à tort que les troubles psychiques rendent dangereux",
            summary: "Dans l'enquête du diagnostic, 4 habitant·es sur 10 pensent qu'une personne vivant avec une schizophrénie est souvent violente. Ces idées reçues poussent les personnes concernées et leurs proches à se taire et à retarder le recours aux soins.",
            summary_easy: "Beaucoup de gens croient que les personnes avec un trouble psychique sont dangereuses.\nC'est faux.\nCes idées empêchent de demander de l'aide.",
            detail: "Dans le questionnaire habitant·es de 2025 (412 réponses), 41 % des répondants associent la schizophrénie à la violence et 63 % ne parleraient pas d'un trouble psychique à leur employeur. Pourtant, les personnes vivant avec un trouble psychique sévère sont plus souvent victimes de violences que le reste de la population. En entretien, usager·es et aidant·es décrivent la honte, les moqueries et l'isolement qui suivent l'annonce d'un diagnostic, y compris dans la famille.",
            detail_easy: "412 habitants ont répondu à un questionnaire en 2025.\n4 personnes sur 10 pensent que la schizophrénie rend violent.\nC'est une idée fausse.\nLes personnes qui ont un trouble psychique sont plus souvent victimes de violences que les autres.\nÀ cause de ces idées, beaucoup de personnes cachent leur maladie et ont honte.",
            source: "Questionnaire habitant·es, 2025 (412 réponses) ; entretiens avec des usager·es et des aidant·es",
        },
        DemoFinding {
            objective: "stigma",
            title: "Les professionnels de première ligne se sentent démunis face à la souffrance psychique",
            title_easy: "Les personnes à l'accueil ne savent pas toujours comment aider",
            summary: "Les agents d'accueil des mairies et du CCAS, les gardiens d'immeuble ou les équipes d'animation rencontrent chaque semaine des personnes en détresse psychique. La plupart n'ont jamais été formés et ne savent pas à qui s'adresser.",
            summary_easy: "Certains professionnels rencontrent souvent des personnes qui vont mal.\nPar exemple, les personnes à l'accueil de la mairie.\nIls n'ont pas appris comment les aider.",
            detail: "Sur 86 professionnels de première ligne interrogés, 7 sur 10 ont fait face à une situation de crise ou de grande détresse dans l'année, et seuls 12 ont suivi une formation aux Premiers secours en santé mentale (PSSM). Faute de repères, les réponses oscillent entre l'appel aux forces de l'ordre et l'évitement, ce qui renforce la stigmatisation. Les participants demandent des formations croisées avec la psychiatrie et un annuaire des contacts utiles.",
            detail_easy: "86 professionnels ont répondu à nos questions.\n7 professionnels sur 10 ont déjà rencontré une personne en grande détresse.\nPresque aucun n'a appris les premiers secours en santé mentale.\nCes premiers secours aident à repérer une personne qui va mal et à lui parler.\nLes professionnels veulent se former et savoir qui appeler.",
            source: "Enquête auprès des professionnels de première ligne, 2024 (86 réponses)",
        },
        // ── Agir sur les déterminants de la santé mentale ────────────────
        DemoFinding {
            objective: "determinants",
            title: "La rénovation urbaine des Tilleuls a révélé des situations de grande souffrance psychique à domicile",
            title_easy: "Des personnes vivent seules chez elles dans une grande souffrance",
            summary: "Lors du relogement des locataires des Tilleuls, le bailleur social a découvert 23 ménages en situation d'incurie ou de grand isolement, sans aucun suivi. Bailleur et collectivité se sont sentis seuls pour y répondre.",
            summary_easy: "Dans le quartier des Tilleuls, des immeubles vont être démolis.\nEn visitant les logements, on a trouvé des personnes en grande difficulté.\nPersonne ne savait comment les aider.",
            detail: "Entre 2023 et 2025, les équipes de Lisandre Habitat ont repéré 23 ménages vivant dans des logements très dégradés, parfois avec un syndrome de Diogène, et sans accompagnement social ni soin. Il n'existe pas d'instance où bailleurs, CCAS, psychiatrie et services sociaux examinent ensemble ces situations, dans le respect du secret professionnel. Les demandes de logement accompagné ou de place en résidence accueil attendent en moyenne 18 mois.",
            detail_easy: "Le quartier des Tilleuls est en travaux.\nLes locataires doivent changer de logement.\nDans 23 logements, les personnes vivaient dans de très mauvaises conditions, sans aucune aide.\nL'organisme qui loue les logements et la mairie ne savaient pas comment faire seuls.\nPour un logement avec de l'aide, il faut attendre un an et demi.",
            source: "Bailleur social Lisandre Habitat, bilan du relogement 2023–2025 ; CCAS de Saint-Aubin",
        },
        DemoFinding {
            objective: "determinants",
            title: "L'isolement social, accentué depuis la crise sanitaire, pèse sur la santé mentale des habitant·es",
            title_easy: "Beaucoup d'habitants se sentent seuls",
            summary: "Un tiers des habitants des Tilleuls et du Haut-Pré, et presque autant de personnes de plus de 75 ans dans les villages, disent se sentir souvent seuls. Le manque de transports et de lieux de rencontre aggrave cet isolement, qui nuit à la santé mentale.",
            summary_easy: "Dans les quartiers des Tilleuls et du Haut-Pré, 1 habitant sur 3 se sent souvent seul.\nC'est aussi le cas de beaucoup de personnes âgées dans les villages.",
            detail: "Dans le questionnaire 2025, 34 % des répondants des Tilleuls et du Haut-Pré et 31 % des plus de 75 ans vivant en commune rurale se sentent seuls « souvent » ou « tout le temps », contre 18 % en moyenne sur le territoire. Neuf communes sur quatorze ne sont desservies par aucune ligne de bus régulière. Les centres sociaux observent que les liens rompus pendant la crise sanitaire ne se sont pas tous renoués.",
            detail_easy: "Nous avons posé des questions aux habitants en 2025.\nDans les deux quartiers, 1 personne sur 3 se sent souvent seule.\nAilleurs, c'est moins de 1 personne sur 5.\nDans 9 villages sur 14, il n'y a pas de bus.\nSans bus, c'est difficile de voir d'autres personnes.",
            source: "Questionnaire habitant·es, 2025 (412 réponses) ; centres sociaux de Saint-Aubin et de Montclair",
        },
        // ── Prévenir les troubles psychiques ─────────────────────────────
        DemoFinding {
            objective: "prevention",
            title: "Le mal-être des jeunes augmente et les adultes qui les entourent manquent de repères",
            title_easy: "De plus en plus de jeunes vont mal",
            summary: "Infirmières scolaires et mission locale constatent une forte hausse de l'anxiété, des troubles du sommeil et des idées suicidaires chez les 11–25 ans. Les adultes au contact des jeunes se sentent peu outillés pour repérer les signaux d'alerte.",
            summary_easy: "Beaucoup de jeunes sont stressés ou très tristes.\nLes adultes autour d'eux ne savent pas toujours voir qu'un jeune va mal.",
            detail: "Dans les trois collèges et le lycée du territoire, les passages à l'infirmerie pour un motif psychologique ont augmenté de 40 % entre 2019 et 2024. La mission locale estime qu'un jeune accompagné sur quatre vit une souffrance psychique qui freine son insertion. La maison des adolescents la plus proche est à 35 km, et le programme de renforcement des compétences psychosociales ne touche qu'une seule école.",
            detail_easy: "Les infirmières des collèges et du lycée voient plus de jeunes qui vont mal.\nIls sont stressés, ils dorment mal, certains pensent au suicide.\nLa mission locale aide les jeunes à trouver une formation ou un travail.\nLà-bas, 1 jeune sur 4 va mal dans sa tête.\nLe lieu d'écoute pour les adolescents le plus proche est à 35 kilomètres.",
            source: "Infirmières scolaires (3 collèges, 1 lycée) et mission locale du Val de Lisandre, 2024",
        },
        DemoFinding {
            objective: "prevention",
            title: "Les proches aidants s'épuisent, souvent sans information ni soutien",
            title_easy: "Les familles qui aident un proche sont très fatiguées",
            summary: "Parents, conjoints, frères et sœurs accompagnent pendant des années un proche vivant avec un trouble psychique. Beaucoup ignorent l'existence des groupes de parole, des programmes de psychoéducation ou de leurs propres droits.",
            summary_easy: "Des parents ou des proches aident une personne qui a un trouble psychique.\nIls sont souvent seuls et très fatigués.\nIls ne connaissent pas les aides qui existent.",
            detail: "Sur 57 aidant·es rencontrés, 2 sur 3 disent que leur propre santé s'est dégradée et la moitié n'a jamais pu prendre de répit. Seuls 9 connaissaient l'association de familles du département ou le programme de psychoéducation proposé par l'hôpital. Les aidant·es demandent à être informés dès la première hospitalisation et reconnus comme partenaires par les équipes de soin.",
            detail_easy: "Nous avons rencontré 57 proches aidants.\nUn proche aidant, c'est une personne qui aide souvent quelqu'un de sa famille ou un ami.\n2 aidants sur 3 disent que leur santé va moins bien.\nLa moitié n'a jamais pu se reposer.\nIls veulent être informés plus tôt et écoutés par les soignants.",
            source: "Entretiens et groupes de parole avec 57 aidant·es, 2024–2025",
        },
        // ── Favoriser l'inclusion et le respect des droits ───────────────
        DemoFinding {
            objective: "inclusion",
            title: "Trouver et garder un emploi reste très difficile pour les personnes vivant avec un trouble psychique",
            title_easy: "C'est difficile de trouver et de garder un travail",
            summary: "Le dispositif d'emploi accompagné suit 8 personnes du territoire et 30 autres attendent une place. Les employeurs locaux connaissent mal les aménagements de poste possibles et n'ont pas d'interlocuteur.",
            summary_easy: "Les personnes qui ont un trouble psychique veulent travailler.\nMais il y a peu d'aide pour trouver un travail.\nLes patrons ne savent pas comment adapter le travail.",
            detail: "Parmi les 64 adhérents du groupe d'entraide mutuelle, une majorité souhaite travailler mais seuls 7 ont un emploi. L'ESAT le plus proche n'a pas d'atelier adapté au handicap psychique. En atelier, les personnes concernées décrivent des fins de contrat après une hospitalisation et la peur de parler de leur trouble ; les entreprises interrogées disent vouloir aider mais ne pas savoir à qui s'adresser.",
            detail_easy: "Un service aide les personnes à trouver un travail et à le garder.\nCe service aide 8 personnes.\n30 personnes attendent une place.\nBeaucoup de personnes ont peur de dire leur maladie au travail.\nLes patrons veulent aider mais ne savent pas à qui demander conseil.",
            source: "Dispositif d'emploi accompagné ; groupe d'entraide mutuelle ; ateliers avec les personnes concernées, 2025",
        },
        DemoFinding {
            objective: "inclusion",
            title: "Les démarches d'accès aux droits sont longues, complexes et de plus en plus numériques",
            title_easy: "Les papiers pour avoir ses droits sont trop compliqués",
            summary: "Dossier MDPH, allocation aux adultes handicapés, complémentaire santé : les délais atteignent 7 mois et les formulaires, souvent en ligne uniquement, découragent. Faute d'accompagnement, des droits ne sont jamais demandés.",
            summary_easy: "Pour avoir de l'aide, il faut remplir beaucoup de papiers.\nC'est long et difficile.\nSouvent, il faut le faire sur internet.",
            detail: "Les services sociaux estiment qu'un dossier auprès de la maison départementale des personnes handicapées (MDPH) demande en moyenne 7 mois de traitement, bien plus s'il est incomplet. Les deux espaces France services du territoire constatent que les personnes vivant avec un trouble psychique renoncent souvent après un premier refus. Aucun document d'information en facile à lire et à comprendre (FALC) n'existe localement.",
            detail_easy: "Pour avoir certaines aides, il faut envoyer un dossier.\nLa réponse arrive souvent après 7 mois.\nBeaucoup de démarches se font seulement sur internet.\nCertaines personnes abandonnent et n'ont pas l'aide qu'elles devraient avoir.\nIl n'y a pas de documents faciles à lire pour expliquer les démarches.",
            source: "Services sociaux du CCAS et du Département ; France services de Saint-Aubin et de Montclair, 2024",
        },
        DemoFinding {
            objective: "inclusion",
            title: "Les personnes concernées participent peu à la vie locale, à la culture et aux décisions qui les concernent",
            title_easy: "Les personnes qui ont un trouble psychique participent peu à la vie locale",
            summary: "Le seul groupe d'entraide mutuelle est à Saint-Aubin et les activités sportives ou culturelles accueillantes sont rares. Au sein même du CLSM, les usager·es n'occupaient que 3 sièges sur 40 au comité de pilotage en 2024.",
            summary_easy: "Les personnes qui ont un trouble psychique font peu de sport ou de sorties.\nOn leur demande rarement leur avis.\nMême dans notre conseil, elles sont peu nombreuses.",
            detail: "Le groupe d'entraide mutuelle (GEM), géré par et pour ses adhérents, accueille 64 personnes mais reste difficile d'accès depuis les villages. Les clubs sportifs et l'école de musique disent ne pas savoir accueillir une personne vivant avec un trouble psychique. Les personnes concernées demandent à être associées dès la préparation des réunions, avec des documents accessibles, des horaires adaptés et le remboursement de leurs frais de déplacement.",
            detail_easy: "Un groupe d'entraide mutuelle est un lieu où les personnes s'aident entre elles.\nIl y en a un seul, à Saint-Aubin.\nC'est loin pour les personnes qui habitent dans les villages.\nLes clubs de sport ne savent pas toujours comment accueillir tout le monde.\nLes personnes concernées veulent donner leur avis, avec des documents faciles à lire.",
            source: "Groupe d'entraide mutuelle du Val de Lisandre ; bilan de participation du CLSM, 2024",
        },
        // ── Favoriser des parcours de soins accessibles et adaptés ───────
        DemoFinding {
            objective: "care",
            title: "Il faut plus de quatre mois pour obtenir un premier rendez-vous au centre médico-psychologique",
            title_easy: "Il faut attendre longtemps pour voir un soignant en santé mentale",
            summary: "Le délai moyen d'un premier rendez-vous est de 4 mois et demi au CMP adultes et de près de 9 mois au CMP enfants et adolescents. Sans réponse rapide, des situations s'aggravent et finissent aux urgences.",
            summary_easy: "Pour un premier rendez-vous au centre de soins en santé mentale, il faut attendre plus de 4 mois.\nPour les enfants, il faut attendre presque 9 mois.",
            detail: "En 2024, le CMP adultes de Saint-Aubin a reçu 610 demandes de premier rendez-vous pour 2,5 postes de psychiatre, et le CMP enfants et adolescents compte 140 enfants en attente. Aucun psychiatre libéral n'est installé sur le territoire. Les médecins généralistes disent manquer d'un interlocuteur pour obtenir un avis rapide.",
            detail_easy: "Le CMP est un centre de soins gratuit pour la santé mentale.\nEn 2024, 610 adultes ont demandé un premier rendez-vous.\n140 enfants attendent un rendez-vous.\nIl n'y a pas de psychiatre en cabinet sur le territoire.\nUn psychiatre est un médecin de la santé mentale.",
            source: "Secteurs de psychiatrie adulte et infanto-juvénile, rapports d'activité 2024 ; enquête auprès des médecins généralistes",
        },
        DemoFinding {
            objective: "care",
            title: "En cas de crise, surtout la nuit et le week-end, les urgences sont la seule réponse connue",
            title_easy: "En cas de crise, les familles ne savent pas qui appeler",
            summary: "Le territoire n'a pas d'équipe mobile de psychiatrie. Les crises sont gérées par les pompiers, la gendarmerie et les urgences générales à 30 km, avec des ruptures de suivi à la sortie de l'hôpital.",
            summary_easy: "Quand une personne va très mal, sa famille ne sait pas qui appeler.\nSouvent, il faut aller aux urgences de l'hôpital, loin d'ici.",
            detail: "En 2024, 180 passages aux urgences pour un motif psychiatrique ont concerné des habitants du Val de Lisandre, dont 4 sur 10 la nuit ou le week-end. Moins d'un répondant sur cinq connaît le 3114, numéro national de prévention du suicide. À la sortie d'hospitalisation, un rendez-vous de suivi n'est pas toujours programmé, ce qui expose à des réhospitalisations.",
            detail_easy: "Aucune équipe de soignants ne vient à la maison en cas de crise.\nL'hôpital avec des urgences est à 30 kilomètres.\nPeu de gens connaissent le 3114.\nLe 3114 est un numéro gratuit, jour et nuit, pour les personnes qui pensent au suicide et pour leurs proches.\nEn cas de danger, on peut toujours appeler le 15.",
            source: "Service des urgences du centre hospitalier, données 2024 ; questionnaire habitant·es, 2025",
        },
        DemoFinding {
            objective: "care",
            title: "Dans les quartiers prioritaires, le manque de médecins généralistes fragilise le suivi de la santé physique",
            title_easy: "Dans les quartiers, il manque des médecins de famille",
            summary: "Les Tilleuls et le Haut-Pré comptent deux fois moins de médecins généralistes par habitant que le reste du département. Les personnes vivant avec un trouble psychique, dont l'espérance de vie est déjà réduite, y sont souvent sans médecin traitant.",
            summary_easy: "Dans les quartiers des Tilleuls et du Haut-Pré, il y a peu de médecins de famille.\nBeaucoup de personnes n'ont pas de médecin qui les suit.",
            detail: "Près d'un quart des habitants des deux quartiers n'ont pas de médecin traitant déclaré, contre 11 % ailleurs sur le territoire. Or les personnes vivant avec un trouble psychique sévère vivent en moyenne 13 à 16 ans de moins que la population générale, surtout à cause de maladies physiques dépistées trop tard. Soignants et familles demandent un lien étroit entre le CMP et la future maison de santé des Tilleuls, et des consultations adaptées : temps plus long, présence possible d'un proche, documents faciles à lire.",
            detail_easy: "Dans les deux quartiers, presque 1 personne sur 4 n'a pas de médecin de famille.\nLes personnes qui ont un trouble psychique grave vivent moins longtemps que les autres.\nSouvent, leurs maladies du corps ne sont pas soignées à temps.\nUne maison de santé va ouvrir aux Tilleuls.\nC'est un lieu où travaillent plusieurs médecins et soignants.",
            source: "Assurance maladie, données médecin traitant 2024 ; contrat de ville ; groupe de travail « parcours de soins »",
        },
    ],
};

/// The demo's plenary assembly: title, place, access information, agenda (title, summary,
/// easy-read summary). Its date is set three weeks after seeding, at 18:30.
pub const ASSEMBLY_TITLE: &str = "Assemblée plénière : choisir nos priorités";
pub const ASSEMBLY_PLACE: &str =
    "Salle des fêtes de Saint-Aubin-sur-Lisandre, 2 place de la Mairie";
pub const ASSEMBLY_ACCESSIBILITY: &str = "Salle de plain-pied, toilettes accessibles.\nBoucle magnétique pour les personnes malentendantes.\nInterprète en langue des signes française pendant toute la séance.\nUne pièce calme est ouverte à côté de la salle pour faire une pause.\nDes pair-aidants du groupe d'entraide mutuelle accueillent à l'entrée.";
pub const AGENDA: &[(&str, &str, &str)] = &[
    (
        "Accueil et règles de la soirée",
        "Mot d'accueil de la vice-présidente chargée de la santé. Chacune et chacun peut poser ses questions par écrit depuis son téléphone, de façon anonyme ; l'animatrice les lit à voix haute.",
        "Bienvenue.\nVous pouvez poser vos questions avec votre téléphone.\nVous n'avez pas besoin de dire votre nom.",
    ),
    (
        "Les douze constats du diagnostic",
        "Présentation des constats du diagnostic local partagé, par objectif, avec la parole de deux usagers et d'une aidante qui y ont contribué.",
        "On présente les 12 constats.\nUn constat, c'est une chose que l'on a remarquée.\nDes personnes concernées racontent.",
    ),
    (
        "Questions et échanges",
        "Questions de la salle et des téléphones, réponses des membres du conseil.",
        "Vous posez vos questions.\nLe conseil répond.",
    ),
];

pub const VOTE_OPEN_TITLE: &str = "Nos priorités pour 2027";
pub const VOTE_CLOSED_TITLE: &str = "Consultation d'automne : ce qui compte pour vous";
/// The priorities the steering committee adopted after the autumn consultation: title
/// (plain, easy-read), reason (plain, easy-read), the findings they rest on (by position in
/// the vote), and how many days after the vote closed they were decided.
/// A text in plain words and in easy-read.
type Worded = (&'static str, &'static str);

pub const PRIORITIES_ADOPTED: &[(Worded, Worded, &[usize])] = &[
    (
        (
            "Un lieu d'accueil sans rendez-vous, ouvert aussi le samedi",
            "Un lieu pour être accueilli sans rendez-vous, même le samedi",
        ),
        (
            "En tête du vote chez les usagers et les aidantes et aidants, et deuxième chez les habitantes et habitants : attendre plusieurs mois un premier rendez-vous revient dans tous les collèges.",
            "Les usagers et les aidants l'ont mis en premier. Attendre des mois, c'est trop long.",
        ),
        &[3, 4],
    ),
    (
        (
            "Faire connaître les lieux d'aide aux habitantes et habitants",
            "Faire connaître les lieux d'aide",
        ),
        (
            "Premier du vote chez les habitantes et habitants, qui disent ne pas savoir à qui s'adresser.",
            "Beaucoup d'habitants ne savent pas où demander de l'aide.",
        ),
        &[0, 1],
    ),
];

pub const PRIORITIES_DECIDED_BY: &str = "Comité de pilotage";

/// The roadmap's first actions, one per adopted priority (in order): (plain, easy) title,
/// (plain, easy) summary, lead, partners, budget in euros, and one (plain, easy) update that
/// set it under way.
pub type DemoAction = (
    Worded,
    Worded,
    &'static str,
    &'static str,
    Option<u64>,
    Worded,
);

pub const ACTIONS: &[DemoAction] = &[
    (
        (
            "Ouvrir l'accueil de jour du centre social le samedi matin",
            "Un accueil sans rendez-vous le samedi matin",
        ),
        (
            "Une permanence sans rendez-vous le samedi de 9 h à 12 h, tenue par une infirmière du CMP et une pair-aidante, dans les locaux du centre social.",
            "Le samedi matin, vous pouvez venir sans rendez-vous. Une infirmière et une pair-aidante vous accueillent.",
        ),
        "Groupe de travail «\u{a0}Accès aux soins\u{a0}»",
        "CMP adultes, centre social des Tilleuls, GEM L'Envol",
        Some(18_000),
        (
            "La convention avec le centre social est signée ; la première permanence a eu lieu, sept personnes sont venues.",
            "La première permanence a eu lieu. Sept personnes sont venues.",
        ),
    ),
    (
        (
            "Un guide des lieux d'aide en facile à lire, distribué en mairie",
            "Un petit guide des lieux d'aide, facile à lire",
        ),
        (
            "Le guide des ressources du conseil, réécrit en facile à lire avec le GEM et imprimé pour les mairies, les pharmacies et les cabinets médicaux.",
            "Un guide facile à lire. Il dit où trouver de l'aide. Il est dans les mairies.",
        ),
        "GEM L'Envol",
        "Mairie, pharmacies du quartier",
        None,
        (
            "Les relecteurs du GEM ont validé la première version ; l'impression est commandée.",
            "Le GEM a relu le guide. Il va être imprimé.",
        ),
    ),
];

/// College, number of ballots, findings approved (by position).
pub const VOTE_CLOSED_BALLOTS: &[(&str, usize, &[usize])] = &[
    ("habitants", 24, &[0, 1]),
    ("professionnels", 11, &[1, 2]),
    ("usagers", 8, &[3, 4]),
    ("aidants", 6, &[4, 3]),
    ("elus", 3, &[0]),
    ("soin", 2, &[2, 3]),
];

/// A survey question: kind, (plain, easy) prompt, required, profile, (plain, easy) options.
pub type DemoQuestion = (
    agora_app::domain::survey::QuestionKind,
    (&'static str, &'static str),
    bool,
    Option<agora_app::domain::survey::Profile>,
    &'static [(&'static str, &'static str)],
);

pub const SURVEY_TITLE: (&str, &str) = ("Votre santé mentale au quotidien", "Comment allez-vous ?");
pub const SURVEY_INTRO: (&str, &str) = (
    "Ce questionnaire nourrit le diagnostic partagé du conseil. Il est anonyme : ni votre nom, ni votre adresse, ni l'heure de votre réponse ne sont enregistrés. Comptez cinq minutes ; seules deux questions sont obligatoires.",
    "Vos réponses aident le conseil. Personne ne saura qui a répondu. Cela prend 5 minutes.",
);

pub const SURVEY_SECTIONS: &[((&str, &str), &[DemoQuestion])] = {
    use agora_app::domain::survey::Profile;
    use agora_app::domain::survey::QuestionKind::*;
    &[
        (
            ("Vous", "Vous"),
            &[
                (
                    Single,
                    ("Vous répondez surtout en tant que…", "Vous êtes…"),
                    false,
                    Some(Profile::College),
                    &[
                        (
                            "Usager ou usagère de la psychiatrie",
                            "Une personne soignée en psychiatrie",
                        ),
                        ("Proche aidant", "Un proche d'une personne malade"),
                        ("Professionnel ou professionnelle", "Un professionnel"),
                        ("Habitant ou habitante", "Un habitant"),
                        ("Élu ou élue", "Un élu"),
                    ],
                ),
                (
                    Single,
                    ("Votre âge", "Votre âge"),
                    false,
                    Some(Profile::AgeBand),
                    &[
                        ("Moins de 26 ans", "Moins de 26 ans"),
                        ("26 à 64 ans", "De 26 à 64 ans"),
                        ("65 ans et plus", "65 ans ou plus"),
                    ],
                ),
            ],
        ),
        (
            ("Trouver de l'aide", "Trouver de l'aide"),
            &[
                (
                    Single,
                    (
                        "Sauriez-vous où vous adresser si vous ou un proche alliez mal ?",
                        "Si vous allez mal, savez-vous où demander de l'aide ?",
                    ),
                    true,
                    None,
                    &[
                        ("Oui", "Oui"),
                        ("Non", "Non"),
                        ("Je ne sais pas", "Je ne sais pas"),
                    ],
                ),
                (
                    Multiple,
                    (
                        "Quels lieux connaissez-vous ?",
                        "Quels lieux connaissez-vous ?",
                    ),
                    false,
                    None,
                    &[
                        (
                            "Le centre médico-psychologique (CMP)",
                            "Le CMP : un lieu de soins près de chez vous",
                        ),
                        (
                            "Le groupe d'entraide mutuelle (GEM)",
                            "Le GEM : un lieu pour se retrouver entre pairs",
                        ),
                        ("La maison des adolescents", "La maison des ados"),
                        (
                            "Le 3114 (prévention du suicide)",
                            "Le 3114 : un numéro à appeler si on pense au suicide",
                        ),
                    ],
                ),
                (
                    Scale,
                    (
                        "Quand vous en avez parlé, vous êtes-vous senti écouté ?",
                        "Quand vous avez parlé, on vous a écouté ?",
                    ),
                    true,
                    None,
                    &[],
                ),
            ],
        ),
        (
            ("Ce qui compte pour vous", "Ce qui compte pour vous"),
            &[
                (
                    Ranking,
                    (
                        "Classez ces sujets, du plus urgent au moins urgent",
                        "Mettez ces sujets dans l'ordre : le plus urgent d'abord",
                    ),
                    false,
                    None,
                    &[
                        ("Le logement", "Avoir un logement"),
                        ("L'accès aux soins", "Être soigné vite"),
                        ("Le regard des autres", "Ne pas être jugé"),
                    ],
                ),
                (
                    ShortText,
                    ("Votre commune ou votre quartier", "Où habitez-vous ?"),
                    false,
                    None,
                    &[],
                ),
                (
                    LongText,
                    (
                        "Que faudrait-il changer en priorité ?",
                        "Qu'est-ce qu'il faut changer ?",
                    ),
                    false,
                    None,
                    &[],
                ),
            ],
        ),
    ]
};

pub const SURVEY_CLOSED_TITLE: (&str, &str) = (
    "Consultation de printemps : vivre avec un trouble psychique",
    "Consultation de printemps",
);

/// Responses to the closed survey, by the college option's position: many usagers and
/// carers, some professionals, two residents and one elected official (fewer than five).
pub const SURVEY_CLOSED_RESPONSES: &[(usize, usize)] = &[(0, 17), (1, 12), (2, 10), (3, 2), (4, 1)];

/// Written answers to the closed survey, left for a moderator (one names someone).
pub const SURVEY_CLOSED_TEXTS: &[&str] = &[
    "Des permanences le soir au CMP, quand on travaille la journée.",
    "Que les urgences ne renvoient pas chez soi sans rendez-vous de suite.",
    "Le Dr Marchand m'a écouté, mais il faut attendre six mois pour le revoir.",
];

/// The demo's guide of local resources: kind, name, description, its easy-read version,
/// address, hours, phone, website, accessibility.
pub const RESOURCES: &[[&str; 9]] = &[
    [
        "service",
        "Centre médico-psychologique (CMP) adultes de Saint-Aubin",
        "Consultations de psychiatrie et de psychologie pour les adultes, prises en charge par l'Assurance maladie. Un premier entretien d'accueil avec une infirmière est proposé sans rendez-vous le mardi matin.",
        "Des soignants pour les adultes qui vont mal.\nC'est gratuit.\nLe mardi matin, vous pouvez venir sans rendez-vous.",
        "4 place de la Mairie, Saint-Aubin-sur-Lisandre",
        "Du lundi au vendredi, de 9 h à 17 h ; accueil sans rendez-vous le mardi de 9 h à 12 h",
        "03 21 00 10 10",
        "",
        "Plain-pied, place de parking réservée, boucle magnétique à l'accueil",
    ],
    [
        "gem",
        "GEM L'Envol",
        "Groupe d'entraide mutuelle animé par et pour des personnes vivant avec des troubles psychiques : un lieu pour se retrouver, sortir de l'isolement et monter des projets ensemble.",
        "Un lieu pour se retrouver entre personnes qui ont un trouble psychique.\nOn y parle, on fait des activités ensemble.",
        "12 rue des Tilleuls, Saint-Aubin-sur-Lisandre",
        "Du lundi au vendredi, de 14 h à 18 h ; le samedi de 10 h à 16 h",
        "03 21 00 20 20",
        "https://gem-envol.example",
        "Plain-pied, toilettes accessibles",
    ],
    [
        "association",
        "Unafam, délégation du Val de Lisandre",
        "Accueil, écoute et formation des proches de personnes vivant avec des troubles psychiques. Permanence mensuelle et groupes de parole pour les aidants.",
        "Une association pour les familles des personnes malades.\nOn vous écoute et on vous aide.",
        "Maison des associations, 1 rue du Marché, Montclair",
        "Permanence le premier samedi du mois, de 10 h à 12 h",
        "01 42 63 03 03",
        "https://www.unafam.org",
        "Ascenseur ; accueil possible par téléphone",
    ],
    [
        "service",
        "Maison des adolescents du Val de Lisandre",
        "Accueil gratuit et confidentiel des jeunes de 11 à 25 ans et de leurs parents, avec ou sans rendez-vous.",
        "Un lieu pour les jeunes de 11 à 25 ans et leurs parents.\nC'est gratuit et secret.",
        "8 avenue de la Gare, Montclair",
        "Du mardi au samedi, de 13 h à 19 h",
        "03 21 00 30 30",
        "",
        "Plain-pied",
    ],
];

/// A finding and the questions of the closed survey that support it, shown on its page.
pub const EVIDENCE: (&str, &[&str]) = (
    "En cas de crise, surtout la nuit et le week-end, les urgences sont la seule réponse connue",
    &[
        "Sauriez-vous où vous adresser si vous ou un proche alliez mal ?",
        "Quels lieux connaissez-vous ?",
    ],
);

/// A member of a demo body: (name shown, organisation, college, role).
pub type DemoMember = (&'static str, &'static str, &'static str, &'static str);

/// The demo council's bodies: (kind, name, purpose, easy-read purpose, members). The
/// steering committee gives one seat to usagers and one to carers out of fourteen — what the
/// council set out to change.
pub const BODIES: &[(&str, &str, &str, &str, &[DemoMember])] = &[
    (
        "steering",
        "Comité de pilotage",
        "Présidé par l'adjointe à la santé, il arrête le diagnostic, choisit les priorités et valide le programme d'actions une fois par an.",
        "Le comité de pilotage décide.\nIl choisit les priorités du conseil.",
        &[
            (
                "Mme Ferrand, adjointe à la santé",
                "Mairie",
                "elus",
                "chair",
            ),
            ("M. Okafor", "Mairie", "elus", "member"),
            ("Mme Lambert", "Communauté de communes", "elus", "member"),
            ("M. Weber", "Conseil départemental", "elus", "member"),
            (
                "Dr Benali",
                "Centre hospitalier, secteur 2",
                "soin",
                "cohost",
            ),
            ("Mme Roux", "CMP adultes", "soin", "member"),
            ("Dr Martin", "CMP enfants", "soin", "member"),
            ("Mme Diallo", "Maison de santé", "soin", "member"),
            ("M. Petit", "Bailleur social", "professionnels", "member"),
            ("Mme Garnier", "CCAS", "professionnels", "member"),
            (
                "M. Morel",
                "Éducation nationale",
                "professionnels",
                "member",
            ),
            ("Mme Fontaine", "Mission locale", "professionnels", "member"),
            ("Karim", "GEM L'Envol", "usagers", "member"),
            ("Mme Chevalier", "UNAFAM", "aidants", "member"),
        ],
    ),
    (
        "working_group",
        "Groupe de travail logement",
        "Il suit l'accès et le maintien dans le logement des personnes qui vivent avec un trouble psychique, avec les bailleurs et le GEM.",
        "Le groupe parle du logement.\nIl aide à trouver un logement et à le garder.",
        &[
            ("Léa", "GEM L'Envol", "usagers", "cohost"),
            ("Samir", "Pair-aidant", "usagers", "member"),
            ("Mme Chevalier", "UNAFAM", "aidants", "member"),
            ("M. Petit", "Bailleur social", "professionnels", "chair"),
            ("Mme Garnier", "CCAS", "professionnels", "member"),
            ("M. Okafor", "Mairie", "elus", "member"),
        ],
    ),
];
