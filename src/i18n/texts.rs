/// Every string the panel shows. Plain strings are `&'static str`; those with values in them
/// are functions, so word order can differ between languages.
pub struct Texts {
    pub brand: &'static str,
    pub nav_sections: &'static str,
    pub nav_accounts: &'static str,
    pub nav_events: &'static str,
    pub sign_out: &'static str,
    pub language: &'static str,
    pub page_not_found: &'static str,
    pub waiting_for_host: &'static str,
    pub retry: &'static str,

    pub sign_in_title: &'static str,
    pub sign_in_sandbox: &'static str,
    pub loading_operators: &'static str,
    pub operators_failed: &'static str,
    pub role_can_edit: &'static str,
    pub role_read_only: &'static str,

    pub accounts_title: &'static str,
    pub loading_accounts: &'static str,
    pub accounts_failed: &'static str,
}
