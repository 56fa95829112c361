//! The filtered trail as a CSV file: the server streams every page (UTF-8 with a BOM, in the
//! operator's language); the panel hands it to the browser as a download.

use crate::api::{ApiClient, ApiError};
use crate::ui::save_csv;
use issuing_model::api::AuditQuery;

/// Downloads every entry `query` matches (its cursor and page size aside) as `name`.
pub async fn download(
    api: &ApiClient,
    query: &AuditQuery,
    locale: issuing_words::Locale,
    name: &str,
) -> Result<(), ApiError> {
    let all = AuditQuery {
        limit: None,
        starting_after: None,
        ending_before: None,
        ..query.clone()
    };
    let bytes = api.audit_export(&all, locale.tag()).await?;
    save_csv(&bytes, name).map_err(|e| ApiError::Unexpected(format!("{e:?}")))
}
