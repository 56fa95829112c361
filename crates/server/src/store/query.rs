//! A `WHERE` clause built at run time with numbered placeholders (`$1`, `$2`, …), which both
//! SQLite and PostgreSQL read. (sqlx's `QueryBuilder` writes `?` for the `Any` driver, which
//! PostgreSQL does not.)

use sqlx::any::{Any, AnyArguments};
use sqlx::query::Query;
use sqlx::AssertSqlSafe;

use issuing_model::{AccountAccess, OperatorProfile};

pub(super) enum Value {
    Text(String),
    Int(i64),
}

#[derive(Default)]
pub(super) struct Filter {
    clauses: Vec<String>,
    values: Vec<Value>,
}

impl Filter {
    /// A placeholder for `value`, to write into a clause.
    pub fn bind(&mut self, value: Value) -> String {
        self.values.push(value);
        format!("${}", self.values.len())
    }

    pub fn and(&mut self, clause: String) {
        self.clauses.push(clause);
    }

    /// `column = value`, when there is a value.
    pub fn equals(&mut self, column: &str, value: Option<&str>) {
        if let Some(value) = value {
            let p = self.bind(Value::Text(value.to_owned()));
            self.and(format!("{column} = {p}"));
        }
    }

    /// Only rows of accounts the operator may see (`column` holds the account; rows with none
    /// are the platform's own, for those who see every account).
    pub fn visible_to(&mut self, column: &str, operator: &OperatorProfile) {
        match &operator.accounts {
            AccountAccess::All => {}
            AccountAccess::Only(ids) if ids.is_empty() => self.and("1 = 0".into()),
            AccountAccess::Only(ids) => {
                let placeholders: Vec<String> = ids
                    .iter()
                    .map(|id| self.bind(Value::Text(id.clone())))
                    .collect();
                self.and(format!("{column} IN ({})", placeholders.join(", ")));
            }
        }
    }

    /// ` WHERE a AND b`, or nothing.
    pub fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.clauses.join(" AND "))
        }
    }

    /// `sql` (which must use this filter's placeholders) with the values bound in order.
    pub fn query(self, sql: String) -> Query<'static, Any, AnyArguments> {
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for value in self.values {
            query = match value {
                Value::Text(s) => query.bind(s),
                Value::Int(n) => query.bind(n),
            };
        }
        query
    }
}
