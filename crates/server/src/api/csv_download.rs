//! CSV downloads (the audit trail, the card list): UTF-8 with a BOM so spreadsheet programs
//! read Japanese names right, headers and words in the asker's language, the first page
//! written before the answer starts (so a bad filter is a proper error, not a broken file) and
//! the rest streamed page by page.

use axum::body::{Body, Bytes};
use axum::extract::FromRequestParts;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use futures_util::{stream, Stream, StreamExt};
use issuing_http::ApiError;
use issuing_words::Locale;
use serde::de::DeserializeOwned;

/// A list's filters (its own query type, which refuses parameters it does not know) and,
/// beside them, the `locale` the CSV is written in (`en`, `ja`; English if absent).
pub struct ExportQuery<T> {
    pub filters: T,
    pub locale: Locale,
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ExportQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let mut locale = None;
        let mut rest = form_urlencoded::Serializer::new(String::new());
        let raw = parts.uri.query().unwrap_or("");
        for (name, value) in form_urlencoded::parse(raw.as_bytes()) {
            if name == "locale" {
                locale = Locale::from_tag(&value);
            } else {
                rest.append_pair(&name, &value);
            }
        }
        Ok(Self {
            filters: issuing_http::decode_query(&rest.finish())?,
            locale: locale.unwrap_or(Locale::En),
        })
    }
}

/// Rows as CSV.
pub fn csv_rows(rows: &[Vec<String>]) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        // Writing into memory cannot fail.
        let _ = writer.write_record(row);
    }
    writer.into_inner().unwrap_or_default()
}

/// The BOM, the header row and the first rows.
pub fn head(header: Vec<String>, first: &[Vec<String>]) -> Vec<u8> {
    let mut head = vec![0xEF, 0xBB, 0xBF];
    head.extend(csv_rows(&[header]));
    head.extend(csv_rows(first));
    head
}

/// The download named `name`: `head`, then each chunk of `rest` as it comes.
pub fn attachment(
    name: &str,
    head: Vec<u8>,
    rest: impl Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static,
) -> Response {
    // Fused: the compression layer may poll once more after the end, which an unfold must
    // never see.
    let body = stream::once(async move { Ok::<_, std::io::Error>(Bytes::from(head)) })
        .chain(rest)
        .fuse();
    (
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        Body::from_stream(body),
    )
        .into_response()
}
