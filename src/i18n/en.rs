use super::Texts;

pub const EN: Texts = Texts {
    brand: "Issuing admin",
    nav_sections: "Sections",
    nav_accounts: "Accounts",
    nav_events: "Events",
    sign_out: "Sign out",
    language: "Language",
    page_not_found: "Page not found.",
    waiting_for_host: "Waiting for the host page to sign you in…",
    retry: "Retry",

    sign_in_title: "Sign in",
    sign_in_sandbox: "Sandbox mode: choose an operator to act as.",
    loading_operators: "Loading operators…",
    operators_failed: "The operators could not be loaded.",
    role_can_edit: "can edit",
    role_read_only: "read-only",

    accounts_title: "Connected accounts",
    loading_accounts: "Loading connected accounts…",
    accounts_failed: "The connected accounts could not be loaded.",
};
