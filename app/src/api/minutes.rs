//! A meeting's minutes (`/{slug}/assemblees/{id}/compte-rendu`): read by whoever their
//! audience lets in; written at `…/compte-rendu/modifier` by the staff who run rooms, from
//! a draft built out of what the meeting held (agenda, attendance by college, questions
//! and answers, polls, votes). Editing the texts and publishing them are two forms: a
//! refused publication never loses an edit, however long.

use super::AppError;
use super::forms::PageFlash;
use crate::domain::Assembly;
use crate::domain::document::Document;
use crate::domain::minutes::{MinutesAudience, MinutesFields};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// `/{slug}/assemblees/{id}/compte-rendu`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesPage {
    pub council_slug: String,
    pub council_name: String,
    pub assembly: Assembly,
    /// The body whose meeting it is (id, name).
    pub body: Option<(i64, String)>,
    /// The text as HTML, and its easy-read version (no HTML of the writer's survives).
    pub html: String,
    pub html_easy: String,
    pub audience: MinutesAudience,
    /// The caller may change them.
    pub can_write: bool,
    /// The meeting's documents the caller may read.
    pub documents: Vec<Document>,
}

/// `/{slug}/assemblees/{id}/compte-rendu/modifier`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesEditor {
    pub council_slug: String,
    pub council_name: String,
    pub assembly: Assembly,
    pub body: Option<(i64, String)>,
    /// What is stored, or a draft built from the meeting when nothing is yet.
    pub fields: MinutesFields,
    /// Something is stored: publishing is offered.
    pub saved: bool,
    /// All the meeting's documents.
    pub documents: Vec<Document>,
    pub flash: PageFlash,
}

#[server(endpoint = "minutes")]
pub async fn load_minutes(slug: String, id: String) -> Result<MinutesPage, AppError> {
    use crate::domain::Permission;
    let db = super::request::db()?;
    let council = super::edge::council(&db, &slug).await?;
    let assembly = super::edge::assembly_of(&db, council.id, &id).await?;
    let viewer = super::edge::viewer(&db, council.id).await?;
    let meeting = server::meeting(&db, &council, assembly, true).await?;
    let minutes = crate::store::minutes::minutes_of(&db, assembly)
        .await?
        .filter(|m| m.fields.audience.readable_by(&viewer, meeting.0.body))
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let can_write = super::edge::caller_allowed(&db, council.id, Permission::ModerateLive)
        .await?
        .is_some();
    let documents = super::documents::server::readable(
        &db,
        crate::store::documents::Holder::Meeting {
            assembly,
            body: meeting.0.body,
        },
        &viewer,
    )
    .await?;
    Ok(MinutesPage {
        council_slug: slug,
        council_name: council.name,
        html: server::html(&minutes.fields.text),
        html_easy: server::html(&minutes.fields.text_easy),
        audience: minutes.fields.audience,
        assembly: meeting.0,
        body: meeting.1,
        can_write,
        documents,
    })
}

#[server(endpoint = "minutes_editor")]
pub async fn load_minutes_editor(slug: String, id: String) -> Result<MinutesEditor, AppError> {
    use crate::domain::Permission;
    let db = super::request::db()?;
    let call = super::edge::require(&db, &slug, Permission::ModerateLive).await?;
    let assembly = super::edge::assembly_of(&db, call.council.id, &id).await?;
    let (meeting, body) = server::meeting(&db, &call.council, assembly, true).await?;
    let stored = crate::store::minutes::minutes_of(&db, assembly).await?;
    let saved = stored.is_some();
    let fields = match stored {
        Some(minutes) => minutes.fields,
        None => server::draft(&db, &call.council, &meeting).await?,
    };
    let documents = crate::store::documents::documents_of(
        &db,
        crate::store::documents::Holder::Meeting {
            assembly,
            body: meeting.body,
        },
    )
    .await?;
    Ok(MinutesEditor {
        council_slug: slug,
        council_name: call.council.name,
        assembly: meeting,
        body,
        fields,
        saved,
        documents,
        flash: super::forms::take_page_flash()?,
    })
}

/// Saves the texts; who may read them stays as it was (a draft, the first time).
#[server(endpoint = "save_minutes")]
pub async fn save_minutes(
    slug: String,
    assembly: String,
    #[server(default)] text: String,
    #[server(default)] text_easy: String,
) -> Result<(), AppError> {
    use crate::domain::Permission;
    let db = super::request::db()?;
    let call = super::edge::require(&db, &slug, Permission::ModerateLive).await?;
    let id = super::edge::assembly_of(&db, call.council.id, &assembly).await?;
    let back = format!("/{slug}/assemblees/{id}/compte-rendu/modifier");
    let audience = crate::store::minutes::minutes_of(&db, id)
        .await?
        .map_or(MinutesAudience::Draft, |m| m.fields.audience);
    let values = [("text", text.as_str()), ("text_easy", text_easy.as_str())];
    let scope = server::scope(&db, call.council.id, id).await?;
    let form = crate::domain::minutes::MinutesForm {
        text: &text,
        text_easy: &text_easy,
        audience: audience.key(),
    };
    let Some(fields) = super::forms::checked(
        "minutes",
        &values,
        &back,
        MinutesFields::check(&form, scope),
    )?
    else {
        return Ok(());
    };
    crate::store::minutes::save_minutes(&db, call.council.id, id, &fields, Some(call.account_id))
        .await?;
    super::forms::done("saved-minutes", &back)
}

/// Publishes the stored texts to `audience` (or takes them back to a draft).
#[server(endpoint = "publish_minutes")]
pub async fn publish_minutes(
    slug: String,
    assembly: String,
    #[server(default)] audience: String,
) -> Result<(), AppError> {
    use crate::domain::Permission;
    let db = super::request::db()?;
    let call = super::edge::require(&db, &slug, Permission::ModerateLive).await?;
    let id = super::edge::assembly_of(&db, call.council.id, &assembly).await?;
    let back = format!("/{slug}/assemblees/{id}/compte-rendu/modifier");
    let stored = crate::store::minutes::minutes_of(&db, id)
        .await?
        .ok_or_else(|| AppError::Invalid("error-minutes-not-saved".into()).with_status())?;
    let scope = server::scope(&db, call.council.id, id).await?;
    let form = crate::domain::minutes::MinutesForm {
        text: &stored.fields.text,
        text_easy: &stored.fields.text_easy,
        audience: &audience,
    };
    let Some(fields) = super::forms::checked(
        "publish",
        &[("audience", audience.as_str())],
        &format!("{back}#publier"),
        // The texts are already stored: whatever is wrong is said beside the choice made.
        MinutesFields::check(&form, scope)
            .map_err(|error| crate::domain::FieldError::new("audience", error.message)),
    )?
    else {
        return Ok(());
    };
    crate::store::minutes::save_minutes(&db, call.council.id, id, &fields, Some(call.account_id))
        .await?;
    let notice = match fields.audience {
        MinutesAudience::Draft => "saved-minutes-withdrawn",
        MinutesAudience::Members | MinutesAudience::Public => "saved-minutes-published",
    };
    super::forms::done(notice, &back)
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use crate::api::AppError;
    use crate::api::edge::CouncilRef;
    use crate::domain::minutes::{MeetingScope, MinutesAudience, MinutesFields};
    use crate::domain::poll::PollResults;
    use crate::domain::{Assembly, College, Lang};
    use sea_orm::DatabaseConnection;

    /// The assembly (drafts included for staff) and its body's id and name.
    pub async fn meeting(
        db: &DatabaseConnection,
        council: &CouncilRef,
        assembly: i64,
        with_drafts: bool,
    ) -> Result<(Assembly, Option<(i64, String)>), AppError> {
        let meeting =
            crate::store::assemblies::assembly_in_council(db, council.id, assembly, with_drafts)
                .await?
                .ok_or_else(|| AppError::NotFound.with_status())?;
        let body = crate::store::bodies::meeting_body(db, council.id, meeting.body).await?;
        Ok((meeting, body))
    }

    /// How far the meeting's minutes may reach.
    pub async fn scope(
        db: &DatabaseConnection,
        council_id: i64,
        assembly: i64,
    ) -> Result<MeetingScope, AppError> {
        crate::store::room::audience_of(db, assembly)
            .await?
            .filter(|audience| audience.council_id == council_id)
            .map(|audience| MeetingScope {
                body: audience.body,
                members_only: audience.members_only,
            })
            .ok_or_else(|| AppError::NotFound.with_status())
    }

    /// Markdown as HTML a page may hold: raw HTML is shown as text, images as their
    /// description, links only to the web, to mail or within the site; a first-level
    /// heading becomes a second (the page has its `h1`), so that `#` and `##` both start
    /// a section.
    pub fn html(markdown: &str) -> String {
        use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
        fn down(level: HeadingLevel) -> HeadingLevel {
            match level {
                HeadingLevel::H1 => HeadingLevel::H2,
                other => other,
            }
        }
        fn safe_link(dest: &str) -> bool {
            let dest = dest.trim().to_ascii_lowercase();
            ["https://", "http://", "mailto:"]
                .iter()
                .any(|scheme| dest.starts_with(scheme))
                || (dest.starts_with('/') && !dest.starts_with("//"))
                || dest.starts_with('#')
        }
        // Links refused are dropped with their closing tag; the text stays.
        let mut dropped_links = Vec::new();
        let events = Parser::new_ext(
            markdown,
            Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
        )
        .filter_map(|event| match event {
            Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
            Event::Start(Tag::Heading { level, .. }) => Some(Event::Start(Tag::Heading {
                level: down(level),
                id: None,
                classes: Vec::new(),
                attrs: Vec::new(),
            })),
            Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(down(level)))),
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let safe = safe_link(&dest_url);
                dropped_links.push(!safe);
                safe.then_some(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }))
            }
            Event::End(TagEnd::Link) => {
                let dropped = dropped_links.pop().unwrap_or(false);
                (!dropped).then_some(Event::End(TagEnd::Link))
            }
            Event::FootnoteReference(name) => Some(Event::Text(name)),
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => None,
            other => Some(other),
        });
        let mut out = String::new();
        pulldown_cmark::html::push_html(&mut out, events);
        out
    }

    /// A first draft of the minutes and of their easy-read version, in the caller's
    /// language, from what the meeting held.
    pub async fn draft(
        db: &DatabaseConnection,
        council: &CouncilRef,
        meeting: &Assembly,
    ) -> Result<MinutesFields, AppError> {
        let facts = facts(db, council, meeting).await?;
        let lang = crate::i18n::request_preferences().lang;
        Ok(MinutesFields {
            text: write_draft(&facts, lang, false),
            text_easy: write_draft(&facts, lang, true),
            audience: MinutesAudience::Draft,
        })
    }

    /// What a draft is written from.
    pub struct Facts {
        pub slug: String,
        pub meeting: Assembly,
        pub colleges: Vec<College>,
        pub attendance: Option<crate::api::AttendanceFigure>,
        pub questions: Vec<crate::api::RecordedQuestion>,
        pub polls: Vec<(String, Option<String>, PollResults)>,
        pub votes: Vec<(i64, String)>,
    }

    async fn facts(
        db: &DatabaseConnection,
        council: &CouncilRef,
        meeting: &Assembly,
    ) -> Result<Facts, AppError> {
        let questions = crate::services::room::snapshot(db, meeting.id, false)
            .await?
            .map(|(_, room)| {
                crate::api::floor_record::server::of_room(council.name.clone(), room).questions
            })
            .unwrap_or_default();
        let polls =
            crate::api::poll_server::poll_views(db, council.id, meeting.id, None, false, false)
                .await?
                .into_iter()
                .filter(|view| view.poll.state == crate::domain::poll::PollState::Closed)
                .map(|view| (view.poll.question, view.poll.question_easy, view.results))
                .collect();
        let votes =
            crate::store::votes::votes_of_assembly(db, council.id, meeting.id, chrono::Utc::now())
                .await?
                .into_iter()
                .map(|vote| (vote.id, vote.title))
                .collect();
        let attendance = crate::api::attendance::server::figure(
            db,
            &council.colleges,
            council.min_group,
            meeting.id,
            meeting.live == crate::domain::LiveState::Closed,
        )
        .await?;
        Ok(Facts {
            slug: council.slug.as_str().to_owned(),
            meeting: meeting.clone(),
            colleges: council.colleges.clone(),
            attendance,
            questions,
            polls,
            votes,
        })
    }

    /// The draft as Markdown: its headings and sentences through Fluent (their easy-read
    /// variants when `easy`), the meeting's own words as they were written. Sections are
    /// `##` headings; a question's answer and a poll's result sit in their list item as a
    /// paragraph of their own.
    pub fn write_draft(facts: &Facts, lang: Lang, easy: bool) -> String {
        let text = |id: &str| crate::i18n::message(lang, easy, id, None);
        let with =
            |id: &str, args: &[(&str, &str)]| crate::i18n::message_with(lang, easy, id, args);
        let college = |key: &str| crate::api::sheet::college_name(&facts.colleges, key, lang);
        let section = |title: &str, body: String| format!("## {}\n\n{body}", text(title));
        let meeting = &facts.meeting;
        let when = crate::i18n::moment(lang, easy, &meeting.starts);
        let mut sections = vec![if meeting.place.is_empty() {
            with("minutes-draft-held", &[("when", &when)])
        } else {
            with(
                "minutes-draft-held-at",
                &[("when", &when), ("place", &meeting.place)],
            )
        }];

        let agenda: Vec<String> = meeting
            .agenda
            .iter()
            .enumerate()
            .map(|(n, item)| {
                let summary = one_line(item.summary.pick(easy));
                if summary.is_empty() {
                    format!("{}. **{}**", n + 1, item.title)
                } else {
                    format!("{}. **{}** — {summary}", n + 1, item.title)
                }
            })
            .collect();
        sections.push(section(
            "minutes-draft-agenda",
            if agenda.is_empty() {
                text("minutes-draft-agenda-none")
            } else {
                agenda.join("\n")
            },
        ));

        let attendance = match &facts.attendance {
            None => text("minutes-draft-attendance-none"),
            Some(figure) => {
                let shown = &figure.shown;
                let mut lines: Vec<String> = shown
                    .colleges
                    .iter()
                    .map(|(key, count)| format!("- {} : {count}", college(key)))
                    .collect();
                if !shown.merged.is_empty() {
                    let names: Vec<String> = shown.merged.iter().map(|k| college(k)).collect();
                    lines.push(format!("- {} : {}", names.join(", "), shown.merged_count));
                }
                let total = with(
                    "minutes-draft-attendance-total",
                    &[("count", &shown.total.to_string())],
                );
                if lines.is_empty() {
                    total
                } else {
                    format!("{total}\n\n{}", lines.join("\n"))
                }
            }
        };
        sections.push(section("minutes-draft-attendance", attendance));

        let questions: Vec<String> = facts
            .questions
            .iter()
            .map(|question| {
                let answer = if easy {
                    question.answer_easy.as_ref().or(question.answer.as_ref())
                } else {
                    question.answer.as_ref()
                };
                let answer = match answer.filter(|a| !a.trim().is_empty()) {
                    Some(answer) => with("minutes-draft-answer", &[("answer", &one_line(answer))]),
                    None => text("minutes-draft-no-answer"),
                };
                format!("- {}\n\n  {answer}", one_line(&question.question))
            })
            .collect();
        sections.push(section(
            "minutes-draft-questions",
            if questions.is_empty() {
                text("minutes-draft-questions-none")
            } else {
                questions.join("\n\n")
            },
        ));

        let polls: Vec<String> = facts
            .polls
            .iter()
            .map(|(question, question_easy, results)| {
                let question = match (easy, question_easy) {
                    (true, Some(easy)) => easy,
                    _ => question,
                };
                let answers = results.answers().to_string();
                let result = match results {
                    PollResults::TooFew { min_group, .. } => with(
                        "minutes-draft-poll-too-few",
                        &[("count", &answers), ("min", &min_group.to_string())],
                    ),
                    PollResults::Choice { counts, .. } => counts
                        .iter()
                        .map(|(option, n)| format!("{option} : {n}"))
                        .collect::<Vec<_>>()
                        .join(" ; "),
                    PollResults::Rating { mean_tenths, .. } => {
                        let mean = format!(
                            "{}{}{}",
                            mean_tenths / 10,
                            decimal_mark(lang),
                            mean_tenths % 10
                        );
                        with("minutes-draft-poll-rating", &[("mean", &mean)])
                    }
                    PollResults::Words { words, .. } => words
                        .iter()
                        .map(|(word, n)| format!("{word} ({n})"))
                        .collect::<Vec<_>>()
                        .join(", "),
                };
                format!(
                    "- **{}** {}\n\n  {result}",
                    one_line(question),
                    with("minutes-draft-poll-answers", &[("count", &answers)])
                )
            })
            .collect();
        if !polls.is_empty() {
            sections.push(section("minutes-draft-polls", polls.join("\n\n")));
        }

        if !facts.votes.is_empty() {
            let votes: Vec<String> = facts
                .votes
                .iter()
                .map(|(id, title)| format!("- [{title}](/{}/votes/{id}/resultats)", facts.slug))
                .collect();
            sections.push(section("minutes-draft-votes", votes.join("\n")));
        }

        sections.push(section(
            "minutes-draft-decisions",
            format!("- {}", text("minutes-draft-decisions-todo")),
        ));
        sections.join("\n\n") + "\n"
    }

    fn one_line(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn decimal_mark(lang: Lang) -> char {
        match lang {
            Lang::Fr => ',',
            Lang::En => '.',
        }
    }

    #[cfg(test)]
    mod tests {
        use super::{Facts, html, write_draft};
        use crate::domain::poll::PollResults;
        use crate::domain::{
            AgendaItem, Assembly, JoinCode, Lang, LiveState, LocalMoment, Wording,
        };

        fn facts() -> Facts {
            let question = |text: &str, answer: Option<&str>, easy: Option<&str>| {
                crate::api::RecordedQuestion {
                    number: 1,
                    agenda_item: None,
                    question: text.to_owned(),
                    college: None,
                    votes: 0,
                    answered: answer.is_some(),
                    answer: answer.map(str::to_owned),
                    answer_easy: easy.map(str::to_owned),
                }
            };
            Facts {
                slug: "clsm-test".to_owned(),
                meeting: Assembly {
                    id: 4,
                    title: "Réunion de mars".to_owned(),
                    starts: LocalMoment {
                        year: 2027,
                        month: 3,
                        day: 11,
                        weekday: 4,
                        hour: 18,
                        minute: 5,
                    },
                    place: "Salle 2".to_owned(),
                    accessibility: String::new(),
                    join_code: JoinCode::from_positions([0; crate::domain::JOIN_CODE_LENGTH]),
                    published: true,
                    live: LiveState::Closed,
                    premoderation: false,
                    questions_open: false,
                    current_item: None,
                    agenda: vec![AgendaItem {
                        id: 1,
                        title: "Logement".to_owned(),
                        summary: Wording {
                            plain: "Où en est la résidence\naccueil ?".to_owned(),
                            easy: "La maison pour vivre.".to_owned(),
                        },
                    }],
                    body: Some(7),
                    members_only: true,
                    starts_unix: 0,
                },
                colleges: Vec::new(),
                attendance: None,
                questions: vec![
                    question(
                        "Quand visite-t-on ?",
                        Some("Le 2 avril."),
                        Some("En avril."),
                    ),
                    question("Et le bus ?", None, None),
                ],
                polls: vec![(
                    "Quel jour ?".to_owned(),
                    None,
                    PollResults::TooFew {
                        answers: 1,
                        min_group: 5,
                    },
                )],
                votes: vec![(9, "Priorités 2027".to_owned())],
            }
        }

        #[test]
        fn a_draft_holds_the_meeting_in_sections_each_answer_under_its_question() {
            let draft = write_draft(&facts(), Lang::Fr, false);
            assert!(
                draft.starts_with("Réunion du jeudi 11 mars 2027 à 18 h 05, Salle 2."),
                "{draft}"
            );
            assert!(
                !draft.contains("\n\n\n"),
                "one blank line between blocks:\n{draft}"
            );
            assert!(draft.contains("1. **Logement** — Où en est la résidence accueil ?"));
            assert!(draft.contains("(1 réponse)"), "{draft}");
            assert!(draft.contains("[Priorités 2027](/clsm-test/votes/9/resultats)"));
            let page = html(&draft);
            assert!(page.contains("<p>Réponse : Le 2 avril.</p>"), "{page}");
            assert!(page.contains("<p>(sans réponse écrite)</p>"), "{page}");
            assert!(page.contains("<h2>Décisions</h2>"), "{page}");
            let easy = write_draft(&facts(), Lang::Fr, true);
            assert!(easy.contains("La maison pour vivre."), "{easy}");
            assert!(easy.contains("Réponse : En avril."), "{easy}");
            assert!(easy.contains("## Ce que nous avons décidé"), "{easy}");
            let english = write_draft(&facts(), Lang::En, false);
            assert!(english.contains("## Questions and answers"), "{english}");
        }

        #[test]
        fn the_writers_html_never_reaches_the_page() {
            let out = html(
                "# Réunion\n\n<script>alert(1)</script>\n\nTexte <img src=x onerror=alert(2)> fin",
            );
            assert!(out.contains("<h2>Réunion</h2>"), "{out}");
            assert!(!out.contains("<script"), "{out}");
            assert!(!out.contains("<img"), "{out}");
            assert!(out.contains("&lt;script&gt;"), "{out}");
        }

        #[test]
        fn only_safe_links_stay_links() {
            let out = html(
                "[a](javascript:alert(1)) [b](/lyon/votes/3/resultats) [c](https://example.org) [d](//evil.example) ![e](https://tracker.example/p.png)",
            );
            assert!(!out.contains("javascript:"), "{out}");
            assert!(!out.contains("//evil"), "{out}");
            assert!(
                out.contains("<a href=\"/lyon/votes/3/resultats\">b</a>"),
                "{out}"
            );
            assert!(
                out.contains("<a href=\"https://example.org\">c</a>"),
                "{out}"
            );
            assert!(!out.contains("tracker"), "{out}");
            // The words of a refused link stay.
            assert!(out.contains('a') && out.contains(" d "), "{out}");
            assert!(out.contains('e'), "{out}");
        }
    }
}
