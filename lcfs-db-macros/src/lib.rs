//! Derives and attributes for `lcfs-db`.

use proc_macro::TokenStream;

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

/// Runs an async test against a fresh database at head. Placeholder.
#[proc_macro_attribute]
pub fn test(_args: TokenStream, item: TokenStream) -> TokenStream {
    item
}
