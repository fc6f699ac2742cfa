//! `#[row(key = "value", ...)]` and `#[pg_enum(...)]`: string options on an item, a field or a variant.

use proc_macro2::Span;
use syn::{Attribute, Expr, ExprLit, Ident, Lit, LitStr};

/// Postgres truncates names (and rejects labels) longer than `NAMEDATALEN - 1` bytes.
const MAX_NAME_BYTES: usize = 63;

/// The options one item, field or variant sets, each key at most once.
pub(crate) struct Options {
    entries: Vec<(Ident, LitStr)>,
}

impl Options {
    /// Reads every `#[{attr}(...)]` in `attrs`, which sit `on` an item such as "a struct" and
    /// take only the `allowed` keys.
    pub(crate) fn parse(
        attrs: &[Attribute],
        attr: &str,
        on: &str,
        allowed: &[&str],
    ) -> syn::Result<Self> {
        let mut entries: Vec<(Ident, LitStr)> = Vec::new();
        for attribute in attrs.iter().filter(|a| a.path().is_ident(attr)) {
            attribute.parse_nested_meta(|meta| {
                let key = match meta.path.get_ident() {
                    Some(key) if allowed.iter().any(|k| key == k) => key.clone(),
                    _ => return Err(meta.error(unknown_key(&meta.path, attr, on, allowed))),
                };
                if entries.iter().any(|(seen, _)| *seen == key) {
                    return Err(meta.error(format_args!("`{key}` is given twice")));
                }
                let value: Expr = meta.value()?.parse()?;
                match value {
                    Expr::Lit(ExprLit {
                        lit: Lit::Str(value),
                        ..
                    }) => {
                        entries.push((key, value));
                        Ok(())
                    }
                    other => Err(syn::Error::new_spanned(
                        other,
                        format_args!("`{key}` takes a string literal: `{key} = \"...\"`"),
                    )),
                }
            })?;
        }
        Ok(Options { entries })
    }

    pub(crate) fn get(&self, key: &str) -> Option<&LitStr> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

fn unknown_key(path: &syn::Path, attr: &str, on: &str, allowed: &[&str]) -> String {
    let key = quote::quote!(#path).to_string().replace(' ', "");
    let expected: Vec<String> = allowed.iter().map(|k| format!("`{k}`")).collect();
    format!(
        "#[{attr}(...)] on {on} takes {}, not `{key}`",
        expected.join(" or ")
    )
}

/// A table, column, type name or enum label, checked against Postgres's length limit.
pub(crate) struct SqlName {
    pub(crate) value: String,
    pub(crate) span: Span,
}

impl SqlName {
    /// A table, column or type name a `key = "..."` option sets.
    pub(crate) fn identifier(key: &str, lit: &LitStr) -> syn::Result<Self> {
        let value = lit.value();
        if value.is_empty() {
            return Err(syn::Error::new(
                lit.span(),
                format!("`{key}` must not be empty"),
            ));
        }
        SqlName::new(value, lit.span())
    }

    /// An enum label, which unlike a name may be empty.
    pub(crate) fn label(lit: &LitStr) -> syn::Result<Self> {
        SqlName::new(lit.value(), lit.span())
    }

    pub(crate) fn new(value: String, span: Span) -> syn::Result<Self> {
        if value.len() > MAX_NAME_BYTES {
            return Err(syn::Error::new(
                span,
                format!(
                    "`{value}` is {} bytes long; Postgres names and labels hold at most {MAX_NAME_BYTES}",
                    value.len()
                ),
            ));
        }
        Ok(SqlName { value, span })
    }
}
