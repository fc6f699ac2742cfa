//! `tables.rs`: one row struct per table, deriving `lcfs_db::Row`.

use proc_macro2::TokenStream;
use quote::quote;

use super::super::model::{Column, Model};
use super::super::names::{Names, field_name};
use super::{doc, ident};

pub fn tables(model: &Model, names: &Names) -> Vec<TokenStream> {
    let mut tables: Vec<_> = model.tables.iter().collect();
    tables.sort_by(|a, b| a.name.cmp(&b.name));
    let structs = tables.into_iter().map(|table| {
        let name = &table.name;
        let rust_name = ident(&names.tables[name]);
        let table_doc = doc(table
            .comment
            .as_deref()
            .unwrap_or(&format!("A row of `{name}`.")));
        let fields = table.columns.iter().map(|column| {
            let field = ident(&field_name(&column.name).expect("names checked every column"));
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
        quote! {
            #table_doc
            #allow
            #[derive(Debug, Clone, PartialEq, lcfs_db::Row)]
            #[row(table = #name)]
            pub struct #rust_name { #(#fields)* }
        }
    });
    structs.collect()
}

/// The field's type: the column's Rust type, in an `Option` when the column is nullable.
pub fn field_type(column: &Column, names: &Names) -> String {
    let rust = column.sql_type.rust(&|pg_name| names.enum_path(pg_name));
    match column.nullable {
        true => format!("Option<{rust}>"),
        false => rust,
    }
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
