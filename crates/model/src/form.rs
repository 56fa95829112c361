//! Stripe's form encoding: nested parameters in bracket notation
//! (`spending_controls[spending_limits][0][amount]=5000`), built in order. (Reading such a body
//! back is the sandbox's job: `stripe_sandbox::form`.)

/// Builds a body in bracket notation, in order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FormBuilder {
    pairs: Vec<(String, String)>,
}

impl FormBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, key: impl Into<String>, value: impl Into<String>) -> &mut Self {
        self.pairs.push((key.into(), value.into()));
        self
    }

    /// `key[0]=a&key[1]=b`, or `key=` (empty) to clear the list on Stripe.
    pub fn list<T: AsRef<str>>(&mut self, key: &str, items: &[T]) -> &mut Self {
        if items.is_empty() {
            self.push(key, "");
        }
        for (i, item) in items.iter().enumerate() {
            self.push(format!("{key}[{i}]"), item.as_ref());
        }
        self
    }

    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }

    pub fn into_pairs(self) -> Vec<(String, String)> {
        self.pairs
    }
}
