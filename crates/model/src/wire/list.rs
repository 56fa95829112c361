use serde::{Deserialize, Serialize};

/// Stripe's list envelope: `{ "object": "list", "data": [...], "has_more": bool, "url": "/v1/..." }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct List<T> {
    #[serde(default = "list_object")]
    pub object: String,
    pub data: Vec<T>,
    pub has_more: bool,
    pub url: String,
}

fn list_object() -> String {
    "list".to_owned()
}

impl<T> List<T> {
    pub fn new(data: Vec<T>, has_more: bool, url: impl Into<String>) -> Self {
        Self {
            object: list_object(),
            data,
            has_more,
            url: url.into(),
        }
    }
}
