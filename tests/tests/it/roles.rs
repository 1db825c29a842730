//! docs/security.md's role matrix for surveys, testimonies and the council's settings, line
//! by line, tried by everyone who might: nobody, a coordinator of another council, an
//! observer, a facilitator, a facilitator granted testimony, a coordinator. A refusal is
//! 401 (nobody) or 403; anything else means the request went past the role check (it may
//! still be refused for what it carries: that is another test's business).

use agora_app::domain::{Access, CouncilSlug, Role};
use agora_tests::TestApp;
use sea_orm::EntityTrait;

/// Allowed (`A`) or denied (`D`) for: nobody, another council's coordinator, observer,
/// facilitator, facilitator with testimony, coordinator.
struct Line {
    what: &'static str,
    get: bool,
    path: &'static str,
    fields: Vec<(&'static str, String)>,
    expected: &'static str,
}

#[tokio::test]
async fn surveys_testimonies_and_settings_answer_each_role_as_the_matrix_says() -> anyhow::Result<()>
{
    use agora_app::store::entities::survey;
    let app = TestApp::with_demo().await?;
    let here = agora_server::demo::council()?.slug;
    let slug = here.as_str().to_owned();
    let mut elsewhere = agora_server::demo::council()?;
    elsewhere.slug = CouncilSlug::parse("clsm-autre-rive")?;
    agora_app::store::insert_council(&app.db, &elsewhere).await?;
    let (_, other) = app
        .staff_member(&elsewhere.slug, Role::Coordinator, "Otto Ailleurs")
        .await?;
    let (_, observer) = app
        .staff_member(&here, Role::Observer, "Olga Observe")
        .await?;
    let (_, facilitator) = app
        .staff_member(&here, Role::Facilitator, "Fanny Anime")
        .await?;
    let (_, reader) = agora_tests::staff_member(
        &app.db,
        &here,
        Access::reading_testimony(Role::Facilitator),
        "Théo Lit",
    )
    .await?;
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Anne Martin")
        .await?;
    let callers: [(&str, Option<&str>); 6] = [
        ("nobody", None),
        ("another council", Some(&other)),
        ("observer", Some(&observer)),
        ("facilitator", Some(&facilitator)),
        ("facilitator with testimony", Some(&reader)),
        ("coordinator", Some(&coordinator)),
    ];
    let council = app.demo_council_id().await?;
    let survey = survey::Entity::find()
        .all(&app.db)
        .await?
        .into_iter()
        .find(|s| s.council_id == council)
        .ok_or_else(|| anyhow::anyhow!("the demo's survey"))?
        .id
        .to_string();
    let s = |v: &str| v.to_owned();
    let lines = vec![
        Line {
            what: "survey editor (load_survey_editor)",
            get: false,
            path: "/api/survey_editor",
            fields: vec![("slug", slug.clone()), ("id", survey.clone())],
            expected: "DDDDDA",
        },
        Line {
            what: "create a survey (create_survey)",
            get: false,
            path: "/api/create_survey",
            fields: vec![("slug", slug.clone()), ("title", s(""))],
            expected: "DDDDDA",
        },
        Line {
            what: "add a question (add_survey_question)",
            get: false,
            path: "/api/add_survey_question",
            fields: vec![
                ("slug", slug.clone()),
                ("survey", survey.clone()),
                ("section", s("")),
                ("kind", s("nothing")),
                ("prompt", s("")),
            ],
            expected: "DDDDDA",
        },
        Line {
            what: "open / close a survey (run_survey)",
            get: false,
            path: "/api/run_survey",
            fields: vec![
                ("slug", slug.clone()),
                ("survey", survey.clone()),
                ("action", s("nothing")),
            ],
            expected: "DDDDDA",
        },
        Line {
            what: "review a written answer (review_survey_text)",
            get: false,
            path: "/api/review_survey_text",
            fields: vec![
                ("slug", slug.clone()),
                ("survey", survey.clone()),
                ("answer", s("0")),
                ("decision", s("withhold")),
            ],
            expected: "DDDDDA",
        },
        Line {
            what: "one-time survey codes (issue_survey_codes)",
            get: false,
            path: "/api/issue_survey_codes",
            fields: vec![
                ("slug", slug.clone()),
                ("survey", survey.clone()),
                ("count", s("0")),
            ],
            expected: "DDDDDA",
        },
        Line {
            what: "the survey's code sheet (load_survey_code_sheet)",
            get: false,
            path: "/api/survey_code_sheet",
            fields: vec![("slug", slug.clone()), ("id", survey.clone())],
            expected: "DDDDDA",
        },
        Line {
            what: "the council's settings (load_settings)",
            get: false,
            path: "/api/settings",
            fields: vec![("slug", slug.clone())],
            expected: "DDDDDA",
        },
        Line {
            what: "minimum group size (save_settings)",
            get: false,
            path: "/api/save_settings",
            fields: vec![("slug", slug.clone()), ("min_group_size", s("5"))],
            expected: "DDDDDA",
        },
        Line {
            what: "the council's profile (save_council_profile)",
            get: false,
            path: "/api/save_council_profile",
            fields: vec![("slug", slug.clone()), ("name", s(""))],
            expected: "DDDDDA",
        },
        Line {
            what: "rename or move a college (change_college)",
            get: false,
            path: "/api/change_college",
            fields: vec![
                ("slug", slug.clone()),
                ("college", s("habitants")),
                ("label", s("")),
            ],
            expected: "DDDDDA",
        },
        Line {
            what: "add a college (add_college)",
            get: false,
            path: "/api/add_college",
            fields: vec![("slug", slug.clone()), ("label", s(""))],
            expected: "DDDDDA",
        },
        Line {
            what: "local help (save_local_help)",
            get: false,
            path: "/api/save_local_help",
            fields: vec![("slug", slug.clone()), ("local_help", s(""))],
            expected: "DDDDDA",
        },
        Line {
            what: "a recording (testimony_audio)",
            get: true,
            path: "/api/testimony_audio",
            fields: vec![("slug", slug.clone()), ("id", s("1"))],
            expected: "DDDDAA",
        },
        Line {
            what: "moderate a testimony (moderate_testimony)",
            get: false,
            path: "/api/moderate_testimony",
            fields: vec![
                ("slug", slug.clone()),
                ("id", s("1")),
                ("decision", s("ask")),
            ],
            expected: "DDDDAA",
        },
        Line {
            what: "delete a testimony (delete_testimony)",
            get: false,
            path: "/api/delete_testimony",
            fields: vec![("slug", slug.clone()), ("id", s("1"))],
            expected: "DDDDAA",
        },
        Line {
            what: "a published testimony on the screen (show_testimony)",
            get: false,
            path: "/api/show_testimony",
            fields: vec![("slug", slug.clone()), ("id", s(""))],
            expected: "DDDAAA",
        },
        Line {
            what: "the report's quotes (testimonies_report_csv)",
            get: true,
            path: "/api/testimonies_report_csv",
            fields: vec![("slug", slug.clone())],
            expected: "DDAAAA",
        },
    ];
    let mut wrong = Vec::new();
    for line in &lines {
        for ((who, cookie), expected) in callers.iter().zip(line.expected.chars()) {
            let mut request = if line.get {
                app.client.get(app.url(line.path)).query(&line.fields)
            } else {
                app.client.post(app.url(line.path)).form(&line.fields)
            };
            if let Some(cookie) = cookie {
                request = request.header("cookie", *cookie);
            }
            let status = request.send().await?.status().as_u16();
            let denied = status == 401 || status == 403;
            let right = match expected {
                'D' if cookie.is_none() => status == 401,
                'D' => status == 403,
                _ => !denied && status != 429,
            };
            if !right {
                wrong.push(format!("{} — {who}: {status}", line.what));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    Ok(())
}
