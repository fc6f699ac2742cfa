//! `New…` structs: a row to insert, its nullable and defaulted columns optional and left to the
//! database when `None`, inserted with `RETURNING *` so the stored row comes back.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::super::model::{Column, Table};
use super::super::names::Names;
use super::{doc, field_ident, field_type, ident, quoted};

/// The `New…` struct of a table, its constructor and `insert`, and its `lcfs_db::Insert`.
pub fn new_row(table: &Table, names: &Names) -> [TokenStream; 3] {
    let row = ident(&names.tables[&table.name]);
    let new = format_ident!("New{row}");
    let fields = table.columns.iter().map(|column| {
        let field = field_ident(column);
        let field_doc = doc(&format!(
            "Column `{}`, `{}`{}",
            column.name,
            column.sql_type.canonical(),
            match (is_optional(column), &column.default) {
                (true, Some(default)) => format!(": `None` leaves it to its default `{default}`"),
                (true, None) => ": `None` leaves it NULL".to_owned(),
                (false, _) => String::new(),
            }
        ));
        let ty = new_field_type(column, names);
        quote! { #field_doc pub #field: #ty, }
    });
    let required: Vec<&Column> = table.columns.iter().filter(|c| !is_optional(c)).collect();
    let params = required.iter().map(|c| {
        let (field, ty) = (field_ident(c), new_field_type(c, names));
        quote! { #field: #ty }
    });
    let inits = table.columns.iter().map(|c| {
        let field = field_ident(c);
        match is_optional(c) {
            true => quote! { #field: None },
            false => quote! { #field },
        }
    });
    let values = table.columns.iter().map(|c| {
        let field = field_ident(c);
        match is_optional(c) {
            true => quote! { lcfs_db::crud::optional(&self.#field) },
            false => quote! { lcfs_db::crud::given(&self.#field) },
        }
    });
    let new_doc = match required.as_slice() {
        [] => "Every column left to the database, as `Default` does.".to_owned(),
        columns => format!(
            "The row with the columns that have neither a default nor NULL allowed ({}); \
             every other column left to the database.",
            columns
                .iter()
                .map(|c| format!("`{}`", c.name))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let new_doc = doc(&new_doc);
    let all: Vec<String> = table.columns.iter().map(|c| quoted(&c.name)).collect();
    let slots: Vec<String> = (1..=all.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "INSERT INTO {} ({})\nVALUES ({})\nRETURNING *",
        quoted(&table.name),
        all.join(", "),
        slots.join(", ")
    );
    let struct_doc = doc(&format!(
        "A row to insert into `{}`: [`{new}::insert`] returns it as [`{row}`].",
        table.name
    ));
    let insert_doc = doc(&format!(
        "Inserts the row and returns it as stored, defaults filled in:\n\n```sql\n{sql}\n```\n\n\
         A `None` field is sent as `DEFAULT` instead of its parameter. \
         [`lcfs_db::insert_all`] inserts many rows in one statement."
    ));
    let default = required.is_empty().then(|| quote! { Default, });
    let many_arguments =
        (required.len() > 7).then(|| quote! { #[allow(clippy::too_many_arguments)] });
    let mixed_case = table
        .columns
        .iter()
        .any(|c| c.name.chars().any(|c| c.is_ascii_uppercase()));
    let allow = mixed_case.then(|| quote! { #[allow(non_snake_case)] });
    let definition = quote! {
        #struct_doc
        #allow
        #[derive(Debug, Clone, #default PartialEq)]
        pub struct #new { #(#fields)* }
    };
    let methods = quote! {
        #allow
        impl #new {
            #new_doc
            #many_arguments
            pub fn new(#(#params),*) -> Self {
                #new { #(#inits),* }
            }

            #insert_doc
            pub async fn insert(
                &self,
                client: &impl lcfs_db::tokio_postgres::GenericClient,
            ) -> Result<#row, lcfs_db::Error> {
                let mut rows = lcfs_db::insert_all(client, std::slice::from_ref(self)).await?;
                Ok(rows.pop().expect("an insert returns its row"))
            }
        }
    };
    let insert = quote! {
        impl lcfs_db::Insert for #new {
            type Row = #row;

            fn values(&self) -> Vec<Option<&(dyn lcfs_db::postgres_types::ToSql + Sync)>> {
                Vec::from([#(#values),*])
            }
        }
    };
    [definition, methods, insert]
}

/// Whether the insert may leave the column to the database: nullable or with a default.
fn is_optional(column: &Column) -> bool {
    column.nullable || column.default.is_some()
}

/// The row struct's type for the column, in an `Option` when the insert may leave it out.
fn new_field_type(column: &Column, names: &Names) -> syn::Type {
    let row_type = field_type(column, names);
    let ty = match (column.nullable, is_optional(column)) {
        (false, true) => format!("Option<{row_type}>"),
        _ => row_type,
    };
    syn::parse_str(&ty).expect("a Rust type")
}
