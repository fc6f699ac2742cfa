//! `tables.rs`: one row struct per table, deriving `lcfs_db::Row`.

use proc_macro2::TokenStream;
use quote::quote;

use super::super::model::{Column, Model};
use super::super::names::Names;
use super::crud::methods;
use super::new_row::new_row;
use super::{doc, field_ident, field_type, ident};

pub fn tables(model: &Model, names: &Names) -> Vec<TokenStream> {
    let mut tables: Vec<_> = model.tables.iter().collect();
    tables.sort_by(|a, b| a.name.cmp(&b.name));
    let items = tables.into_iter().flat_map(|table| {
        let name = &table.name;
        let rust_name = ident(&names.tables[name]);
        let table_doc = doc(table
            .comment
            .as_deref()
            .unwrap_or(&format!("A row of `{name}`.")));
        let fields = table.columns.iter().map(|column| {
            let field = field_ident(column);
            let field_doc = doc(&column_doc(column));
            let ty = syn::parse_str::<syn::Type>(&field_type(column, names)).expect("a Rust type");
            quote! { #field_doc pub #field: #ty, }
        });
        // A quoted mixed-case column (`postalCode_zipCode`) keeps its name as the field's, since
        // the derive reads the column the field is named after; the lint is about the struct.
        let mixed_case = table
            .columns
            .iter()
            .any(|c| c.name.chars().any(|c| c.is_ascii_uppercase()));
        let allow = mixed_case.then(|| quote! { #[allow(non_snake_case)] });
        let row = quote! {
            #table_doc
            #allow
            #[derive(Debug, Clone, PartialEq, lcfs_db::Row)]
            #[row(table = #name)]
            pub struct #rust_name { #(#fields)* }
        };
        let methods = methods(table, names).map(|m| quote! { #allow impl #rust_name { #m } });
        std::iter::once(row)
            .chain(methods)
            .chain(new_row(table, names))
    });
    items.collect()
}

/// The column's comment, then its name, SQL type, nullability and default.
fn column_doc(column: &Column) -> String {
    let mut facts = format!(
        "Column `{}`, `{}`",
        column.name,
        column.sql_type.canonical()
    );
    if !column.nullable {
        facts.push_str(", not null");
    }
    if let Some(default) = &column.default {
        facts.push_str(&format!(", default `{default}`"));
    }
    match &column.comment {
        Some(comment) => format!("{comment}\n\n{facts}"),
        None => facts,
    }
}
