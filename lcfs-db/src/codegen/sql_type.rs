//! Column types: sqlparser's spellings resolved to PostgreSQL's canonical names (as `format_type`
//! prints them) and to the Rust types that postgres-types decodes without loss.

use sqlparser::ast::{ArrayElemTypeDef, CharacterLength, DataType, ExactNumberInfo, TimezoneInfo};

use super::error::ErrorKind;
use super::sql_name;

/// PostgreSQL's own types that sqlparser reads as plain names and that have no Rust mapping here,
/// so that they are reported as unsupported rather than unknown.
const UNSUPPORTED_BUILTINS: &[&str] = &[
    "money",
    "inet",
    "cidr",
    "macaddr",
    "macaddr8",
    "xml",
    "timetz",
    "interval",
    "point",
    "line",
    "lseg",
    "box",
    "path",
    "polygon",
    "circle",
    "tsvector",
    "tsquery",
    "oid",
    "regclass",
    "pg_lsn",
    "txid_snapshot",
    "int4range",
    "int8range",
    "numrange",
    "tsrange",
    "tstzrange",
    "daterange",
    "bpchar",
    "citext",
];

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

/// A resolved column type; `serial` types also make the column NOT NULL with a sequence default.
pub struct Resolved {
    pub sql_type: SqlType,
    pub serial: bool,
}

/// Why a type did not resolve, for a diagnostic at the column.
pub type TypeError = (ErrorKind, String);

/// Resolves `data_type`; `is_enum` says whether a type name is a Postgres enum at this point.
pub fn resolve(
    data_type: &DataType,
    is_enum: &dyn Fn(&str) -> bool,
) -> Result<Resolved, TypeError> {
    let plain = |sql_type| {
        Ok(Resolved {
            sql_type,
            serial: false,
        })
    };
    let unsupported = || {
        let type_name = data_type.to_string().to_lowercase();
        Err((
            ErrorKind::UnsupportedType,
            format!("type `{type_name}` has no Rust type"),
        ))
    };
    match data_type {
        DataType::SmallInt(None) | DataType::Int2(None) => plain(SqlType::SmallInt),
        DataType::Int(None) | DataType::Integer(None) | DataType::Int4(None) => {
            plain(SqlType::Integer)
        }
        DataType::BigInt(None) | DataType::Int8(None) => plain(SqlType::BigInt),
        DataType::Real | DataType::Float4 => plain(SqlType::Real),
        DataType::DoublePrecision | DataType::Float8 | DataType::Float(ExactNumberInfo::None) => {
            plain(SqlType::Double)
        }
        DataType::Float(ExactNumberInfo::Precision(1..=24)) => plain(SqlType::Real),
        DataType::Float(ExactNumberInfo::Precision(25..=53)) => plain(SqlType::Double),
        DataType::Numeric(info) | DataType::Decimal(info) | DataType::Dec(info) => {
            plain(SqlType::Numeric(match *info {
                ExactNumberInfo::None => None,
                ExactNumberInfo::Precision(p) => Some((p, 0)),
                ExactNumberInfo::PrecisionAndScale(p, s) => Some((p, s)),
            }))
        }
        DataType::Bool | DataType::Boolean => plain(SqlType::Boolean),
        DataType::Varchar(length)
        | DataType::CharacterVarying(length)
        | DataType::CharVarying(length) => match length {
            None => plain(SqlType::Varchar(None)),
            Some(CharacterLength::IntegerLength { length, unit: None }) => {
                plain(SqlType::Varchar(Some(*length)))
            }
            Some(_) => unsupported(),
        },
        DataType::Char(length) | DataType::Character(length) => match length {
            None => plain(SqlType::Char(1)),
            Some(CharacterLength::IntegerLength { length, unit: None }) => {
                plain(SqlType::Char(*length))
            }
            Some(_) => unsupported(),
        },
        DataType::Text => plain(SqlType::Text),
        DataType::Date => plain(SqlType::Date),
        DataType::Time(precision, TimezoneInfo::None | TimezoneInfo::WithoutTimeZone) => {
            plain(SqlType::Time(*precision))
        }
        DataType::Timestamp(precision, zone) => plain(SqlType::Timestamp {
            precision: *precision,
            time_zone: matches!(zone, TimezoneInfo::WithTimeZone | TimezoneInfo::Tz),
        }),
        DataType::JSON => plain(SqlType::Json),
        DataType::JSONB => plain(SqlType::Jsonb),
        DataType::Uuid => plain(SqlType::Uuid),
        DataType::Bytea => plain(SqlType::Bytea),
        DataType::Array(
            ArrayElemTypeDef::SquareBracket(element, _)
            | ArrayElemTypeDef::Qualified(element, _)
            | ArrayElemTypeDef::AngleBracket(element)
            | ArrayElemTypeDef::Parenthesis(element),
        ) => match resolve(element, is_enum)? {
            Resolved { serial: true, .. } => unsupported(),
            Resolved { sql_type, .. } => plain(SqlType::Array(Box::new(sql_type))),
        },
        DataType::Custom(name, modifiers) if modifiers.is_empty() => {
            let Ok((name, _)) = sql_name::unqualified(name) else {
                return unsupported();
            };
            let serial = |sql_type| {
                Ok(Resolved {
                    sql_type,
                    serial: true,
                })
            };
            match name.as_str() {
                "smallserial" | "serial2" => serial(SqlType::SmallInt),
                "serial" | "serial4" => serial(SqlType::Integer),
                "bigserial" | "serial8" => serial(SqlType::BigInt),
                "timestamptz" => plain(SqlType::Timestamp {
                    precision: None,
                    time_zone: true,
                }),
                enum_name if is_enum(enum_name) => plain(SqlType::Enum(enum_name.to_owned())),
                builtin if UNSUPPORTED_BUILTINS.contains(&builtin) => unsupported(),
                _ => Err((ErrorKind::Schema, format!("unknown type `{name}`"))),
            }
        }
        _ => unsupported(),
    }
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
