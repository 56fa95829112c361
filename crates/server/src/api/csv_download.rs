//! CSV downloads (the audit trail, the card list): UTF-8 with a BOM so spreadsheet programs
//! read Japanese names right, headers and words in the asker's language, the first page
//! written before the answer starts (so a bad filter is a proper error, not a broken file) and
//! the rest streamed page by page.

use axum::body::{Body, Bytes};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use futures_util::{stream, Stream, StreamExt};
use issuing_words::Locale;
use serde::Deserialize;

/// Read beside the filters (not flattened into them: form decoding cannot flatten numbers).
#[derive(Deserialize)]
pub struct ExportLocale {
    /// The language of the headers and the words (`en`, `ja`); English if absent.
    #[serde(default)]
    locale: Option<String>,
}

impl ExportLocale {
    pub fn locale(&self) -> Locale {
        self.locale
            .as_deref()
            .and_then(Locale::from_tag)
            .unwrap_or(Locale::En)
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
    let body = stream::once(async move { Ok::<_, std::io::Error>(Bytes::from(head)) }).chain(rest);
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
