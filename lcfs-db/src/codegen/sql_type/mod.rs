//! Column types: sqlparser's spellings resolved to PostgreSQL's canonical names (as `format_type`
//! prints them) and to the Rust types that postgres-types decodes without loss.

mod resolve;

pub use resolve::resolve;

use super::sql_name;

/// A column type the model supports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SqlType {
    SmallInt,
    Integer,
    BigInt,
    Real,
    Double,
    /// Precision and scale.
    Numeric(Option<(u64, i64)>),
    Boolean,
    Varchar(Option<u64>),
    Char(u64),
    Text,
    Date,
    Time(Option<u64>),
    Timestamp {
        precision: Option<u64>,
        time_zone: bool,
    },
    Json,
    Jsonb,
    Uuid,
    Bytea,
    /// A Postgres enum type, by name.
    Enum(String),
    Array(Box<SqlType>),
}

impl SqlType {
    /// The name as PostgreSQL's `format_type` prints it: `character varying(500)`, `text[]`.
    pub fn canonical(&self) -> String {
        let precision = |p: &Option<u64>| p.map(|p| format!("({p})")).unwrap_or_default();
        match self {
            SqlType::SmallInt => "smallint".to_owned(),
            SqlType::Integer => "integer".to_owned(),
            SqlType::BigInt => "bigint".to_owned(),
            SqlType::Real => "real".to_owned(),
            SqlType::Double => "double precision".to_owned(),
            SqlType::Numeric(None) => "numeric".to_owned(),
            SqlType::Numeric(Some((p, s))) => format!("numeric({p},{s})"),
            SqlType::Boolean => "boolean".to_owned(),
            SqlType::Varchar(length) => format!("character varying{}", precision(length)),
            SqlType::Char(length) => format!("character({length})"),
            SqlType::Text => "text".to_owned(),
            SqlType::Date => "date".to_owned(),
            SqlType::Time(p) => format!("time{} without time zone", precision(p)),
            SqlType::Timestamp {
                precision: p,
                time_zone,
            } => {
                let with = if *time_zone { "with" } else { "without" };
                format!("timestamp{} {with} time zone", precision(p))
            }
            SqlType::Json => "json".to_owned(),
            SqlType::Jsonb => "jsonb".to_owned(),
            SqlType::Uuid => "uuid".to_owned(),
            SqlType::Bytea => "bytea".to_owned(),
            SqlType::Enum(name) => sql_name::quoted_if_needed(name),
            SqlType::Array(element) => format!("{}[]", element.canonical()),
        }
    }

    /// The Rust type; `enum_path` gives the path of a Postgres enum's Rust enum.
    pub fn rust(&self, enum_path: &dyn Fn(&str) -> String) -> String {
        match self {
            SqlType::SmallInt => "i16".to_owned(),
            SqlType::Integer => "i32".to_owned(),
            SqlType::BigInt => "i64".to_owned(),
            SqlType::Real => "f32".to_owned(),
            SqlType::Double => "f64".to_owned(),
            SqlType::Numeric(_) => "rust_decimal::Decimal".to_owned(),
            SqlType::Boolean => "bool".to_owned(),
            SqlType::Varchar(_) | SqlType::Char(_) | SqlType::Text => "String".to_owned(),
            SqlType::Date => "chrono::NaiveDate".to_owned(),
            SqlType::Time(_) => "chrono::NaiveTime".to_owned(),
            SqlType::Timestamp {
                time_zone: true, ..
            } => "chrono::DateTime<chrono::Utc>".to_owned(),
            SqlType::Timestamp {
                time_zone: false, ..
            } => "chrono::NaiveDateTime".to_owned(),
            SqlType::Json | SqlType::Jsonb => "serde_json::Value".to_owned(),
            SqlType::Uuid => "uuid::Uuid".to_owned(),
            SqlType::Bytea => "Vec<u8>".to_owned(),
            SqlType::Enum(name) => enum_path(name),
            SqlType::Array(element) => format!("Vec<{}>", element.rust(enum_path)),
        }
    }

    /// Whether the type is the Postgres enum `name` or an array of it.
    pub fn uses_enum(&self, name: &str) -> bool {
        match self {
            SqlType::Enum(own) => own == name,
            SqlType::Array(element) => element.uses_enum(name),
            _ => false,
        }
    }

    /// Follows `ALTER TYPE … RENAME TO`.
    pub fn rename_enum(&mut self, from: &str, to: &str) {
        match self {
            SqlType::Enum(own) if own == from => *own = to.to_owned(),
            SqlType::Array(element) => element.rename_enum(from, to),
            _ => {}
        }
    }
}
