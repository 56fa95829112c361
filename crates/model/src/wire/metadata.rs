use std::collections::BTreeMap;

/// Stripe's `metadata`: string keys to string values. Ordered so that output is stable.
pub type Metadata = BTreeMap<String, String>;
