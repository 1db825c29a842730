//! `/{slug}/assemblees/{id}/compte-rendu/modifier`: the staff who run rooms write a
//! meeting's minutes. The first time, the form holds a draft built from the meeting (saved
//! only when they save); then they publish the saved texts to the body's members or to
//! everyone, or take them back. The meeting's documents are added here too.

use super::*;
use crate::api::{MinutesEditor, PublishMinutes, SaveMinutes, load_minutes_editor};
use crate::domain::minutes::MINUTES_MAX;
use crate::ui::components::{Crumb, Label, Notice, PageHeader};
use crate::ui::i18n::use_i18n;

#[component]
pub fn MinutesEditorRoute() -> impl IntoView {
    let key = super::super::slug_and_id();
    let page = Resource::new(key, |(slug, id)| load_minutes_editor(slug, id));
    loaded(page, |page| view! { <MinutesEditorView page/> }.into_any())
}

#[component]
fn MinutesEditorView(page: MinutesEditor) -> impl IntoView {
    let i18n = use_i18n();
    let MinutesEditor {
        council_slug,
        council_name,
        assembly,
        body,
        fields,
        saved,
        documents,
        flash,
    } = page;
    let meeting = format!("/{council_slug}/assemblees/{}", assembly.id);
    let here = format!("{meeting}/compte-rendu/modifier");
    let mut crumbs = vec![Crumb::council(&council_slug, council_name)];
    if let Some((id, name)) = &body {
        crumbs.push(Crumb::new(
            format!("/{council_slug}/instances/{id}"),
            Label::Council(name.clone()),
        ));
    }
    crumbs.push(Crumb::new(
        meeting.clone(),
        Label::Council(assembly.title.clone()),
    ));
    let unsaved = (!saved).then(|| {
        view! {
            <Notice>
                <p>{i18n.t("minutes-draft-unsaved")}</p>
            </Notice>
        }
    });
    let refusal = form_refusal(i18n, &flash, "minutes");
    let text = flash.value("minutes", "text", &fields.text);
    let text_easy = flash.value("minutes", "text_easy", &fields.text_easy);
    let publish = saved.then(|| {
        let offered: Vec<MinutesAudience> = MinutesAudience::ALL
            .into_iter()
            .filter(|audience| match audience {
                MinutesAudience::Draft => true,
                MinutesAudience::Members => body.is_some(),
                MinutesAudience::Public => !assembly.members_only,
            })
            .collect();
        let error = flash.error("publish", "audience");
        let options = offered
            .into_iter()
            .map(|audience| {
                let input = format!("minutes-audience-{}", audience.key());
                let hint = format!("{}-hint", audience_message(audience));
                view! {
                    <p class="choice">
                        <input
                            type="radio"
                            id=input.clone()
                            name="audience"
                            value=audience.key()
                            checked=audience == fields.audience
                            aria-describedby=format!("{input}-hint")
                        />
                        <span class="choice-text">
                            <label for=input.clone()>{i18n.text(&audience_message(audience))}</label>
                            <span class="hint" id=format!("{input}-hint")>{i18n.text(&hint)}</span>
                        </span>
                    </p>
                }
            })
            .collect_view();
        let error = error.map(|message| {
            view! {
                <p class="field-error" id="minutes-audience-error" tabindex="-1" autofocus>
                    {i18n.text(&message)}
                </p>
            }
        });
        view! {
            <section aria-labelledby="publish-title" id="publier">
                <h2 id="publish-title">{i18n.t("minutes-publish-title")}</h2>
                <p>{i18n.t("minutes-publish-intro")}</p>
                <form method="post" action=PublishMinutes::url() class="stacked-form card">
                    <input type="hidden" name="slug" value=council_slug.clone()/>
                    <input type="hidden" name="assembly" value=assembly.id.to_string()/>
                    <fieldset>
                        <legend>{i18n.t("minutes-audience-legend")}</legend>
                        {error}
                        {options}
                    </fieldset>
                    <p>
                        <button type="submit" class="button">{i18n.t("minutes-publish")}</button>
                    </p>
                </form>
                <p>
                    <a href=format!("{meeting}/compte-rendu")>{i18n.t("minutes-preview-link")}</a>
                </p>
            </section>
        }
    });
    let members_choice = body.is_some() && !assembly.members_only;
    view! {
        <PageHeader
            tab=i18n.with("minutes-edit-tab", &[("title", &assembly.title)])
            crumbs=crumbs
            picto="review"
            heading=Label::Interface(i18n.text("minutes-edit-title"))
            about=assembly.title.clone()
            flash=flash.clone()
        />
        <p>
            <strong>{i18n.moment(&assembly.starts)}</strong>
            " "
            <span class="tag">{i18n.text(&audience_message(fields.audience))}</span>
        </p>
        <p>{i18n.t("minutes-edit-intro")}</p>
        {unsaved}
        {refusal}
        <form method="post" action=SaveMinutes::url() class="stacked-form card minutes-form" id="texte">
            <input type="hidden" name="slug" value=council_slug.clone()/>
            <input type="hidden" name="assembly" value=assembly.id.to_string()/>
            <FormField
                id="minutes-text".to_owned()
                name="text"
                label="minutes-field-text"
                hint="minutes-field-text-hint"
                kind=FieldKind::LongText
                value=text
                required=true
                max_length=MINUTES_MAX
                error=flash.error("minutes", "text")
            />
            <FormField
                id="minutes-text-easy".to_owned()
                name="text_easy"
                label="minutes-field-text-easy"
                hint="minutes-field-text-easy-hint"
                kind=FieldKind::LongText
                value=text_easy
                max_length=MINUTES_MAX
                error=flash.error("minutes", "text_easy")
                measured=true
            />
            <p>
                <button type="submit" class="button">{i18n.t("minutes-save")}</button>
            </p>
        </form>
        {publish}
        <section aria-labelledby="documents-title" id="documents">
            <h2 id="documents-title">{i18n.t("documents-title")}</h2>
            <p>{i18n.t("documents-meeting-intro")}</p>
            {documents_list(i18n, &council_slug, documents, Some(format!("{here}#documents")))}
            {document_form(i18n, &council_slug, ("assembly", assembly.id), members_choice, &flash)}
        </section>
    }
}
