//! The `created` filter Stripe's lists take: `created=<t>` or `created[gt|gte|lt|lte]=<t>`.

use issuing_http::ApiError;
use issuing_model::StripeError;

use crate::form::FormValue;
use crate::params::{unknown_param, Params};

/// A `created` filter: an exact time, or any of `gt`, `gte`, `lt`, `lte`.
#[derive(Default)]
pub struct CreatedRange {
    gt: Option<i64>,
    gte: Option<i64>,
    lt: Option<i64>,
    lte: Option<i64>,
}

impl CreatedRange {
    pub fn parse(params: &Params) -> Result<Self, ApiError> {
        let bad = |param: &str, raw: &str| {
            ApiError::bad_request(
                StripeError::invalid_param(
                    param,
                    format!("Invalid timestamp: must be an integer Unix timestamp (got '{raw}')."),
                )
                .with_code("parameter_invalid_integer"),
            )
        };
        let number = |param: &str, raw: &str| raw.parse::<i64>().map_err(|_| bad(param, raw));
        match params.get("created") {
            None => Ok(Self::default()),
            Some(FormValue::Value(raw)) => {
                let at = number("created", raw)?;
                Ok(Self {
                    gte: Some(at),
                    lte: Some(at),
                    ..Self::default()
                })
            }
            Some(FormValue::Map(bounds)) => {
                let mut range = Self::default();
                for (op, value) in bounds {
                    let param = format!("created[{op}]");
                    let raw = value.as_str().ok_or_else(|| bad(&param, "a hash"))?;
                    let n = Some(number(&param, raw)?);
                    match op.as_str() {
                        "gt" => range.gt = n,
                        "gte" => range.gte = n,
                        "lt" => range.lt = n,
                        "lte" => range.lte = n,
                        _ => return Err(unknown_param(&param)),
                    }
                }
                Ok(range)
            }
        }
    }

    pub fn contains(&self, t: i64) -> bool {
        self.gt.is_none_or(|b| t > b)
            && self.gte.is_none_or(|b| t >= b)
            && self.lt.is_none_or(|b| t < b)
            && self.lte.is_none_or(|b| t <= b)
    }
}
