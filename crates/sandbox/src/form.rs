//! Reading Stripe's form encoding: bracket notation
//! (`spending_controls[spending_limits][0][amount]=5000`) back into a tree.

use std::collections::BTreeMap;

use issuing_model::StripeError;

/// A parsed form body: a value, or a map of names (or list indexes) to values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormValue {
    Value(String),
    Map(BTreeMap<String, FormValue>),
}

impl FormValue {
    /// Builds the tree from decoded `(key, value)` pairs. A key used both as a value and as a
    /// parent (`a=1&a[b]=2`) is refused with that key as the `param`.
    pub fn parse(pairs: &[(String, String)]) -> Result<FormValue, StripeError> {
        let mut root = BTreeMap::new();
        for (key, value) in pairs {
            let path = split_key(key)?;
            insert(&mut root, &path, value, key)?;
        }
        Ok(FormValue::Map(root))
    }

    pub fn as_map(&self) -> Option<&BTreeMap<String, FormValue>> {
        match self {
            FormValue::Map(m) => Some(m),
            FormValue::Value(_) => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            FormValue::Value(s) => Some(s),
            FormValue::Map(_) => None,
        }
    }

    /// A list: a map with keys `0`, `1`, … (in numeric order), or `""` for "clear the list".
    /// `expand[]=a&expand[]=b` style keys (`[]`) come in as consecutive indexes.
    pub fn as_list(&self, param: &str) -> Result<Vec<&FormValue>, StripeError> {
        match self {
            FormValue::Value(s) if s.is_empty() => Ok(Vec::new()),
            FormValue::Value(_) => Err(StripeError::invalid_param(
                param,
                format!("Invalid array: {param} must be a list (e.g. {param}[0]=…), or empty to clear it."),
            )),
            FormValue::Map(m) => {
                let mut items: Vec<(usize, &FormValue)> = Vec::with_capacity(m.len());
                for (k, v) in m {
                    let i = k.parse::<usize>().map_err(|_| {
                        StripeError::invalid_param(
                            format!("{param}[{k}]"),
                            format!("Invalid array index '{k}' in {param}."),
                        )
                        .with_code("parameter_unknown")
                    })?;
                    items.push((i, v));
                }
                items.sort_by_key(|(i, _)| *i);
                Ok(items.into_iter().map(|(_, v)| v).collect())
            }
        }
    }
}

fn split_key(key: &str) -> Result<Vec<String>, StripeError> {
    let malformed =
        || StripeError::invalid_param(key, format!("Malformed parameter name '{key}'."));
    let (head, mut rest) = match key.find('[') {
        Some(i) => (&key[..i], &key[i..]),
        None => (key, ""),
    };
    if head.is_empty() {
        return Err(malformed());
    }
    let mut path = vec![head.to_owned()];
    while !rest.is_empty() {
        let close = rest.find(']').ok_or_else(malformed)?;
        if !rest.starts_with('[') {
            return Err(malformed());
        }
        path.push(rest[1..close].to_owned());
        rest = &rest[close + 1..];
    }
    Ok(path)
}

fn insert(
    map: &mut BTreeMap<String, FormValue>,
    path: &[String],
    value: &str,
    key: &str,
) -> Result<(), StripeError> {
    let conflict = || {
        StripeError::invalid_param(
            key,
            format!("Parameter '{key}' is given twice or conflicts with another."),
        )
    };
    let (first, rest) = path.split_first().expect("a key has at least one part");
    // `name[]` appends: give it the next index.
    let name = if first.is_empty() {
        map.len().to_string()
    } else {
        first.clone()
    };
    if rest.is_empty() {
        if map.contains_key(&name) {
            return Err(conflict());
        }
        map.insert(name, FormValue::Value(value.to_owned()));
        return Ok(());
    }
    match map
        .entry(name)
        .or_insert_with(|| FormValue::Map(BTreeMap::new()))
    {
        FormValue::Map(child) => insert(child, rest, value, key),
        FormValue::Value(_) => Err(conflict()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn parses_nested_lists_in_index_order() {
        let tree = FormValue::parse(&pairs(&[
            ("spending_controls[spending_limits][10][amount]", "3"),
            ("spending_controls[spending_limits][2][amount]", "2"),
            ("status", "inactive"),
        ]))
        .unwrap();
        let limits = tree.as_map().unwrap()["spending_controls"]
            .as_map()
            .unwrap()["spending_limits"]
            .as_list("spending_controls[spending_limits]")
            .unwrap();
        let amounts: Vec<_> = limits
            .iter()
            .map(|l| l.as_map().unwrap()["amount"].as_str().unwrap())
            .collect();
        assert_eq!(amounts, ["2", "3"]);
    }

    #[test]
    fn empty_value_is_an_empty_list_and_brackets_append() {
        let tree =
            FormValue::parse(&pairs(&[("a", ""), ("expand[]", "x"), ("expand[]", "y")])).unwrap();
        let m = tree.as_map().unwrap();
        assert!(m["a"].as_list("a").unwrap().is_empty());
        assert_eq!(m["expand"].as_list("expand").unwrap().len(), 2);
    }

    #[test]
    fn conflicting_and_malformed_keys_name_the_param() {
        let err = FormValue::parse(&pairs(&[("a", "1"), ("a[b]", "2")])).unwrap_err();
        assert_eq!(err.error.param.as_deref(), Some("a[b]"));
        let err = FormValue::parse(&pairs(&[("a[b", "1")])).unwrap_err();
        assert_eq!(err.error.param.as_deref(), Some("a[b"));
    }

    /// A tree of parameters as Stripe takes them: maps of names to values, lists and maps.
    fn tree() -> impl proptest::strategy::Strategy<Value = BTreeMap<String, FormValue>> {
        use proptest::prelude::*;
        let leaf = any::<String>()
            .prop_filter("a leaf is not the empty list", |s| !s.is_empty())
            .prop_map(FormValue::Value);
        let node = leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                proptest::collection::btree_map("[a-z_]{1,6}", inner.clone(), 1..4)
                    .prop_map(FormValue::Map),
                proptest::collection::vec(inner, 1..4).prop_map(|items| {
                    FormValue::Map(
                        items
                            .into_iter()
                            .enumerate()
                            .map(|(i, v)| (i.to_string(), v))
                            .collect(),
                    )
                }),
            ]
        });
        proptest::collection::btree_map("[a-z_]{1,8}", node, 0..5)
    }

    /// The pairs the model's encoder writes for `tree`.
    fn encode(prefix: &str, value: &FormValue, form: &mut issuing_model::form::FormBuilder) {
        match value {
            FormValue::Value(v) => {
                form.push(prefix, v.as_str());
            }
            FormValue::Map(m) => {
                for (k, v) in m {
                    encode(&format!("{prefix}[{k}]"), v, form);
                }
            }
        }
    }

    proptest::proptest! {
        /// What the server's form encoder writes (then URL-encoded, as sent) reads back as the
        /// same tree, whatever the values hold (brackets, `&`, `=`, `%`, any Unicode).
        #[test]
        fn what_is_encoded_decodes_to_the_same_tree(tree in tree()) {
            let mut form = issuing_model::form::FormBuilder::new();
            for (k, v) in &tree {
                encode(k, v, &mut form);
            }
            let body = form_urlencoded::Serializer::new(String::new())
                .extend_pairs(form.pairs())
                .finish();
            let pairs: Vec<(String, String)> =
                form_urlencoded::parse(body.as_bytes()).into_owned().collect();
            proptest::prop_assert_eq!(FormValue::parse(&pairs), Ok(FormValue::Map(tree)));
        }

        /// Any body at all is a tree or a Stripe-shaped refusal, never a panic.
        #[test]
        fn any_body_parses_or_is_refused(body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300),
                                         keys in proptest::collection::vec("[a-z\\[\\]0-9]{0,12}", 0..8)) {
            let pairs: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
            let _ = FormValue::parse(&pairs);
            let pairs: Vec<(String, String)> = keys.into_iter().map(|k| (k, "v".to_owned())).collect();
            if let Ok(tree) = FormValue::parse(&pairs) {
                let _ = tree.as_list("x");
            }
        }
    }
}
