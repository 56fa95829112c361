//! The form bodies of `POST /v1/issuing/cardholders[/{id}]` and `POST /v1/issuing/cards`, read
//! into the model's parameter types. A parameter Stripe would not take here is refused by its
//! full name (`billing[address][county]`); Stripe's rules are checked afterwards, by the model.

use std::collections::BTreeMap;

use issuing_model::{
    Address, Billing, CardCreate, CardholderCreate, CardholderType, CardholderUpdate, Dob,
    IndividualParams, ShippingParams, SpendingControlsUpdate, StripeError,
};

use crate::card_update_form::{spending_from_form, text, texts, unknown};
use crate::form::FormValue;

type Map = BTreeMap<String, FormValue>;

/// The hash at `param`, with only `allowed` keys.
fn hash<'a>(value: &'a FormValue, param: &str, allowed: &[&str]) -> Result<&'a Map, StripeError> {
    let map = value.as_map().ok_or_else(|| {
        StripeError::invalid_param(param, format!("Invalid {param}: expected a hash."))
    })?;
    match map.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(k) => Err(unknown(&format!("{param}[{k}]"))),
        None => Ok(map),
    }
}

/// `key` under `parent` (`billing[address]` + `city`), or `key` itself at the top.
fn path(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_owned()
    } else {
        format!("{parent}[{key}]")
    }
}

/// The text at `key` of `map` (which is at `parent`), if given.
fn owned(map: &Map, key: &str, parent: &str) -> Result<Option<String>, StripeError> {
    map.get(key)
        .map(|v| text(v, &path(parent, key)).map(str::to_owned))
        .transpose()
}

fn number<T: std::str::FromStr>(
    map: &Map,
    key: &str,
    parent: &str,
) -> Result<Option<T>, StripeError> {
    let param = path(parent, key);
    map.get(key)
        .map(|v| {
            let raw = text(v, &param)?;
            raw.parse().map_err(|_| {
                StripeError::invalid_param(&param, format!("Invalid integer: {raw}"))
                    .with_code("parameter_invalid_integer")
            })
        })
        .transpose()
}

fn address(value: &FormValue, param: &str) -> Result<Address, StripeError> {
    let map = hash(
        value,
        param,
        &["line1", "line2", "city", "state", "postal_code", "country"],
    )?;
    Ok(Address {
        line1: owned(map, "line1", param)?,
        line2: owned(map, "line2", param)?,
        city: owned(map, "city", param)?,
        state: owned(map, "state", param)?,
        postal_code: owned(map, "postal_code", param)?,
        country: owned(map, "country", param)?,
    })
}

fn billing(value: &FormValue) -> Result<Billing, StripeError> {
    let map = hash(value, "billing", &["address"])?;
    let address = map
        .get("address")
        .ok_or_else(|| missing("billing[address]"))?;
    Ok(Billing {
        address: self::address(address, "billing[address]")?,
    })
}

fn individual(value: &FormValue) -> Result<IndividualParams, StripeError> {
    let p = "individual";
    let map = hash(value, p, &["first_name", "last_name", "dob"])?;
    let dob = match map.get("dob") {
        None => None,
        Some(v) => {
            let dob = hash(v, "individual[dob]", &["day", "month", "year"])?;
            Some(Dob {
                day: number(dob, "day", "individual[dob]")?,
                month: number(dob, "month", "individual[dob]")?,
                year: number(dob, "year", "individual[dob]")?,
            })
        }
    };
    Ok(IndividualParams {
        first_name: owned(map, "first_name", p)?,
        last_name: owned(map, "last_name", p)?,
        dob,
    })
}

/// A cardholder's `spending_controls`: a card's, plus `spending_limits_currency`.
fn holder_controls(
    value: &FormValue,
) -> Result<(SpendingControlsUpdate, Option<String>), StripeError> {
    let mut map = value
        .as_map()
        .ok_or_else(|| {
            StripeError::invalid_param(
                "spending_controls",
                "Invalid spending_controls: expected a hash of controls.",
            )
        })?
        .clone();
    let currency = map
        .remove("spending_limits_currency")
        .map(|v| text(&v, "spending_controls[spending_limits_currency]").map(str::to_owned))
        .transpose()?;
    Ok((spending_from_form(&FormValue::Map(map))?, currency))
}

fn missing(param: &str) -> StripeError {
    StripeError::invalid_param(param, format!("Missing required param: {param}."))
        .with_code("parameter_missing")
}

fn status<T: std::str::FromStr<Err = std::convert::Infallible>>(
    form: &Map,
) -> Result<Option<T>, StripeError> {
    form.get("status")
        .map(|v| text(v, "status").map(|s| s.parse().unwrap_or_else(|n| match n {})))
        .transpose()
}

/// What a new cardholder's form says, and the currency of its spending limits if given.
pub struct NewCardholder {
    pub params: CardholderCreate,
    pub limits_currency: Option<String>,
}

/// `metadata` is read by the route (it is a patch on updates).
pub fn cardholder_create(form: &Map) -> Result<NewCardholder, StripeError> {
    let name = form.get("name").ok_or_else(|| missing("name"))?;
    let billing_value = form.get("billing").ok_or_else(|| missing("billing"))?;
    let controls = form
        .get("spending_controls")
        .map(holder_controls)
        .transpose()?;
    let kind = match form.get("type") {
        Some(v) => text(v, "type")?.parse().unwrap_or_else(|n| match n {}),
        None => CardholderType::Individual,
    };
    Ok(NewCardholder {
        params: CardholderCreate {
            kind,
            name: text(name, "name")?.to_owned(),
            email: owned(form, "email", "")?,
            phone_number: owned(form, "phone_number", "")?,
            billing: billing(billing_value)?,
            individual: form.get("individual").map(individual).transpose()?,
            status: status(form)?,
            spending_controls: controls.as_ref().map(|(c, _)| c.clone()),
            metadata: Default::default(),
            preferred_locales: match form.get("preferred_locales") {
                Some(v) => texts(v, "preferred_locales")?,
                None => Vec::new(),
            },
        },
        limits_currency: controls.and_then(|(_, c)| c),
    })
}

pub fn cardholder_update(form: &Map) -> Result<CardholderUpdate, StripeError> {
    Ok(CardholderUpdate {
        email: owned(form, "email", "")?,
        phone_number: owned(form, "phone_number", "")?,
        billing: form.get("billing").map(billing).transpose()?,
        individual: form.get("individual").map(individual).transpose()?,
        status: status(form)?,
        spending_controls: form
            .get("spending_controls")
            .map(|v| holder_controls(v).map(|(c, _)| c))
            .transpose()?,
        preferred_locales: form
            .get("preferred_locales")
            .map(|v| texts(v, "preferred_locales"))
            .transpose()?,
    })
}

pub fn card_create(form: &Map) -> Result<CardCreate, StripeError> {
    let required = |name: &str| -> Result<String, StripeError> {
        let value = form.get(name).ok_or_else(|| missing(name))?;
        Ok(text(value, name)?.to_owned())
    };
    let shipping = match form.get("shipping") {
        None => None,
        Some(v) => {
            let map = hash(v, "shipping", &["name", "address", "service"])?;
            Some(ShippingParams {
                name: owned(map, "name", "shipping")?.ok_or_else(|| missing("shipping[name]"))?,
                address: address(
                    map.get("address")
                        .ok_or_else(|| missing("shipping[address]"))?,
                    "shipping[address]",
                )?,
                service: owned(map, "service", "shipping")?
                    .map(|s| s.parse().unwrap_or_else(|n| match n {})),
            })
        }
    };
    Ok(CardCreate {
        cardholder: required("cardholder")?,
        currency: required("currency")?,
        kind: required("type")?.parse().unwrap_or_else(|n| match n {}),
        status: status(form)?,
        spending_controls: form
            .get("spending_controls")
            .map(spending_from_form)
            .transpose()?,
        shipping,
        replacement_for: owned(form, "replacement_for", "")?,
        replacement_reason: owned(form, "replacement_reason", "")?
            .map(|s| s.parse().unwrap_or_else(|n| match n {})),
        metadata: Default::default(),
    })
}
