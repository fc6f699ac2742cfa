//! Mapping Rust enums to Postgres enum types, the target of `#[derive(PgEnum)]`.

use std::error::Error;
use std::fmt;

use bytes::BytesMut;
use postgres_types::{IsNull, Kind, Type};

/// A Rust enum mirroring one Postgres enum type label for label.
pub trait PgEnum: Sized + Copy + 'static {
    /// The Postgres type name, e.g. `role_enum`.
    const TYPE_NAME: &'static str;
    /// Every variant, in the type's label order.
    const VARIANTS: &'static [Self];

    /// The Postgres label of this variant.
    fn label(self) -> &'static str;

    /// The variant for a Postgres label; an unknown label names the type and the label.
    fn from_label(label: &str) -> Result<Self, UnknownLabel>;
}

/// A label that the Rust enum does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLabel {
    /// The Postgres enum type, e.g. `role_enum`.
    pub type_name: &'static str,
    /// The label as the server sent it.
    pub label: String,
}

impl fmt::Display for UnknownLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown label {:?} for Postgres enum {}",
            self.label, self.type_name
        )
    }
}

impl Error for UnknownLabel {}

type BoxError = Box<dyn Error + Sync + Send>;

/// `ToSql::accepts` and `FromSql::accepts` of a derived enum: its own Postgres type and no other.
#[doc(hidden)]
pub fn accepts<E: PgEnum>(ty: &Type) -> bool {
    ty.name() == E::TYPE_NAME && matches!(ty.kind(), Kind::Enum(_))
}

/// `ToSql::to_sql` of a derived enum: the binary form of an enum value is its label.
#[doc(hidden)]
pub fn to_sql<E: PgEnum>(value: E, out: &mut BytesMut) -> Result<IsNull, BoxError> {
    out.extend_from_slice(value.label().as_bytes());
    Ok(IsNull::No)
}

/// `FromSql::from_sql` of a derived enum.
#[doc(hidden)]
pub fn from_sql<E: PgEnum>(raw: &[u8]) -> Result<E, BoxError> {
    Ok(E::from_label(std::str::from_utf8(raw)?)?)
}
