//! The filtered trail as a CSV file: the server streams every page (UTF-8 with a BOM, in the
//! operator's language); the panel hands it to the browser as a download.

use issuing_model::api::AuditQuery;
use wasm_bindgen::JsCast;

use crate::api::{ApiClient, ApiError};

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
    save(&bytes, name).map_err(|e| ApiError::Unexpected(format!("{e:?}")))
}

/// Offers `bytes` to the browser as the file `name`.
fn save(bytes: &[u8], name: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    // Never added to the page (embedded, the host's DOM stays untouched): a click is enough.
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The browser has taken the file by the next turn of the event loop.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    web_sys::window()
        .ok_or("no window")?
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1_000)?;
    Ok(())
}
