//! Derives and attributes for `lcfs-db`.

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

mod attr;
mod pg_enum;
mod row;
mod test_attr;
mod type_text;

/// Derives `lcfs_db::FromRow` for a struct with named fields.
///
/// - `#[row(table = "organization")]` on the struct sets `TABLE`; the default is the struct's
///   name in snake_case.
/// - `#[row(rename = "column")]` on a field sets its column; the default is the field's name
///   without `r#`.
///
/// Each field decodes by column name, so the query may return its columns in any order.
#[proc_macro_derive(Row, attributes(row))]
pub fn derive_row(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    row::expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Derives `lcfs_db::PgEnum`, `ToSql`, `FromSql`, `Display` and `FromStr` for a fieldless enum
/// that also derives `Debug`, `Clone` and `Copy`.
///
/// - `#[pg_enum(type = "role_enum")]` on the enum (required) names the Postgres enum type;
///   `ToSql` and `FromSql` accept that type and no other.
/// - `#[pg_enum(label = "GOVERNMENT")]` on a variant sets its label; the default is the
///   variant's name verbatim.
#[proc_macro_derive(PgEnum, attributes(pg_enum))]
pub fn derive_pg_enum(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    pg_enum::expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Runs an async test against a fresh database of its own, cloned from a template at head:
/// `#[lcfs_db::test] async fn name(db: lcfs_db::testing::TestDatabase)`. Arguments:
/// `empty` for an empty database, `migrations = <set>` for the head of a hand-made set. The
/// database is dropped when the test passes and kept, with where to reach it printed, when it
/// fails (see `lcfs_db::testing`).
#[proc_macro_attribute]
pub fn test(args: TokenStream, item: TokenStream) -> TokenStream {
    test_attr::expand(args.into(), item.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}
