//! `enums.rs`: one Rust enum per Postgres enum type, deriving `lcfs_db::PgEnum`, every label
//! mapped explicitly.

use proc_macro2::TokenStream;
use quote::quote;

use super::super::model::Model;
use super::super::names::Names;
use super::{doc, ident};

pub fn enums(model: &Model, names: &Names) -> Vec<TokenStream> {
    let mut enums: Vec<_> = model.enums.iter().collect();
    enums.sort_by(|a, b| a.name.cmp(&b.name));
    let items = enums.into_iter().map(|enum_type| {
        let pg_name = &enum_type.name;
        let (rust_name, variants) = &names.enums[pg_name];
        let rust_name = ident(rust_name);
        let enum_doc = doc(&format!("The Postgres enum type `{pg_name}`."));
        let variants = enum_type
            .labels
            .iter()
            .zip(variants)
            .map(|(label, variant)| {
                let variant = ident(variant);
                let variant_doc = doc(&format!("The label `{label}`."));
                quote! { #variant_doc #[pg_enum(label = #label)] #variant, }
            });
        quote! {
            #enum_doc
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, lcfs_db::PgEnum)]
            #[pg_enum(type = #pg_name)]
            pub enum #rust_name { #(#variants)* }
        }
    });
    items.collect()
}
