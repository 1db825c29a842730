//! The shared diagnosis as coordinators write it, from an empty council: findings written,
//! refused, published, withdrawn, ordered and deleted; spreadsheets previewed then imported
//! (CSV and ODS) or refused line by line with nothing stored; objectives from a preset,
//! renamed, added and removed; and nobody else reaching any of it.

use agora_app::domain::{CouncilSlug, ObjectivePreset, Role};
use agora_app::store::entities::{finding, finding_import};
use agora_app::store::{self, diagnosis};
use agora_tests::{TestApp, location};
use sea_orm::{EntityTrait, PaginatorTrait};

/// An empty instance with one council set up from nothing and its coordinator's cookie.
async fn new_council(
    preset: ObjectivePreset,
) -> anyhow::Result<(TestApp, CouncilSlug, i64, String)> {
    let app = TestApp::empty().await?;
    let slug = CouncilSlug::parse("clsm-rive")?;
    let id = store::create_council(&app.db, &slug, "CLSM de la Rive", "Rive-Haute", preset).await?;
    let (_, cookie) = app
        .staff_member(&slug, Role::Coordinator, "Anne Martin")
        .await?;
    Ok((app, slug, id, cookie))
}

use agora_tests::unescape;

/// Every finding row, as the raw database holds it.
async fn rows(app: &TestApp) -> anyhow::Result<Vec<finding::Model>> {
    Ok(finding::Entity::find().all(&app.db).await?)
}

#[tokio::test]
async fn a_coordinator_writes_a_draft_publishes_edits_orders_and_deletes_findings()
-> anyhow::Result<()> {
    let (app, slug, council_id, cookie) = new_council(ObjectivePreset::National).await?;
    let (status, html) = app
        .get_with_cookie(&format!("/{slug}/diagnostic"), Some(&cookie))
        .await?;
    assert_eq!(status, 200);
    assert!(
        unescape(&html).contains("Aucun constat pour l'instant"),
        "{html}"
    );

    let write = |title: &'static str, year: &'static str| {
        vec![
            ("slug", slug.as_str()),
            ("objective", "care"),
            ("title", title),
            ("title_easy", "Attendre longtemps"),
            (
                "summary",
                "Six mois d'attente au centre médico-psychologique.",
            ),
            ("summary_easy", "Il faut attendre 6 mois."),
            ("source", "Enquête CMP"),
            ("source_kind", "quantitative"),
            ("source_year", year),
        ]
    };
    // A year out of bounds: refused beside its field, what was typed kept, nothing stored.
    let refused = app
        .post_form(
            "/api/save_finding",
            Some(&cookie),
            &write("Attente au CMP", "3024"),
        )
        .await?;
    assert!(
        location(&refused).ends_with("/diagnostic/nouveau"),
        "{}",
        location(&refused)
    );
    let (_, html) = app.follow(refused, &cookie).await?;
    let html = unescape(&html);
    assert!(
        html.contains("L'année doit s'écrire en quatre chiffres"),
        "{html}"
    );
    assert!(
        html.contains("Attente au CMP"),
        "the title typed is given back"
    );
    assert!(rows(&app).await?.is_empty(), "nothing stored");

    for (title, year) in [("Attente au CMP", "2024"), ("Urgences saturées", "")] {
        let saved = app
            .post_form("/api/save_finding", Some(&cookie), &write(title, year))
            .await?;
        assert!(
            location(&saved).contains("/diagnostic#finding-"),
            "{}",
            location(&saved)
        );
    }
    let stored = rows(&app).await?;
    assert_eq!(stored.len(), 2);
    assert!(
        stored.iter().all(|f| !f.published),
        "a new finding is a draft"
    );
    assert_eq!(stored[0].source_year, Some(2024));
    assert_eq!(stored[0].source_kind, "quantitative");
    let (first, second) = (stored[0].id, stored[1].id);

    // A draft is nowhere public: not on the council's page, its own page is 404, and no
    // vote can offer it.
    let (_, home) = app.get(&format!("/{slug}")).await?;
    assert!(!home.contains("Attente au CMP"));
    let (status, _) = app.get(&format!("/{slug}/constats/{first}")).await?;
    assert_eq!(status, 404);
    assert!(store::findings_of_council(&app.db, &slug).await?.is_empty());

    // Published: on the council's page under its objective, with its source.
    let published = app
        .post_form(
            "/api/change_finding",
            Some(&cookie),
            &[
                ("slug", slug.as_str()),
                ("id", &first.to_string()),
                ("action", "publish"),
            ],
        )
        .await?;
    let (_, html) = app.follow(published, &cookie).await?;
    assert!(unescape(&html).contains("Publié : le constat est sur la page du conseil"));
    let (_, home) = app.get(&format!("/{slug}")).await?;
    assert!(home.contains("Attente au CMP") && home.contains("Des parcours de soins accessibles"));
    assert!(
        !home.contains("Urgences saturées"),
        "the other is still a draft"
    );
    let (status, page) = app.get(&format!("/{slug}/constats/{first}")).await?;
    assert_eq!(status, 200);
    assert!(
        page.contains("Enquête CMP")
            && page.contains("quantitatives (chiffres)")
            && page.contains("2024")
    );

    // Edited in place: still published, same place.
    let mut edit = write("Attente au CMP de Rive-Haute", "2025");
    let id = first.to_string();
    edit.push(("id", &id));
    app.post_form("/api/save_finding", Some(&cookie), &edit)
        .await?;
    let after = diagnosis::staff_finding(&app.db, council_id, first)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the finding"))?;
    assert_eq!(after.title.plain, "Attente au CMP de Rive-Haute");
    assert!(after.published);
    assert_eq!(after.source_year, Some(2025));

    // Moved: the second comes first.
    app.post_form(
        "/api/change_finding",
        Some(&cookie),
        &[
            ("slug", slug.as_str()),
            ("id", &second.to_string()),
            ("action", "up"),
        ],
    )
    .await?;
    let order: Vec<i64> = diagnosis::all_findings(&app.db, council_id)
        .await?
        .iter()
        .map(|f| f.id)
        .collect();
    assert_eq!(order, [second, first]);

    // Publish all drafts, then withdraw one: gone from the public again.
    app.post_form(
        "/api/change_finding",
        Some(&cookie),
        &[("slug", slug.as_str()), ("action", "publish-all")],
    )
    .await?;
    assert_eq!(store::findings_of_council(&app.db, &slug).await?.len(), 2);
    app.post_form(
        "/api/change_finding",
        Some(&cookie),
        &[
            ("slug", slug.as_str()),
            ("id", &first.to_string()),
            ("action", "withdraw"),
        ],
    )
    .await?;
    let (status, _) = app.get(&format!("/{slug}/constats/{first}")).await?;
    assert_eq!(status, 404);

    // Deleted when nothing refers to it.
    app.post_form(
        "/api/change_finding",
        Some(&cookie),
        &[
            ("slug", slug.as_str()),
            ("id", &first.to_string()),
            ("action", "delete"),
        ],
    )
    .await?;
    assert_eq!(rows(&app).await?.len(), 1);
    Ok(())
}

#[tokio::test]
async fn a_finding_a_vote_offered_cannot_be_deleted_only_withdrawn() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = CouncilSlug::parse(agora_server::demo::slug())?;
    let (_, cookie) = app
        .staff_member(&slug, Role::Coordinator, "Anne Martin")
        .await?;
    // The demo's votes offer its first findings.
    let offered = store::findings_of_council(&app.db, &slug).await?[0].id;
    let before = rows(&app).await?.len();
    let refused = app
        .post_form(
            "/api/change_finding",
            Some(&cookie),
            &[
                ("slug", slug.as_str()),
                ("id", &offered.to_string()),
                ("action", "delete"),
            ],
        )
        .await?;
    let (_, html) = app.follow(refused, &cookie).await?;
    assert!(
        unescape(&html).contains("Un vote ou un témoignage renvoie à ce constat"),
        "{html}"
    );
    assert_eq!(rows(&app).await?.len(), before);
    Ok(())
}

/// A minimal OpenDocument spreadsheet of `rows` (text cells; a cell that reads as a whole
/// number is a number cell, as LibreOffice stores a year).
fn ods(rows: &[&[&str]]) -> anyhow::Result<Vec<u8>> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut content = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Constats">"#,
    );
    for row in rows {
        content.push_str("<table:table-row>");
        for cell in *row {
            if cell.parse::<i32>().is_ok() {
                content.push_str(&format!(
                    r#"<table:table-cell office:value-type="float" office:value="{cell}"><text:p>{cell}</text:p></table:table-cell>"#
                ));
            } else {
                content.push_str(&format!(
                    r#"<table:table-cell office:value-type="string"><text:p>{cell}</text:p></table:table-cell>"#
                ));
            }
        }
        content.push_str("</table:table-row>");
    }
    content.push_str("</table:table></office:spreadsheet></office:body></office:document-content>");
    let mut file = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    file.start_file("mimetype", stored)?;
    file.write_all(b"application/vnd.oasis.opendocument.spreadsheet")?;
    file.start_file("META-INF/manifest.xml", stored)?;
    file.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#)?;
    file.start_file("content.xml", stored)?;
    file.write_all(content.as_bytes())?;
    Ok(file.finish()?.into_inner())
}

async fn waiting(app: &TestApp) -> anyhow::Result<u64> {
    Ok(finding_import::Entity::find().count(&app.db).await?)
}

#[tokio::test]
async fn a_bad_spreadsheet_is_refused_line_by_line_and_stores_nothing() -> anyhow::Result<()> {
    let (app, slug, _, cookie) = new_council(ObjectivePreset::National).await?;
    let csv = "objectif;titre;résumé;année\n\
               care;Attente au CMP;Six mois d'attente.;2024\n\
               logement;Mal-logement;Objectif inconnu.;\n\
               care;x;Titre trop court.;\n";
    let upload = |bytes: Vec<u8>, name: &'static str| {
        let app = &app;
        let cookie = cookie.clone();
        let slug = slug.clone();
        async move {
            app.post_multipart(
                "/api/upload_findings",
                Some(&cookie),
                &[("slug", slug.as_str())],
                Some(("file", name, "text/csv", bytes)),
            )
            .await
        }
    };
    let refused = upload(csv.as_bytes().to_vec(), "diagnostic.csv").await?;
    let (_, html) = app.follow(refused, &cookie).await?;
    let html = unescape(&html);
    assert!(
        html.contains("Le fichier « diagnostic.csv » n'a pas été importé : 2 erreurs"),
        "{html}"
    );
    assert!(html.contains("Ligne 3, colonne « objectif » :"), "{html}");
    assert!(html.contains("Cet objectif n'est pas l'un de ceux du conseil."));
    assert!(html.contains("Ligne 4, colonne « titre » :"));
    assert!(rows(&app).await?.is_empty(), "no finding stored");
    assert_eq!(waiting(&app).await?, 0, "no file kept");

    // Not a spreadsheet, not UTF-8, too heavy, no file: each refused by name, nothing kept.
    for (bytes, expected) in [
        (
            b"PK\x03\x04garbage".to_vec(),
            "Ce fichier ne se lit pas comme un tableur",
        ),
        (b"objectif;r\xe9sum\xe9\n".to_vec(), "n'est pas en UTF-8"),
        (
            vec![b'a'; agora_app::domain::IMPORT_BYTES_MAX + 1],
            "Le fichier est trop lourd",
        ),
        (Vec::new(), "Choisissez un fichier à importer."),
    ] {
        let refused = upload(bytes, "x.csv").await?;
        let (_, html) = app.follow(refused, &cookie).await?;
        assert!(unescape(&html).contains(expected), "{expected}: {html}");
    }
    assert!(rows(&app).await?.is_empty());
    assert_eq!(waiting(&app).await?, 0);
    Ok(())
}

#[tokio::test]
async fn a_spreadsheet_is_previewed_then_imported_as_drafts_or_dropped() -> anyhow::Result<()> {
    let (app, slug, council_id, cookie) = new_council(ObjectivePreset::ArsOccitanie).await?;
    let file = ods(&[
        &[
            "Objectif",
            "Titre",
            "Résumé",
            "Résumé facile",
            "Type de source",
            "Année",
        ],
        &[
            "access",
            "Six mois d'attente au CMP",
            "Les délais dépassent six mois.",
            "Il faut attendre 6 mois.",
            "quantitatif",
            "2024",
        ],
        &["", "", "", "", "", ""],
        &[
            "Contribuer à la déstigmatisation des personnes concernées",
            "Préjugés tenaces",
            "Quatre habitants sur dix.",
            "",
            "qualitatif",
            "2025",
        ],
    ])?;
    let sent = app
        .post_multipart(
            "/api/upload_findings",
            Some(&cookie),
            &[("slug", slug.as_str())],
            Some((
                "file",
                "diagnostic.ods",
                "application/vnd.oasis.opendocument.spreadsheet",
                file,
            )),
        )
        .await?;
    let (_, html) = app.follow(sent, &cookie).await?;
    let html = unescape(&html);
    assert!(
        html.contains("« diagnostic.ods » : 2 constats prêts à importer"),
        "{html}"
    );
    assert!(html.contains("Six mois d'attente au CMP") && html.contains("Préjugés tenaces"));
    assert!(rows(&app).await?.is_empty(), "a preview is not an import");
    assert_eq!(waiting(&app).await?, 1);

    // Dropped: nothing imported, nothing waits.
    app.post_form(
        "/api/settle_import",
        Some(&cookie),
        &[("slug", slug.as_str()), ("action", "drop")],
    )
    .await?;
    assert!(rows(&app).await?.is_empty());
    assert_eq!(waiting(&app).await?, 0);

    // Sent again as CSV and imported: drafts, in the file's order, with their objectives.
    let csv = "objective,title,summary,source kind,year\n\
               access,Six mois d'attente au CMP,Les délais dépassent six mois.,quantitative,2024\n\
               destigmatisation,Préjugés tenaces,Quatre habitants sur dix.,,\n";
    app.post_multipart(
        "/api/upload_findings",
        Some(&cookie),
        &[("slug", slug.as_str())],
        Some((
            "file",
            "diagnostic.csv",
            "text/csv",
            csv.as_bytes().to_vec(),
        )),
    )
    .await?;
    let imported = app
        .post_form(
            "/api/settle_import",
            Some(&cookie),
            &[("slug", slug.as_str()), ("action", "import")],
        )
        .await?;
    let (_, html) = app.follow(imported, &cookie).await?;
    assert!(unescape(&html).contains("Constats importés en brouillons"));
    let findings = diagnosis::all_findings(&app.db, council_id).await?;
    let seen: Vec<(&str, &str, bool)> = findings
        .iter()
        .map(|f| (f.objective.as_str(), f.title.plain.as_str(), f.published))
        .collect();
    assert_eq!(
        seen,
        [
            ("access", "Six mois d'attente au CMP", false),
            ("destigmatisation", "Préjugés tenaces", false)
        ]
    );
    assert_eq!(waiting(&app).await?, 0);
    // A second click on "import" imports nothing more.
    app.post_form(
        "/api/settle_import",
        Some(&cookie),
        &[("slug", slug.as_str()), ("action", "import")],
    )
    .await?;
    assert_eq!(rows(&app).await?.len(), 2);
    Ok(())
}

#[tokio::test]
async fn objectives_come_from_a_preset_and_in_use_ones_are_never_lost() -> anyhow::Result<()> {
    let app = TestApp::with_demo().await?;
    let slug = CouncilSlug::parse(agora_server::demo::slug())?;
    let council_id = app.demo_council_id().await?;
    let (_, cookie) = app
        .staff_member(&slug, Role::Coordinator, "Anne Martin")
        .await?;
    let keys = |objectives: Vec<agora_app::domain::CouncilObjective>| -> Vec<String> {
        objectives
            .into_iter()
            .map(|o| o.key.as_str().to_owned())
            .collect()
    };
    // The demo's findings use all five national objectives: taking the ARS list adds its
    // five and keeps the national ones after them.
    app.post_form(
        "/api/apply_objective_preset",
        Some(&cookie),
        &[("slug", slug.as_str()), ("preset", "ars-occitanie")],
    )
    .await?;
    assert_eq!(
        keys(diagnosis::objectives_of(&app.db, council_id).await?),
        [
            "observation",
            "promotion",
            "access",
            "citizenship",
            "destigmatisation",
            "stigma",
            "determinants",
            "prevention",
            "inclusion",
            "care"
        ]
    );
    // An objective in use cannot be removed; an unused one can.
    let refused = app
        .post_form(
            "/api/change_objective",
            Some(&cookie),
            &[
                ("slug", slug.as_str()),
                ("objective", "care"),
                ("action", "remove"),
            ],
        )
        .await?;
    let (_, html) = app.follow(refused, &cookie).await?;
    assert!(
        unescape(&html).contains("Des constats servent cet objectif"),
        "{html}"
    );
    app.post_form(
        "/api/change_objective",
        Some(&cookie),
        &[
            ("slug", slug.as_str()),
            ("objective", "observation"),
            ("action", "remove"),
        ],
    )
    .await?;
    assert!(
        !keys(diagnosis::objectives_of(&app.db, council_id).await?)
            .contains(&"observation".to_owned())
    );

    // Renamed, with an easy-read name and a pictogram: the public page says so.
    app.post_form(
        "/api/change_objective",
        Some(&cookie),
        &[
            ("slug", slug.as_str()),
            ("objective", "care"),
            ("action", "save"),
            ("label", "Soigner sans attendre"),
            ("label_easy", "Être soigné vite"),
            ("picto", "care"),
        ],
    )
    .await?;
    let (_, home) = app.get(&format!("/{slug}")).await?;
    assert!(home.contains("Soigner sans attendre"), "{home}");
    // An own objective needs a name, and a pictogram from the catalogue only.
    app.post_form(
        "/api/add_objective",
        Some(&cookie),
        &[("slug", slug.as_str()), ("label", "Logement d'abord")],
    )
    .await?;
    assert!(
        keys(diagnosis::objectives_of(&app.db, council_id).await?)
            .contains(&"logement-d-abord".to_owned())
    );
    let refused = app
        .post_form(
            "/api/change_objective",
            Some(&cookie),
            &[
                ("slug", slug.as_str()),
                ("objective", "logement-d-abord"),
                ("action", "save"),
                ("label", ""),
                ("picto", "care"),
            ],
        )
        .await?;
    let (_, html) = app.follow(refused, &cookie).await?;
    assert!(
        unescape(&html).contains("Le nom de l'objectif est trop court"),
        "{html}"
    );
    let refused = app
        .post_form(
            "/api/change_objective",
            Some(&cookie),
            &[
                ("slug", slug.as_str()),
                ("objective", "logement-d-abord"),
                ("action", "save"),
                ("label", "Logement"),
                ("picto", "../../etc/passwd"),
            ],
        )
        .await?;
    assert!(location(&refused).contains("/diagnostic"));
    let own = diagnosis::objectives_of(&app.db, council_id)
        .await?
        .into_iter()
        .find(|o| o.key.as_str() == "logement-d-abord")
        .ok_or_else(|| anyhow::anyhow!("the own objective"))?;
    assert_eq!(
        (own.label.as_deref(), own.picto.as_str()),
        (Some("Logement d'abord"), "findings")
    );
    Ok(())
}

#[tokio::test]
async fn nobody_but_the_councils_coordinators_reaches_the_diagnosis() -> anyhow::Result<()> {
    let (app, slug, council_id, _) = new_council(ObjectivePreset::National).await?;
    let elsewhere = CouncilSlug::parse("clsm-autre")?;
    store::create_council(
        &app.db,
        &elsewhere,
        "CLSM Autre",
        "",
        ObjectivePreset::National,
    )
    .await?;
    let other = app
        .staff_member(&elsewhere, Role::Coordinator, "Carla Autre")
        .await?
        .1;
    let facilitator = app
        .staff_member(&slug, Role::Facilitator, "Fanny Anime")
        .await?
        .1;
    let observer = app
        .staff_member(&slug, Role::Observer, "Olivier Lit")
        .await?
        .1;
    let finding = vec![
        ("slug", slug.as_str()),
        ("objective", "care"),
        ("title", "Attente au CMP"),
        ("summary", "Six mois."),
    ];
    for (who, cookie, status) in [
        ("anonymous", None, 401),
        ("coordinator of another council", Some(other.as_str()), 403),
        ("facilitator", Some(facilitator.as_str()), 403),
        ("observer", Some(observer.as_str()), 403),
    ] {
        for page in ["diagnostic", "diagnostic/nouveau"] {
            let (got, _) = app
                .get_with_cookie(&format!("/{slug}/{page}"), cookie)
                .await?;
            assert_eq!(got, status, "{who} on {page}");
        }
        let posts: [(&str, Vec<(&str, &str)>); 5] = [
            ("/api/save_finding", finding.clone()),
            (
                "/api/change_finding",
                vec![("slug", slug.as_str()), ("action", "publish-all")],
            ),
            (
                "/api/apply_objective_preset",
                vec![("slug", slug.as_str()), ("preset", "ars-occitanie")],
            ),
            (
                "/api/add_objective",
                vec![("slug", slug.as_str()), ("label", "Logement")],
            ),
            (
                "/api/settle_import",
                vec![("slug", slug.as_str()), ("action", "import")],
            ),
        ];
        for (path, fields) in posts {
            let response = app.post_form(path, cookie, &fields).await?;
            assert_eq!(response.status().as_u16(), status, "{who} on {path}");
        }
        let response = app
            .post_multipart(
                "/api/upload_findings",
                cookie,
                &[("slug", slug.as_str())],
                Some((
                    "file",
                    "d.csv",
                    "text/csv",
                    b"objectif;titre;resume\ncare;Titre;Texte\n".to_vec(),
                )),
            )
            .await?;
        assert_eq!(response.status().as_u16(), status, "{who} uploading");
    }
    assert!(rows(&app).await?.is_empty());
    assert_eq!(waiting(&app).await?, 0);
    let objectives = diagnosis::objectives_of(&app.db, council_id).await?;
    assert_eq!(objectives.len(), 5, "the preset untouched");
    Ok(())
}
