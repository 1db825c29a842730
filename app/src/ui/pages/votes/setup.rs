//! Setting up a vote: the coordinators' form, kept as typed when it is refused.

use super::*;

#[component]
pub(super) fn CreateVoteForm(
    council_slug: String,
    findings: Vec<crate::domain::Finding>,
    colleges: Vec<College>,
    assemblies: Vec<crate::domain::Assembly>,
    flash: PageFlash,
) -> impl IntoView {
    let i18n = use_i18n();
    let refused = flash.refusal("vote").is_some();
    let chosen = |name: &str| -> Option<Vec<String>> {
        refused.then(|| {
            flash
                .value("vote", name, "")
                .split(',')
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
                .collect()
        })
    };
    let chosen_findings = chosen("findings");
    let chosen_colleges = chosen("colleges");
    let method = flash.value("vote", "method", "schulze");
    let integrity = flash.value("vote", "integrity", "open");
    let assembly = flash.value("vote", "assembly", "");
    let error = |field: &str| {
        flash.error("vote", field).map(|message| {
            let id = format!("vote-{field}-error");
            view! {
                // Focused when the form comes back, for its reason to be read first.
                <p class="field-error" id=id tabindex="-1" autofocus>
                    {i18n.text(&message)}
                </p>
            }
        })
    };
    let invalid = |field: &str| flash.error("vote", field).is_some().then_some("true");
    let described = |field: &str| {
        flash
            .error("vote", field)
            .is_some()
            .then(|| format!("vote-{field}-error"))
    };
    let methods = [
        Method::Schulze,
        Method::MajorityJudgment,
        Method::Approval,
        Method::Dots,
        Method::Borda,
    ]
    .into_iter()
    .map(|m| {
        let value = method_key(m);
        let id = format!("vote-method-{value}-choice");
        let checked = method == value;
        view! {
            <p class="choice">
                <input type="radio" id=id.clone() name="method" value=value checked=checked/>
                <label for=id>
                    <strong>{i18n.text(&method_name(m))}</strong>
                    " — "
                    {i18n.text(&format!("{}-how", method_name(m)))}
                </label>
            </p>
        }
    })
    .collect_view();
    let finding_boxes = findings
        .into_iter()
        .map(|finding| {
            let id = format!("vote-finding-{}", finding.id);
            let value = finding.id.to_string();
            let checked = chosen_findings
                .as_ref()
                .is_none_or(|chosen| chosen.contains(&value));
            view! {
                <p class="choice">
                    <input
                        type="checkbox"
                        id=id.clone()
                        name=format!("findings[{value}]")
                        value="on"
                        checked=checked
                    />
                    <label for=id lang="fr">
                        {finding.title.plain.clone()}
                    </label>
                </p>
            }
        })
        .collect_view();
    let college_boxes = colleges
        .into_iter()
        .map(|college| {
            let key = college.key.as_str().to_owned();
            let id = format!("vote-college-{key}");
            let checked = chosen_colleges
                .as_ref()
                .is_none_or(|chosen| chosen.contains(&key));
            view! {
                <p class="choice">
                    <input
                        type="checkbox"
                        id=id.clone()
                        name=format!("colleges[{key}]")
                        value="on"
                        checked=checked
                    />
                    <label for=id>{college_name(i18n, college)}</label>
                </p>
            }
        })
        .collect_view();
    let integrity_choices = [Integrity::Open, Integrity::Strict]
        .into_iter()
        .map(|mode| {
            let value = mode.key();
            let id = format!("vote-integrity-{value}");
            view! {
                <p class="choice">
                    <input
                        type="radio"
                        id=id.clone()
                        name="integrity"
                        value=value
                        checked=integrity == value
                    />
                    <label for=id>
                        <strong>{i18n.text(&format!("vote-integrity-{value}"))}</strong>
                        " — "
                        {i18n.text(&format!("vote-integrity-{value}-how"))}
                    </label>
                </p>
            }
        })
        .collect_view();
    let assembly_options = assemblies
        .into_iter()
        .map(|a| {
            let value = a.id.to_string();
            let selected = assembly == value;
            view! {
                <option value=value selected=selected>
                    {a.title}
                </option>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="new-vote-title">
            <h2 id="new-vote-title">{i18n.t("vote-new")}</h2>
            {form_refusal(i18n, &flash, "vote")}
            <form method="post" action=CreateVote::url() class="stacked-form">
                <input type="hidden" name="slug" value=council_slug/>
                <FormField
                    id="vote-title".to_owned()
                    name="title"
                    label="vote-field-title"
                    kind=FieldKind::Line
                    value=flash.value("vote", "title", "")
                    required=true
                    max_length=TITLE_MAX
                    error=flash.error("vote", "title")
                />
                <fieldset aria-describedby=described("findings") aria-invalid=invalid("findings")>
                    <legend>{i18n.t("vote-field-findings")}</legend>
                    {error("findings")}
                    {finding_boxes}
                </fieldset>
                <fieldset aria-describedby=described("method") aria-invalid=invalid("method")>
                    <legend>{i18n.t("vote-field-method")}</legend>
                    {error("method")}
                    {methods}
                </fieldset>
                <FormField
                    id="vote-max-points".to_owned()
                    name="max_points"
                    label="vote-field-max-points"
                    hint="vote-field-dots-hint"
                    kind=FieldKind::Line
                    value=flash.value("vote", "max_points", "5")
                    error=flash.error("vote", "max_points")
                />
                <FormField
                    id="vote-max-points-each".to_owned()
                    name="max_points_per_candidate"
                    label="vote-field-max-points-each"
                    hint="vote-field-dots-hint"
                    kind=FieldKind::Line
                    value=flash.value("vote", "max_points_per_candidate", "3")
                    error=flash.error("vote", "max_points_per_candidate")
                />
                <fieldset aria-describedby=described("colleges") aria-invalid=invalid("colleges")>
                    <legend>{i18n.t("vote-field-colleges")}</legend>
                    {error("colleges")}
                    {college_boxes}
                </fieldset>
                <FormField
                    id="vote-opens-at".to_owned()
                    name="opens_at"
                    label="vote-field-opens-at"
                    hint="assembly-field-starts-at-hint"
                    kind=FieldKind::DateTime
                    value=flash.value("vote", "opens_at", "")
                    required=true
                    error=flash.error("vote", "opens_at")
                />
                <FormField
                    id="vote-closes-at".to_owned()
                    name="closes_at"
                    label="vote-field-closes-at"
                    hint="assembly-field-starts-at-hint"
                    kind=FieldKind::DateTime
                    value=flash.value("vote", "closes_at", "")
                    required=true
                    error=flash.error("vote", "closes_at")
                />
                <fieldset aria-describedby=described("integrity") aria-invalid=invalid("integrity")>
                    <legend>{i18n.t("vote-field-integrity")}</legend>
                    {error("integrity")}
                    {integrity_choices}
                </fieldset>
                <p class="field">
                    <label for="vote-assembly">{i18n.t("vote-field-assembly")}</label>
                    {error("assembly")}
                    <select id="vote-assembly" name="assembly">
                        <option value="" selected=assembly.is_empty()>
                            {i18n.t("vote-field-assembly-none")}
                        </option>
                        {assembly_options}
                    </select>
                </p>
                <button type="submit" class="button">{i18n.t("vote-create")}</button>
            </form>
        </section>
    }
}
