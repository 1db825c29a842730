//! The annual report: every figure equal to what the database holds (counted here from the
//! raw tables, not through the report's code), no college under the minimum shown, and a
//! college hidden at one assembly not uncovered by subtracting another assembly's page from
//! the year; the coordinator's texts and indicators, refused whole when wrong, for this
//! council's coordinators only.

use super::live::open_room;
use agora_app::domain::{AssemblyFields, CouncilSlug, LiveState, Role};
use agora_app::store::entities::{
    annual_report, assembly, ballot, question, report_indicator, survey, survey_response,
    testimony, vote,
};
use agora_server::demo;
use agora_tests::{TestApp, unescape};
use chrono::{Datelike, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, Set,
};
use std::collections::BTreeMap;

/// The report's CSV as (block, label, college or "", number) lines, number as typed.
async fn report_csv(app: &TestApp, year: i32) -> anyhow::Result<Vec<Vec<String>>> {
    let response = app
        .client
        .get(app.url(&format!(
            "/api/annual_report_csv?slug={}&year={year}",
            demo::slug()
        )))
        .send()
        .await?;
    let status = response.status().as_u16();
    let text = response.text().await?;
    anyhow::ensure!(status == 200, "{status}: {text}");
    let rows = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|row| row.map(|r| r.iter().map(str::to_owned).collect()))
        .collect::<Result<Vec<Vec<String>>, _>>()?;
    Ok(rows)
}

/// The number on the line whose first cell is `label` (and second `college`, when given).
fn number(rows: &[Vec<String>], label: &str, college: Option<&str>) -> Option<usize> {
    rows.iter()
        .find(|row| {
            row.first().is_some_and(|c| c == label)
                && college.is_none_or(|college| row.get(1).is_some_and(|c| c == college))
        })
        .and_then(|row| row.get(if college.is_some() { 2 } else { 1 }))
        .and_then(|n| n.parse().ok())
}

#[tokio::test]
async fn the_report_adds_up_what_the_database_holds_and_uncovers_no_small_college()
-> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let council = app.demo_council_id().await?;
    let (room, facilitator) = open_room(&app).await?;
    let year = assembly::Entity::find_by_id(room)
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo assembly"))?
        .starts_at
        .year();

    // The demo assembly: 20 inhabitants, 8 usagers, 3 elected officials at the door; its
    // page shows the usagers merged with the elected officials (3 < 5).
    let room_s = room.to_string();
    app.post_form(
        "/api/save_door_count",
        Some(&facilitator),
        &[
            ("slug", slug),
            ("assembly", &room_s),
            ("counts[habitants]", "20"),
            ("counts[usagers]", "8"),
            ("counts[elus]", "3"),
        ],
    )
    .await?;
    // Twelve questions: 6 inhabitants, 5 usagers, 1 elected official. The official is
    // under the minimum, so the usagers join them: only the inhabitants are shown alone.
    for (n, college) in (11u8..).zip(
        std::iter::repeat_n("habitants", 6)
            .chain(std::iter::repeat_n("usagers", 5))
            .chain(["elus"]),
    ) {
        let body = format!("Comment avoir un rendez-vous au CMP plus vite ? ({n})");
        let response = app
            .post_form(
                "/api/ask_question",
                Some(&app.participant_cookie(n)),
                &[
                    ("slug", slug),
                    ("assembly", &room_s),
                    ("body", &body),
                    ("first_name", ""),
                    ("college", college),
                ],
            )
            .await?;
        anyhow::ensure!(response.status().as_u16() == 302, "{}", response.status());
    }
    agora_app::services::room::change_live_state(&app.db, council, room, LiveState::Closed, None)
        .await?;
    // A second assembly that year: 10 inhabitants, 6 usagers, both shown on its page.
    let second = agora_app::store::assemblies::create_assembly(
        &app.db,
        council,
        &AssemblyFields {
            title: "Plénière de printemps".into(),
            starts_at: format!("{year}-03-10T18:30"),
            place: "Médiathèque".into(),
            accessibility: String::new(),
        },
        None,
        None,
    )
    .await?;
    agora_app::store::assemblies::set_published(&app.db, council, second, true, None).await?;
    agora_app::store::room::attendance::set_door_count(
        &app.db,
        council,
        second,
        &[("habitants".into(), 10), ("usagers".into(), 6)],
        None,
    )
    .await?;
    let mut closed = assembly::Entity::find_by_id(second)
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("second assembly"))?
        .into_active_model();
    closed.live_state = Set(LiveState::Closed.key().to_owned());
    closed.update(&app.db).await?;

    // Counted here from the raw tables.
    let in_year = |at: chrono::DateTime<Utc>| at.year() == year;
    let assemblies: Vec<assembly::Model> = assembly::Entity::find()
        .filter(assembly::Column::CouncilId.eq(council))
        .all(&app.db)
        .await?
        .into_iter()
        .filter(|a| a.published_at.is_some() && in_year(a.starts_at))
        .collect();
    let ids: Vec<i64> = assemblies.iter().map(|a| a.id).collect();
    let questions = question::Entity::find()
        .filter(question::Column::AssemblyId.is_in(ids.clone()))
        .count(&app.db)
        .await?;
    let votes: Vec<vote::Model> = vote::Entity::find()
        .filter(vote::Column::CouncilId.eq(council))
        .all(&app.db)
        .await?
        .into_iter()
        .filter(|v| in_year(v.closes_at) && (v.state == "closed" || v.closes_at <= Utc::now()))
        .collect();
    let ballots = ballot::Entity::find()
        .filter(ballot::Column::VoteId.is_in(votes.iter().map(|v| v.id).collect::<Vec<_>>()))
        .count(&app.db)
        .await?;
    let surveys: Vec<survey::Model> = survey::Entity::find()
        .filter(survey::Column::CouncilId.eq(council))
        .all(&app.db)
        .await?
        .into_iter()
        .filter(|s| s.state != "draft" && in_year(s.created_at))
        .collect();
    let responses = survey_response::Entity::find()
        .filter(
            survey_response::Column::SurveyId
                .is_in(surveys.iter().map(|s| s.id).collect::<Vec<_>>()),
        )
        .count(&app.db)
        .await?;
    let testimonies = testimony::Entity::find()
        .filter(testimony::Column::CouncilId.eq(council))
        .all(&app.db)
        .await?
        .into_iter()
        .filter(|t| t.posted_on.year() == year)
        .count();

    let rows = report_csv(&app, year).await?;
    let expected: BTreeMap<&str, usize> = [
        ("Assemblées tenues", assemblies.len()),
        ("Votes clos", votes.len()),
        ("Questionnaires ouverts", surveys.len()),
        ("Témoignages reçus", testimonies),
    ]
    .into();
    for (label, count) in &expected {
        assert_eq!(
            number(&rows, label, None),
            Some(*count),
            "{label}: {rows:?}"
        );
    }
    assert_eq!(assemblies.len(), 2, "both assemblies are the year's");
    for (label, count) in [
        ("Questions posées en assemblée", questions),
        ("Bulletins de vote", ballots),
        ("Réponses aux questionnaires", responses),
    ] {
        let count = usize::try_from(count)?;
        assert_eq!(
            number(&rows, label, Some("Total")),
            Some(count),
            "{label}: {rows:?}"
        );
    }
    assert_eq!(questions, 12);
    let asked = "Questions posées en assemblée";
    assert_eq!(number(&rows, asked, Some("Habitants")), Some(6));
    assert_eq!(number(&rows, asked, Some("Autres collèges")), Some(6));
    assert_eq!(
        number(&rows, asked, Some("Usagers de la psychiatrie")),
        None
    );

    // Attendance: 47 in all; inhabitants 30 (both shown); usagers 6 — only the second
    // assembly's, since the first hid them; the rest (8 + 3) together.
    let attendance = "Personnes présentes aux assemblées";
    assert_eq!(number(&rows, attendance, Some("Total")), Some(47));
    assert_eq!(number(&rows, attendance, Some("Habitants")), Some(30));
    assert_eq!(
        number(&rows, attendance, Some("Usagers de la psychiatrie")),
        Some(6),
        "not 14: the year minus the second assembly's page would uncover the first's 8"
    );
    assert_eq!(number(&rows, attendance, Some("Autres collèges")), Some(11));
    assert_eq!(number(&rows, attendance, Some("Élus")), None);
    // No college under the minimum anywhere in the report.
    for row in &rows {
        if let (Some(college), Some(Ok(n))) = (row.get(1), row.get(2).map(|n| n.parse::<usize>()))
            && !["Total", "Autres collèges"].contains(&college.as_str())
        {
            assert!(n >= 5, "a college of {n} shown: {row:?}");
        }
    }

    // The page shows the same, and the rule.
    let (status, html) = app.get(&format!("/{slug}/bilan/{year}")).await?;
    assert_eq!(status, 200);
    let html = unescape(&html);
    assert!(html.contains(&format!("Bilan annuel {year}")), "{html}");
    assert!(
        html.contains("<td>47</td>") && html.contains("<td>30</td>"),
        "{html}"
    );
    assert!(!html.contains("<td>14</td>"), "{html}");
    // `/bilan` is this year's; years outside the range and words are nothing.
    for bad in ["1999", "2101", "deux-mille"] {
        let (status, _) = app.get(&format!("/{slug}/bilan/{bad}")).await?;
        assert_eq!(status, 404, "{bad}");
    }
    let (status, html) = app.get(&format!("/{slug}/bilan")).await?;
    assert_eq!(status, 200);
    assert!(unescape(&html).contains(&format!("Bilan annuel {}", Utc::now().year())));
    Ok(())
}

#[tokio::test]
async fn coordinators_complete_the_report_and_nobody_else_can() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = demo::slug();
    let here = CouncilSlug::parse(slug)?;
    let year = "2026";
    let (_, coordinator) = app
        .staff_member(&here, Role::Coordinator, "Claire Bilan")
        .await?;
    let (_, observer) = app.staff_member(&here, Role::Observer, "Odile Lit").await?;
    let other = app.other_council_coordinator().await?;
    let texts = |difficulties_easy: &'static str| {
        vec![
            ("slug", slug),
            ("year", year),
            (
                "partnerships",
                "Convention avec le bailleur social et le GEM.",
            ),
            ("partnerships_easy", "Le conseil travaille avec le GEM."),
            (
                "difficulties",
                "Peu d'élus présents aux groupes de travail.",
            ),
            ("difficulties_easy", difficulties_easy),
            ("plans", ""),
            ("plans_easy", ""),
        ]
    };
    let indicator = |source: &'static str| {
        vec![
            ("slug", slug),
            ("year", year),
            ("label", "Structures partenaires"),
            ("label_easy", ""),
            ("metric", ""),
            ("value", "14"),
            ("source", source),
            ("target", "20"),
        ]
    };
    let editor = format!("/{slug}/bilan/{year}/modifier");

    // Only this council's coordinators write, or read the editor.
    for (who, cookie, status) in [
        ("anonymous", None, 401),
        ("observer", Some(observer.as_str()), 403),
        ("coordinator of another council", Some(other.as_str()), 403),
    ] {
        for (path, form) in [
            ("/api/save_report_texts", texts("Peu d'élus viennent.")),
            ("/api/add_indicator", indicator("Annuaire")),
        ] {
            let response = app.post_form(path, cookie, &form).await?;
            assert_eq!(response.status().as_u16(), status, "{who} {path}");
        }
        let (status, _) = app.get_with_cookie(&editor, cookie).await?;
        assert_ne!(status, 200, "{who}");
    }
    assert_eq!(annual_report::Entity::find().count(&app.db).await?, 0);
    assert_eq!(report_indicator::Entity::find().count(&app.db).await?, 0);

    // A difficulty without its easy-read version: refused beside it, nothing stored, what
    // was typed kept. A typed value without its source: the same.
    let response = app
        .post_form("/api/save_report_texts", Some(&coordinator), &texts(""))
        .await?;
    let (back, html) = app.follow(response, &coordinator).await?;
    let html = unescape(&html);
    assert_eq!(back, editor);
    assert!(
        html.contains("Écrivez aussi la version facile à lire de ce texte."),
        "{html}"
    );
    assert!(
        html.contains("Convention avec le bailleur social"),
        "{html}"
    );
    assert_eq!(annual_report::Entity::find().count(&app.db).await?, 0);
    let response = app
        .post_form("/api/add_indicator", Some(&coordinator), &indicator(" "))
        .await?;
    let (_, html) = app.follow(response, &coordinator).await?;
    assert!(
        unescape(&html).contains("Dites d'où vient cette valeur."),
        "{html}"
    );
    assert_eq!(report_indicator::Entity::find().count(&app.db).await?, 0);

    // Right: stored, shown on the public report in plain and easy-read words.
    let response = app
        .post_form(
            "/api/save_report_texts",
            Some(&coordinator),
            &texts("Peu d'élus viennent."),
        )
        .await?;
    let (_, html) = app.follow(response, &coordinator).await?;
    assert!(unescape(&html).contains("Commentaires du bilan enregistrés."));
    app.post_form(
        "/api/add_indicator",
        Some(&coordinator),
        &indicator("Annuaire du CLSM"),
    )
    .await?;
    let computed = [
        ("slug", slug),
        ("year", year),
        ("label", "Bulletins de vote donnés"),
        ("label_easy", "Votes donnés"),
        ("metric", "ballots"),
        ("value", ""),
        ("source", ""),
        ("target", ""),
    ];
    app.post_form("/api/add_indicator", Some(&coordinator), &computed)
        .await?;
    let (_, html) = app.get(&format!("/{slug}/bilan/{year}")).await?;
    let html = unescape(&html);
    assert!(
        html.contains("Convention avec le bailleur social et le GEM."),
        "{html}"
    );
    assert!(html.contains("Structures partenaires") && html.contains("Annuaire du CLSM"));
    assert!(html.contains("Calculé par Agora"), "{html}");
    assert!(
        !html.contains("/bilan/2026/modifier"),
        "the public sees no edit link"
    );
    let (_, html) = app
        .get_with_cookie(
            &format!("/{slug}/bilan/{year}"),
            Some("agora_prefs=lang=fr&easy=1"),
        )
        .await?;
    assert!(unescape(&html).contains("Peu d'élus viennent."), "{html}");
    let csv_rows = report_csv(&app, 2026).await?;
    assert!(
        csv_rows.iter().any(
            |row| row.first().is_some_and(|c| c == "Structures partenaires")
                && row.get(1).is_some_and(|v| v == "14")
        ),
        "{csv_rows:?}"
    );

    // Another council's indicator cannot be removed from here.
    app.post_form(
        "/api/add_indicator",
        Some(&other),
        &[
            ("slug", "clsm-ailleurs"),
            ("year", year),
            ("label", "Réunions tenues"),
            ("metric", "assemblies"),
        ],
    )
    .await?;
    let theirs = report_indicator::Entity::find()
        .filter(report_indicator::Column::Label.eq("Réunions tenues"))
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("their indicator"))?;
    let response = app
        .post_form(
            "/api/remove_indicator",
            Some(&coordinator),
            &[
                ("slug", slug),
                ("year", year),
                ("indicator", &theirs.id.to_string()),
            ],
        )
        .await?;
    assert_eq!(response.status().as_u16(), 404);
    assert_eq!(report_indicator::Entity::find().count(&app.db).await?, 3);
    let ours = report_indicator::Entity::find()
        .filter(report_indicator::Column::Label.eq("Structures partenaires"))
        .one(&app.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("our indicator"))?;
    let response = app
        .post_form(
            "/api/remove_indicator",
            Some(&coordinator),
            &[
                ("slug", slug),
                ("year", year),
                ("indicator", &ours.id.to_string()),
            ],
        )
        .await?;
    let (_, html) = app.follow(response, &coordinator).await?;
    assert!(unescape(&html).contains("Indicateur retiré."), "{html}");
    assert_eq!(report_indicator::Entity::find().count(&app.db).await?, 2);
    Ok(())
}
