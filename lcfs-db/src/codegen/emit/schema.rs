//! `schema.rs`: the schema model as static data, in the types of `crate::schema`.

use proc_macro2::TokenStream;
use quote::quote;

use super::super::model::{ConstraintName, Key, Model};
use super::super::names::Names;

pub fn schema(model: &Model, names: &Names) -> TokenStream {
    let mut tables: Vec<_> = model.tables.iter().collect();
    tables.sort_by(|a, b| a.name.cmp(&b.name));
    let tables = tables.into_iter().map(|table| {
        let (name, domain) = (&table.name, &table.domain);
        let rust_name = &names.tables[name];
        let comment = option(table.comment.as_deref());
        let columns = table.columns.iter().map(|column| {
            let name = &column.name;
            let sql_type = column.sql_type.canonical();
            let rust_type = column.sql_type.rust(&|pg_name| names.enum_path(pg_name));
            let nullable = column.nullable;
            let default = option(column.default.as_deref());
            let comment = option(column.comment.as_deref());
            quote! { Column { name: #name, sql_type: #sql_type, rust_type: #rust_type, nullable: #nullable, default: #default, comment: #comment } }
        });
        let primary_key = match &table.primary_key {
            Some(key) => {
                let key = constraint(key);
                quote! { Some(#key) }
            }
            None => quote! { None },
        };
        let foreign_keys = table.foreign_keys.iter().map(|fk| {
            let name = constraint_name(&fk.name);
            let (columns, ref_table, ref_columns) = (&fk.columns, &fk.ref_table, &fk.ref_columns);
            let (on_delete, on_update) = (fk.on_delete, fk.on_update);
            quote! {
                ForeignKey { name: #name, columns: &[#(#columns),*], ref_table: #ref_table, ref_columns: &[#(#ref_columns),*], on_delete: #on_delete, on_update: #on_update }
            }
        });
        let uniques = table.uniques.iter().map(constraint);
        let checks = table.checks.iter().map(|check| {
            let (name, expression) = (constraint_name(&check.name), &check.expression);
            quote! { Check { name: #name, expression: #expression } }
        });
        quote! {
            Table {
                name: #name, rust_name: #rust_name, domain: #domain, comment: #comment,
                columns: &[#(#columns),*], primary_key: #primary_key, foreign_keys: &[#(#foreign_keys),*],
                uniques: &[#(#uniques),*], checks: &[#(#checks),*],
            }
        }
    });
    let mut enums: Vec<_> = model.enums.iter().collect();
    enums.sort_by(|a, b| a.name.cmp(&b.name));
    let enums = enums.into_iter().map(|enum_type| {
        let (name, labels) = (&enum_type.name, &enum_type.labels);
        let rust_name = &names.enums[name].0;
        quote! { EnumType { name: #name, rust_name: #rust_name, labels: &[#(#labels),*] } }
    });
    let created = model.created.iter().map(|created| {
        let (kind, name) = (created.kind, &created.name);
        let version = proc_macro2::Literal::i32_unsuffixed(created.version);
        quote! { Created { version: #version, kind: #kind, name: #name } }
    });
    quote! {
        pub(super) static SCHEMA: Schema = Schema {
            tables: &[#(#tables),*], enums: &[#(#enums),*], created: &[#(#created),*],
        };
    }
}

fn constraint(key: &Key) -> TokenStream {
    let name = constraint_name(&key.name);
    let columns = &key.columns;
    quote! { Constraint { name: #name, columns: &[#(#columns),*] } }
}

/// `Some(name)` when the migration named the constraint; `None` when PostgreSQL chose the name.
fn constraint_name(name: &ConstraintName) -> TokenStream {
    option(name.explicit.then_some(name.name.as_str()))
}

fn option(text: Option<&str>) -> TokenStream {
    match text {
        Some(text) => quote! { Some(#text) },
        None => quote! { None },
    }
}
