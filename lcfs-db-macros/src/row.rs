//! `#[derive(Row)]`: `lcfs_db::FromRow` for a struct with named fields.

use heck::ToSnakeCase;
use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Field, Fields};

use crate::attr::{Options, SqlName};
use crate::type_text::type_text;

pub(crate) fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let fields = named_fields(input)?;
    let options = Options::parse(&input.attrs, "row", "a struct", &["table"])?;
    let table = match options.get("table") {
        Some(lit) => SqlName::identifier("table", lit)?,
        None => {
            let ident = input.ident.unraw();
            SqlName::new(ident.to_string().to_snake_case(), ident.span())?
        }
    };
    let mut columns: Vec<(&Field, SqlName)> = Vec::with_capacity(fields.len());
    for field in fields {
        let column = column_name(field)?;
        if let Some((other, _)) = columns.iter().find(|(_, c)| c.value == column.value) {
            let other = other.ident.as_ref().expect("named field");
            return Err(syn::Error::new(
                column.span,
                format!(
                    "column `{}` is already read by field `{other}`",
                    column.value
                ),
            ));
        }
        columns.push((field, column));
    }

    let ident = &input.ident;
    let (impl_generics, type_generics, where_clause) = input.generics.split_for_impl();
    let table = table.value;
    let column_names = columns.iter().map(|(_, c)| &c.value);
    let decoded_fields = columns.iter().map(|(field, column)| {
        let (field_ident, ty, column) = (&field.ident, &field.ty, &column.value);
        let rust_type = type_text(ty);
        quote! {
            #field_ident: ::lcfs_db::__private::decode_column::<#ty>(
                row, <Self as ::lcfs_db::FromRow>::TABLE, #column, #rust_type,
            )?
        }
    });
    Ok(quote! {
        #[automatically_derived]
        impl #impl_generics ::lcfs_db::FromRow for #ident #type_generics #where_clause {
            const TABLE: &'static str = #table;
            const COLUMNS: &'static [&'static str] = &[#(#column_names),*];

            fn from_row(
                row: &::lcfs_db::__private::tokio_postgres::Row,
            ) -> ::core::result::Result<Self, ::lcfs_db::RowError> {
                ::core::result::Result::Ok(Self { #(#decoded_fields),* })
            }
        }
    })
}

fn named_fields(input: &DeriveInput) -> syn::Result<Vec<&Field>> {
    let problem = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(fields) => return Ok(fields.named.iter().collect()),
            Fields::Unnamed(fields) => (fields.span(), "a tuple struct has no column names"),
            Fields::Unit => (input.ident.span(), "a unit struct has no columns"),
        },
        Data::Enum(data) => (data.enum_token.span, "an enum is not a row"),
        Data::Union(data) => (data.union_token.span, "a union is not a row"),
    };
    let (span, why) = problem;
    Err(syn::Error::new(
        span,
        format!("#[derive(Row)] needs a struct with named fields: {why}"),
    ))
}

/// The field's `rename`, else its identifier without `r#`.
fn column_name(field: &Field) -> syn::Result<SqlName> {
    let options = Options::parse(&field.attrs, "row", "a field", &["rename"])?;
    match options.get("rename") {
        Some(lit) => SqlName::identifier("rename", lit),
        None => {
            let ident = field.ident.as_ref().expect("named field").unraw();
            SqlName::new(ident.to_string(), ident.span())
        }
    }
}
