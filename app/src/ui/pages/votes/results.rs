//! A vote's results: the standing, the breakdown by college (small colleges merged), and
//! the projector's view of them.

use super::*;

/// A figure as words and digits (the decimal mark of the page's language).
pub(super) fn figure_text(i18n: I18n, figure: &Figure) -> String {
    let number = |whole: &str, fraction: &str| {
        if fraction.is_empty() {
            whole.to_owned()
        } else {
            format!("{whole}{}{fraction}", i18n.text("decimal-mark"))
        }
    };
    match figure {
        Figure::Total { whole, fraction } => {
            i18n.with("results-points", &[("points", &number(whole, fraction))])
        }
        Figure::Schulze {
            wins,
            borda_whole,
            borda_fraction,
        } => i18n.with(
            "results-schulze",
            &[
                ("wins", &wins.to_string()),
                ("borda", &number(borda_whole, borda_fraction)),
            ],
        ),
        Figure::Grade { median } => grade_name(i18n, *median),
    }
}

/// A result as a table: place, finding, figure in words, and a bar drawn beside it (the
/// bar repeats the figure for the eye; the text carries it for everyone).
pub(super) fn standing_table(
    i18n: I18n,
    vote: &VoteInfo,
    rows: &[StandingRow],
    caption: String,
    easy: bool,
) -> impl IntoView + use<> {
    let lines = rows
        .iter()
        .map(|row| {
            let title = vote
                .candidates
                .get(row.candidate)
                .map(|c| c.title.pick(easy).to_owned())
                .unwrap_or_default();
            view! {
                <tr>
                    <td class="place">{row.place}</td>
                    <th scope="row" lang="fr">
                        {title}
                    </th>
                    <td class="figure">
                        <span>{figure_text(i18n, &row.figure)}</span>
                        {crate::ui::components::share_bar(u64::from(row.bar))}
                    </td>
                </tr>
            }
        })
        .collect_view();
    // In its own scrolling frame: at 320 px a long title scrolls the table, never the
    // page, and no word is broken inside itself.
    let label = caption.clone();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
        <table class="standing">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.t("results-place")}</th>
                    <th scope="col">{i18n.t("results-finding")}</th>
                    <th scope="col">{i18n.t("results-figure")}</th>
                </tr>
            </thead>
            <tbody>{lines}</tbody>
        </table>
        </div>
    }
}

pub(super) fn group_name(
    i18n: I18n,
    colleges: &[College],
    college: &Option<String>,
    min: usize,
) -> String {
    match college {
        Some(key) => college_label(i18n, colleges, key),
        None => i18n.with("results-other", &[("min", &min.to_string())]),
    }
}

#[component]
pub(super) fn ResultsView(page: ResultsPage) -> impl IntoView {
    let i18n = use_i18n();
    let easy = use_preferences().get_untracked().easy_read;
    let ResultsPage {
        council_slug,
        council_name,
        vote,
        colleges,
        results,
        min_group,
        can_export,
        waiting,
    } = page;
    let hidden_note = (!vote.results_public()).then(|| {
        view! { <p class="notice">{i18n.t("results-staff-only")}</p> }
    });
    // While ballots come in, the count moves by whole groups (docs/privacy.md): say so.
    let mixing_note = (results.is_some() && !vote.ended).then(|| {
        let (min, waiting) = (min_group.to_string(), waiting.to_string());
        view! {
            <p class="notice">
                {i18n.with("results-mixed", &[("min", &min), ("waiting", &waiting)])}
            </p>
        }
    });
    let body = match results {
        None => view! {
            <p class="lead">
                {i18n.with("results-hidden", &[("closes", &i18n.moment(&vote.closes))])}
            </p>
        }
        .into_any(),
        Some(results) => view! {
            <ResultsBody vote=vote.clone() colleges results min_group easy/>
        }
        .into_any(),
    };
    let export = can_export.then(|| {
        // A form, not a link: each download is written in the audit log (`export_vote`).
        let download = |totals: &'static str, label: &'static str| {
            view! {
                <form method="post" action=ExportVote::url()>
                    <input type="hidden" name="slug" value=council_slug.clone()/>
                    <input type="hidden" name="id" value=vote.id.to_string()/>
                    <input type="hidden" name="totals" value=totals/>
                    <button type="submit" class="button button-quiet">{i18n.t(label)}</button>
                </form>
            }
        };
        // Ranked methods: the totals per pair recount the same without listing a ranking
        // someone could have dictated (docs/recount.md).
        let pairwise = matches!(vote.method, Method::Schulze | Method::Borda).then(|| {
            view! {
                <p>{i18n.t("results-export-pairwise-why")}</p>
                {download("pairwise", "results-export-pairwise")}
            }
        });
        view! {
            <section aria-labelledby="export-title">
                <h2 id="export-title">{i18n.t("results-export-title")}</h2>
                <p>{i18n.t("results-export-intro")}</p>
                {pairwise}
                {download("", "results-export")}
            </section>
        }
    });
    let heading = i18n.with("results-title", &[("vote", &vote.title)]);
    let state = i18n.text(state_label(&vote));
    let back = format!("/{council_slug}/votes/{}", vote.id);
    view! {
        <PageHeader
            tab=heading.clone()
            crumbs=vec![
                Crumb::council(&council_slug, council_name),
                Crumb::new(back, Label::Council(vote.title)),
            ]
            picto="results"
            heading=Label::Interface(heading)
        />
        <p class="tag">{state}</p>
        {hidden_note}
        {mixing_note}
        {body}
        {export}
    }
}

#[component]
pub(super) fn ResultsBody(
    vote: VoteInfo,
    colleges: Vec<College>,
    results: VoteResults,
    min_group: usize,
    easy: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let participation = results
        .groups
        .iter()
        .map(|group| {
            let name = group_name(i18n, &colleges, &group.group.college, min_group);
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td>{group.group.ballots}</td>
                </tr>
            }
        })
        .collect_view();
    // Everyone in one group: a result per college would give the secret away.
    let no_breakdown = matches!(results.groups.as_slice(), [only] if only.group.college.is_none());
    let breakdown = results
        .groups
        .iter()
        .filter(|_| !no_breakdown)
        .map(|group| {
            let name = group_name(i18n, &colleges, &group.group.college, min_group);
            match &group.standing {
                Some(rows) => standing_table(
                    i18n,
                    &vote,
                    rows,
                    i18n.with(
                        "results-college-caption",
                        &[
                            ("college", &name),
                            ("ballots", &group.group.ballots.to_string()),
                        ],
                    ),
                    easy,
                )
                .into_any(),
                None => view! {
                    <p>
                        {i18n.with(
                            "results-group-too-small",
                            &[("college", &name), ("min", &min_group.to_string())],
                        )}
                    </p>
                }
                .into_any(),
            }
        })
        .collect_view();
    let firsts = |rows: &[StandingRow]| -> Vec<usize> {
        let mut firsts: Vec<usize> = rows
            .iter()
            .filter(|r| r.place == 1)
            .map(|r| r.candidate)
            .collect();
        firsts.sort_unstable();
        firsts
    };
    let comparison = match &results.equal_colleges {
        Some(equal) if firsts(&results.raw) == firsts(equal) => "results-same-first",
        Some(_) => "results-other-first",
        None => "results-equal-none",
    };
    let counted = equal_counted(i18n, &results, min_group);
    view! {
            <p class="lead">{i18n.count("results-ballots", results.ballots as u64)}</p>
            <section aria-labelledby="overall-title">
                <h2 id="overall-title">{i18n.t("results-overall")}</h2>
                <p>{i18n.t("results-equal-explained")}</p>
                <p>{i18n.with(comparison, &[("min", &min_group.to_string())])}</p>
                <div class="side-by-side">
                    {standing_table(i18n, &vote, &results.raw, i18n.text("results-raw-caption"), easy)}
                    {results
                        .equal_colleges
                        .as_ref()
                        .map(|equal| {
                            view! {
                                <div>
                                    {standing_table(
                                        i18n,
                                        &vote,
                                        equal,
                                        i18n.text("results-equal-caption"),
                                        easy,
                                    )}
                                    <p class="hint">{counted.clone()}</p>
                                </div>
                            }
                        })}
                </div>
                <p class="hint">{i18n.text(&format!("results-how-{}", method_key(vote.method)))}</p>
            </section>
            <section aria-labelledby="participation-title">
                <h2 id="participation-title">{i18n.t("results-participation")}</h2>
                <div class="table-scroll" tabindex="0" role="region" aria-label=i18n.text("results-participation")>
    <table class="participation">
                    <caption>
                        {i18n.with("results-participation-caption", &[("min", &min_group.to_string())])}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("results-college")}</th>
                            <th scope="col">{i18n.t("results-ballots-column")}</th>
                        </tr>
                    </thead>
                    <tbody>{participation}</tbody>
                </table>
    </div>
            </section>
            <section aria-labelledby="breakdown-title">
                <h2 id="breakdown-title">{i18n.t("results-by-college")}</h2>
                {no_breakdown
                    .then(|| {
                        view! {
                            <p>{i18n.with("results-no-breakdown", &[("min", &min_group.to_string())])}</p>
                        }
                    })}
                {breakdown}
            </section>
        }
}

/// Beside the equal-colleges figure: how many ballots of how many colleges it holds, and
/// that the others (college not said, colleges under the minimum) count in the raw one only.
fn equal_counted(i18n: I18n, results: &VoteResults, min_group: usize) -> String {
    i18n.with(
        "results-equal-counted",
        &[
            ("ballots", &results.equal_ballots.to_string()),
            ("colleges", &results.equal_college_count.to_string()),
            (
                "left",
                &(results.ballots - results.equal_ballots).to_string(),
            ),
            ("min", &min_group.to_string()),
        ],
    )
}

/// How many places a vote's projection shows.
const PROJECTOR_PLACES: usize = 5;

#[component]
pub(super) fn ProjectorView(page: ResultsPage) -> impl IntoView {
    let i18n = use_i18n();
    let title = page.vote.title.clone();
    let closed = page.vote.state == VoteState::Closed;
    let url = format!(
        "/api/vote_screen_body?slug={}&id={}",
        page.council_slug, page.vote.id
    );
    let markup = projector_markup(i18n, page);
    // Nobody touches a projector: until the vote is closed, the screen follows it in place
    // (new ballots counted, results revealed or published at the close).
    let body = if closed {
        view! { <div inner_html=markup></div> }.into_any()
    } else {
        view! { <FollowedScreen url markup/> }.into_any()
    };
    view! {
        <Title text=title.clone()/>
        <div class="projector">
            <h1>
                <span lang="fr">{title}</span>
            </h1>
            {body}
        </div>
    }
}

/// A vote's projection under its title, as markup: what everyone may see, staff or not.
fn projector_markup(i18n: I18n, page: ResultsPage) -> String {
    let easy = i18n.reading().1;
    let ResultsPage {
        vote,
        results,
        min_group,
        ..
    } = page;
    let shown = results.filter(|_| vote.results_public());
    projection_body(i18n, &vote, shown, min_group, easy).to_html()
}

/// A vote's projection, drawn again for the screen's island.
#[server(endpoint = "vote_screen_body", input = leptos::server_fn::codec::GetUrl)]
pub async fn vote_screen_body(slug: String, id: String) -> Result<String, crate::api::AppError> {
    let page = load_vote_results(slug, id).await?;
    Ok(crate::ui::pages::drawn(|i18n| projector_markup(i18n, page)))
}

/// A vote on a room's screen: its first places once its results are public (ties at the
/// last one kept), else when they will be. The vote's projection and the plenary's screen
/// show it alike.
pub(crate) fn projection_body(
    i18n: I18n,
    vote: &VoteInfo,
    shown: Option<VoteResults>,
    min_group: usize,
    easy: bool,
) -> AnyView {
    let vote = vote.clone();
    // From the back of a room the first places are what can be read (ties at the last one
    // kept: no finding loses a shared place); the results page has the whole standing.
    let top = |rows: &[StandingRow]| {
        rows.iter()
            .filter(|row| row.place <= PROJECTOR_PLACES)
            .cloned()
            .collect::<Vec<_>>()
    };
    match shown {
        Some(results) => view! {
            <p>{i18n.count("results-ballots", results.ballots as u64)}</p>
            {(top(&results.raw).len() < results.raw.len()).then(|| view! {
                <p>{i18n.with("results-projector-top", &[("shown", &top(&results.raw).len().to_string()), ("count", &results.raw.len().to_string())])}</p>
            })}
            <div class="side-by-side">
                {standing_table(i18n, &vote, &top(&results.raw), i18n.text("results-raw-caption"), easy)}
                {results
                    .equal_colleges
                    .as_ref()
                    .map(|equal| {
                        view! {
                            <div>
                                {standing_table(
                                    i18n,
                                    &vote,
                                    &top(equal),
                                    i18n.text("results-equal-caption"),
                                    easy,
                                )}
                                <p>{equal_counted(i18n, &results, min_group)}</p>
                            </div>
                        }
                    })}
            </div>
        }
        .into_any(),
        None => view! {
            <p class="lead">
                {i18n.with("results-hidden", &[("closes", &i18n.moment(&vote.closes))])}
            </p>
        }
        .into_any(),
    }
}
