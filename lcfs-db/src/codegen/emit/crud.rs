//! `get`, `update` and `delete` by primary key on each row struct, their SQL written here once,
//! shown in their docs and sent with every value as a parameter.

use proc_macro2::TokenStream;
use quote::quote;

use super::super::model::{Column, Table};
use super::super::names::Names;
use super::super::sql_type::SqlType;
use super::{doc, field_ident, quoted};

/// The methods of a table's row struct; nothing for a table without a primary key.
pub fn methods(table: &Table, names: &Names) -> Option<TokenStream> {
    let key = table.primary_key.as_ref()?;
    let key_columns: Vec<&Column> = key
        .columns
        .iter()
        .map(|name| table.column(name).expect("key columns exist"))
        .collect();
    let rest: Vec<&Column> = table
        .columns
        .iter()
        .filter(|c| !key.columns.contains(&c.name))
        .collect();
    let name = quoted(&table.name);
    let (reading, updating, deleting) = (
        format!("reading {}", table.name),
        format!("updating {}", table.name),
        format!("deleting from {}", table.name),
    );
    let key_match = key_columns
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{} = ${}", quoted(&c.name), i + 1))
        .collect::<Vec<_>>()
        .join(" AND ");
    let all: Vec<String> = table.columns.iter().map(|c| quoted(&c.name)).collect();
    let select = format!("SELECT {}\nFROM {name}\nWHERE {key_match}", all.join(", "));
    let delete = format!("DELETE FROM {name}\nWHERE {key_match}");

    let key_params = key_columns.iter().map(|c| {
        let (field, ty) = (field_ident(c), key_type(c, names));
        quote! { #field: #ty }
    });
    let key_params: Vec<TokenStream> = key_params.collect();
    let key_args: Vec<_> = key_columns.iter().map(|c| field_ident(c)).collect();
    let key_list = key_columns
        .iter()
        .map(|c| format!("`{}`", c.name))
        .collect::<Vec<_>>()
        .join(", ");

    let get_doc = doc(&format!(
        "The row whose primary key ({key_list}) is given, or `None`:\n\n```sql\n{select}\n```"
    ));
    let delete_doc = doc(&format!(
        "Deletes the row whose primary key ({key_list}) is given; whether there was one:\n\n\
         ```sql\n{delete}\n```"
    ));
    let update = (!rest.is_empty()).then(|| {
        let sets: Vec<String> = rest
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{} = ${}", quoted(&c.name), key_columns.len() + i + 1))
            .collect();
        let sql = format!(
            "UPDATE {name}\nSET {}\nWHERE {key_match}\nRETURNING *",
            sets.join(", ")
        );
        let update_doc = doc(&format!(
            "Writes every other column of `self` to the row with `self`'s primary key \
             ({key_list}), and returns the row as stored (triggers may change it), or `None` \
             when no row has that key:\n\n```sql\n{sql}\n```"
        ));
        let fields = key_columns.iter().chain(&rest).map(|c| field_ident(c));
        quote! {
            #update_doc
            pub async fn update(
                &self,
                client: &impl lcfs_db::tokio_postgres::GenericClient,
            ) -> Result<Option<Self>, lcfs_db::Error> {
                lcfs_db::crud::fetch(client, #updating, #sql, &[#(&self.#fields),*]).await
            }
        }
    });
    Some(quote! {
        #get_doc
        pub async fn get(
            client: &impl lcfs_db::tokio_postgres::GenericClient,
            #(#key_params),*
        ) -> Result<Option<Self>, lcfs_db::Error> {
            lcfs_db::crud::fetch(client, #reading, #select, &[#(&#key_args),*]).await
        }

        #update

        #delete_doc
        pub async fn delete(
            client: &impl lcfs_db::tokio_postgres::GenericClient,
            #(#key_params),*
        ) -> Result<bool, lcfs_db::Error> {
            lcfs_db::crud::change(client, #deleting, #delete, &[#(&#key_args),*]).await
        }
    })
}

/// A key argument's type: borrowed for text, bytes and JSON, by value otherwise.
fn key_type(column: &Column, names: &Names) -> syn::Type {
    let rust = match &column.sql_type {
        SqlType::Varchar(_) | SqlType::Char(_) | SqlType::Text => "&str".to_owned(),
        SqlType::Bytea => "&[u8]".to_owned(),
        SqlType::Json | SqlType::Jsonb => "&serde_json::Value".to_owned(),
        other => other.rust(&|pg_name| names.enum_path(pg_name)),
    };
    syn::parse_str(&rust).expect("a Rust type")
}
