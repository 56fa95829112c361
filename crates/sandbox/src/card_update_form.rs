//! `POST /v1/issuing/cards/{id}`'s form body, read back into the model's [`CardUpdate`],
//! refusing parameters Stripe would not accept here by name.

use issuing_model::{CardUpdate, Category, SpendingControlsUpdate, SpendingLimit, StripeError};

use crate::form::FormValue;

/// Reads a parsed form body; `expand` is accepted and ignored.
pub fn card_update(form: &FormValue) -> Result<CardUpdate, StripeError> {
    let mut update = CardUpdate::default();
    let Some(root) = form.as_map() else {
        return Ok(update);
    };
    for (key, value) in root {
        match key.as_str() {
            "expand" => {}
            "status" => {
                update.status = Some(text(value, key)?.parse().unwrap_or_else(|n| match n {}))
            }
            "cancellation_reason" => {
                update.cancellation_reason =
                    Some(text(value, key)?.parse().unwrap_or_else(|n| match n {}))
            }
            "spending_controls" => update.spending_controls = Some(spending_from_form(value)?),
            other => return Err(unknown(other)),
        }
    }
    Ok(update)
}

pub(crate) fn unknown(param: &str) -> StripeError {
    StripeError::invalid_param(param, format!("Received unknown parameter: {param}"))
        .with_code("parameter_unknown")
}

pub(crate) fn text<'a>(value: &'a FormValue, param: &str) -> Result<&'a str, StripeError> {
    value.as_str().ok_or_else(|| {
        StripeError::invalid_param(
            param,
            format!("Invalid value for {param}: expected a string, got a hash."),
        )
    })
}

pub(crate) fn texts(value: &FormValue, param: &str) -> Result<Vec<String>, StripeError> {
    value
        .as_list(param)?
        .into_iter()
        .enumerate()
        .map(|(i, v)| text(v, &format!("{param}[{i}]")).map(str::to_owned))
        .collect()
}

pub(crate) fn spending_from_form(value: &FormValue) -> Result<SpendingControlsUpdate, StripeError> {
    let p = "spending_controls";
    let map = value.as_map().ok_or_else(|| {
        StripeError::invalid_param(p, "Invalid spending_controls: expected a hash of controls.")
    })?;
    let mut update = SpendingControlsUpdate::default();
    for (key, v) in map {
        let param = format!("{p}[{key}]");
        match key.as_str() {
            "allowed_categories" => {
                update.allowed_categories =
                    Some(texts(v, &param)?.into_iter().map(Category).collect())
            }
            "blocked_categories" => {
                update.blocked_categories =
                    Some(texts(v, &param)?.into_iter().map(Category).collect())
            }
            "allowed_merchant_countries" => {
                update.allowed_merchant_countries = Some(texts(v, &param)?)
            }
            "blocked_merchant_countries" => {
                update.blocked_merchant_countries = Some(texts(v, &param)?)
            }
            "allowed_card_presences" => {
                update.allowed_card_presences = Some(
                    texts(v, &param)?
                        .iter()
                        .map(|s| s.parse().unwrap_or_else(|n| match n {}))
                        .collect(),
                )
            }
            "blocked_card_presences" => {
                update.blocked_card_presences = Some(
                    texts(v, &param)?
                        .iter()
                        .map(|s| s.parse().unwrap_or_else(|n| match n {}))
                        .collect(),
                )
            }
            "spending_limits" => {
                let mut limits = Vec::new();
                for (i, item) in v.as_list(&param)?.into_iter().enumerate() {
                    limits.push(limit_from_form(item, &format!("{param}[{i}]"))?);
                }
                update.spending_limits = Some(limits);
            }
            _ => return Err(unknown(&param)),
        }
    }
    Ok(update)
}

fn limit_from_form(value: &FormValue, param: &str) -> Result<SpendingLimit, StripeError> {
    let map = value.as_map().ok_or_else(|| {
        StripeError::invalid_param(
            param,
            format!("Invalid {param}: expected amount and interval."),
        )
    })?;
    let mut amount = None;
    let mut interval = None;
    let mut categories = None;
    for (key, v) in map {
        let field = format!("{param}[{key}]");
        match key.as_str() {
            "amount" => {
                let raw = text(v, &field)?;
                amount = Some(raw.parse::<i64>().map_err(|_| {
                    StripeError::invalid_param(&field, format!("Invalid integer: {raw}"))
                        .with_code("parameter_invalid_integer")
                })?);
            }
            "interval" => interval = Some(text(v, &field)?.parse().unwrap_or_else(|n| match n {})),
            "categories" => {
                categories = Some(texts(v, &field)?.into_iter().map(Category).collect())
            }
            _ => return Err(unknown(&field)),
        }
    }
    let missing = |what: &str| {
        StripeError::invalid_param(
            format!("{param}[{what}]"),
            format!("Missing required param: {param}[{what}]."),
        )
        .with_code("parameter_missing")
    };
    Ok(SpendingLimit {
        amount: amount.ok_or_else(|| missing("amount"))?,
        interval: interval.ok_or_else(|| missing("interval"))?,
        categories,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use issuing_model::{CardStatus, SpendingInterval};

    fn parse(body: &[(&str, &str)]) -> Result<CardUpdate, StripeError> {
        let pairs: Vec<_> = body
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        card_update(&FormValue::parse(&pairs)?)
    }

    #[test]
    fn encodes_limits_lists_and_clearing_in_bracket_notation() {
        let update = CardUpdate {
            spending_controls: Some(SpendingControlsUpdate {
                spending_limits: Some(vec![SpendingLimit {
                    amount: 50_000,
                    interval: SpendingInterval::Daily,
                    categories: Some(vec!["taxicabs_limousines".into()]),
                }]),
                blocked_categories: Some(vec!["betting_casino_gambling".into()]),
                allowed_merchant_countries: Some(vec![]),
                ..Default::default()
            }),
            status: Some(CardStatus::Inactive),
            ..Default::default()
        };
        let form = update.to_form();
        let body: Vec<String> = form
            .pairs()
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        assert_eq!(
            body,
            [
                "spending_controls[spending_limits][0][amount]=50000",
                "spending_controls[spending_limits][0][interval]=daily",
                "spending_controls[spending_limits][0][categories][0]=taxicabs_limousines",
                "spending_controls[blocked_categories][0]=betting_casino_gambling",
                "spending_controls[allowed_merchant_countries]=",
                "status=inactive",
            ]
        );
        // And the sandbox reads back exactly what was meant.
        let back = card_update(&FormValue::parse(form.pairs()).unwrap()).unwrap();
        assert_eq!(back, update);
    }

    #[test]
    fn clearing_all_spending_limits_round_trips() {
        let update = CardUpdate {
            spending_controls: Some(SpendingControlsUpdate {
                spending_limits: Some(vec![]),
                ..Default::default()
            }),
            ..Default::default()
        };
        let form = update.to_form();
        assert_eq!(
            form.pairs(),
            [(
                "spending_controls[spending_limits]".to_owned(),
                String::new()
            )]
        );
        assert_eq!(
            card_update(&FormValue::parse(form.pairs()).unwrap()).unwrap(),
            update
        );
    }

    #[test]
    fn unknown_parameters_are_refused_by_name() {
        for (key, param) in [
            ("nickname", "nickname"),
            (
                "spending_controls[daily_limit]",
                "spending_controls[daily_limit]",
            ),
            (
                "spending_controls[spending_limits][0][currency]",
                "spending_controls[spending_limits][0][currency]",
            ),
        ] {
            let err = parse(&[(key, "x")]).unwrap_err();
            assert_eq!(err.error.param.as_deref(), Some(param));
            assert_eq!(err.error.code.as_deref(), Some("parameter_unknown"));
        }
    }

    #[test]
    fn a_non_integer_amount_and_a_missing_interval_are_named() {
        let err = parse(&[
            ("spending_controls[spending_limits][0][amount]", "12.50"),
            ("spending_controls[spending_limits][0][interval]", "daily"),
        ])
        .unwrap_err();
        assert_eq!(
            err.error.param.as_deref(),
            Some("spending_controls[spending_limits][0][amount]")
        );
        let err = parse(&[("spending_controls[spending_limits][0][amount]", "100")]).unwrap_err();
        assert_eq!(
            err.error.param.as_deref(),
            Some("spending_controls[spending_limits][0][interval]")
        );
    }
}
