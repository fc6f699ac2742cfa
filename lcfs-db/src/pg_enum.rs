//! Mapping Rust enums to Postgres enum types, the target of `#[derive(PgEnum)]`.

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
    pub type_name: &'static str,
    pub label: String,
}
