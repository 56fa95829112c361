use issuing_model::Account;
use leptos::prelude::*;

use crate::i18n::t;
use crate::routes::Page;

/// A table of connected accounts, or a sentence saying there are none.
#[component]
pub fn AccountsTable(accounts: Vec<Account>) -> impl IntoView {
    if accounts.is_empty() {
        return view! {
            <p class="ia-empty">{move || t().no_accounts}</p>
        }
        .into_any();
    }
    let rows = accounts
        .into_iter()
        .map(|account| {
            let active = account.issuing_active();
            let issuing = move || {
                if active {
                    t().issuing_active
                } else {
                    t().issuing_not_enabled
                }
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
                        <a href=Page::Cards { account: &account.id }.href()>{name}</a>
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
                    <th scope="col">{move || t().col_business}</th>
                    <th scope="col">{move || t().col_account}</th>
                    <th scope="col">{move || t().col_country}</th>
                    <th scope="col">{move || t().currency}</th>
                    <th scope="col">{move || t().col_issuing}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
