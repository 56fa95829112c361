//! Stripe's cursor pagination: `limit` (1–100, default 10), `starting_after`, `ending_before`,
//! over a list already sorted newest first.

use issuing_model::{List, StripeError};
use serde::Deserialize;

use issuing_http::ApiError;

#[derive(Debug, Default, Deserialize)]
pub struct PageParams {
    pub limit: Option<String>,
    pub starting_after: Option<String>,
    pub ending_before: Option<String>,
}

impl PageParams {
    /// From parsed query parameters (`limit`, `starting_after`, `ending_before`).
    pub fn from_params(params: &crate::params::Params) -> Result<Self, ApiError> {
        Ok(Self {
            limit: crate::params::text(params, "limit")?.map(str::to_owned),
            starting_after: crate::params::text(params, "starting_after")?.map(str::to_owned),
            ending_before: crate::params::text(params, "ending_before")?.map(str::to_owned),
        })
    }

    fn limit(&self) -> Result<usize, ApiError> {
        let Some(raw) = self.limit.as_deref() else {
            return Ok(10);
        };
        match raw.parse::<usize>() {
            Ok(n) if (1..=100).contains(&n) => Ok(n),
            Ok(_) | Err(_) => Err(ApiError::bad_request(StripeError::invalid_param(
                "limit",
                format!("Invalid limit: must be an integer between 1 and 100 (got '{raw}')."),
            ))),
        }
    }
}

/// One page of `items` (sorted newest first), identified by `id_of`, as a Stripe list at `url`.
pub fn paginate<T: Clone>(
    items: &[T],
    id_of: impl Fn(&T) -> &str,
    params: &PageParams,
    url: &str,
) -> Result<List<T>, ApiError> {
    let limit = params.limit()?;
    if params.starting_after.is_some() && params.ending_before.is_some() {
        return Err(ApiError::bad_request(StripeError::invalid_param(
            "ending_before",
            "You may only specify one of these parameters: ending_before, starting_after.",
        )));
    }
    let position = |param: &str, cursor: &str| {
        items
            .iter()
            .position(|item| id_of(item) == cursor)
            .ok_or_else(|| ApiError::bad_request(StripeError::resource_missing(param, cursor)))
    };
    let (page, has_more) = if let Some(cursor) = params.starting_after.as_deref() {
        let start = position("starting_after", cursor)? + 1;
        let end = (start + limit).min(items.len());
        (&items[start..end], end < items.len())
    } else if let Some(cursor) = params.ending_before.as_deref() {
        let end = position("ending_before", cursor)?;
        let start = end.saturating_sub(limit);
        (&items[start..end], start > 0)
    } else {
        let end = limit.min(items.len());
        (&items[..end], end < items.len())
    };
    Ok(List::new(page.to_vec(), has_more, url))
}

/// [`paginate`] over borrowed, already filtered items, answering with owned copies of the page.
pub fn paginate_refs<T: Clone>(
    items: &[&T],
    id_of: impl Fn(&T) -> &str,
    params: &PageParams,
    url: &str,
) -> Result<List<T>, ApiError> {
    let page = paginate(items, |item| id_of(item), params, url)?;
    Ok(List::new(
        page.data.into_iter().cloned().collect(),
        page.has_more,
        page.url,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("x_{i}")).collect()
    }

    fn page(
        items: &[String],
        limit: &str,
        after: Option<&str>,
        before: Option<&str>,
    ) -> List<String> {
        let params = PageParams {
            limit: Some(limit.into()),
            starting_after: after.map(Into::into),
            ending_before: before.map(Into::into),
        };
        paginate(items, |s| s.as_str(), &params, "/v1/x").unwrap()
    }

    #[test]
    fn forward_and_backward_pages_meet_without_gaps() {
        let items = ids(5);
        let first = page(&items, "2", None, None);
        assert_eq!(first.data, ["x_0", "x_1"]);
        assert!(first.has_more);
        let second = page(&items, "2", Some("x_1"), None);
        assert_eq!(second.data, ["x_2", "x_3"]);
        let last = page(&items, "2", Some("x_3"), None);
        assert_eq!(last.data, ["x_4"]);
        assert!(!last.has_more);
        let back = page(&items, "2", None, Some("x_2"));
        assert_eq!(back.data, ["x_0", "x_1"]);
        assert!(!back.has_more);
    }

    #[test]
    fn limit_outside_one_to_hundred_is_refused_with_its_param() {
        for bad in ["0", "101", "ten", "-1"] {
            let params = PageParams {
                limit: Some(bad.into()),
                ..Default::default()
            };
            let err = paginate(&ids(3), |s| s.as_str(), &params, "/v1/x").unwrap_err();
            assert_eq!(err.body.error.param.as_deref(), Some("limit"), "{bad}");
        }
    }

    #[test]
    fn unknown_cursor_is_resource_missing() {
        let params = PageParams {
            starting_after: Some("nope".into()),
            ..Default::default()
        };
        let err = paginate(&ids(3), |s| s.as_str(), &params, "/v1/x").unwrap_err();
        assert_eq!(err.body.error.code.as_deref(), Some("resource_missing"));
    }
}
