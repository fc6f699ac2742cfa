//! Resolving sqlparser's `DataType` to a supported column type.

use sqlparser::ast::{ArrayElemTypeDef, CharacterLength, DataType, ExactNumberInfo, TimezoneInfo};

use super::super::error::ErrorKind;
use super::super::sql_name;
use super::SqlType;

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
