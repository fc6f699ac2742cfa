//! Derives and attributes for `lcfs-db`.

use proc_macro::TokenStream;

mod test_attr;

/// Derives `lcfs_db::FromRow`. Placeholder.
#[proc_macro_derive(Row, attributes(row))]
pub fn derive_row(_input: TokenStream) -> TokenStream {
    TokenStream::new()
}

/// Derives `lcfs_db::PgEnum`, `ToSql` and `FromSql`. Placeholder.
#[proc_macro_derive(PgEnum, attributes(pg_enum))]
pub fn derive_pg_enum(_input: TokenStream) -> TokenStream {
    TokenStream::new()
}

/// Runs an async test against a fresh database of its own, cloned from a template at head:
/// `#[lcfs_db::test] async fn name(db: lcfs_db::testing::TestDatabase)`. Arguments:
/// `empty` for an empty database, `migrations = <set>` for the head of a hand-made set. The
/// database is dropped when the test passes and kept (its URL printed) when it fails.
#[proc_macro_attribute]
pub fn test(args: TokenStream, item: TokenStream) -> TokenStream {
    test_attr::expand(args.into(), item.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}
