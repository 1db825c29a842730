//! The index of the councils hosted on this instance.

use super::loaded;
use crate::api::list_councils;
use crate::ui::components::Picto;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// What the operator types to host a first council (commands, not words to translate).
const EMPTY_INSTANCE_COMMANDS: &str = "agora council create --slug clsm-example --name \"CLSM …\"\nagora invite --council clsm-example --role coordinator";

#[component]
pub fn CouncilIndex() -> impl IntoView {
    let i18n = use_i18n();
    let councils = Resource::new(|| (), |_| list_councils());
    view! {
        <Title text=i18n.text("index-title")/>
        <h1>
            <Picto name="council"/>
            {i18n.t("index-title")}
        </h1>
        <p class="lead">{i18n.t("index-intro")}</p>
        {loaded(
            councils,
            move |list| {
                if list.is_empty() {
                    view! {
                        <p>{i18n.t("index-empty")}</p>
                        <p>{i18n.t("index-empty-how")}</p>
                        <pre class="commands"><code>{EMPTY_INSTANCE_COMMANDS}</code></pre>
                        <p>{i18n.t("index-empty-after")}</p>
                        <p>{i18n.t("index-empty-operator")}</p>
                        <pre class="commands"><code>"agora invite --operator"</code></pre>
                    }
                        .into_any()
                } else {
                        view! {
                            <ul class="cards">
                                {list
                                    .into_iter()
                                    .map(|council| {
                                        let href = format!("/{}", council.slug);
                                        let count = council.finding_count;
                                        view! {
                                            <li class="card">
                                                <h2>
                                                    <A href=href>{council.name}</A>
                                                </h2>
                                                <p lang="fr">{council.territory}</p>
                                                <p>{move || i18n.count("index-findings", count)}</p>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                        .into_any()
                }
            },
        )}
    }
}
