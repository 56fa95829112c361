use issuing_model::Account;
use leptos::prelude::*;

use crate::ui::href;

/// A table of connected accounts, or a sentence saying there are none.
#[component]
pub fn AccountsTable(accounts: Vec<Account>) -> impl IntoView {
    if accounts.is_empty() {
        return view! {
            <p class="ia-empty">"This platform has no connected accounts yet."</p>
        }
        .into_any();
    }
    let rows = accounts
        .into_iter()
        .map(|account| {
            let issuing = if account.issuing_active() {
                "Active"
            } else {
                "Not enabled"
            };
            let country = account.country.clone().unwrap_or_default();
            let currency = account
                .default_currency
                .as_deref()
                .unwrap_or_default()
                .to_uppercase();
            let name = account.display_name().to_owned();
            view! {
                <tr data-account=account.id.clone()>
                    <th scope="row">
                        <a href=href(format!("/accounts/{}/cards", account.id))>{name}</a>
                    </th>
                    <td><code>{account.id.clone()}</code></td>
                    <td>{country}</td>
                    <td>{currency}</td>
                    <td>{issuing}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="ia-table">
            <thead>
                <tr>
                    <th scope="col">"Business"</th>
                    <th scope="col">"Account"</th>
                    <th scope="col">"Country"</th>
                    <th scope="col">"Currency"</th>
                    <th scope="col">"Issuing"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
