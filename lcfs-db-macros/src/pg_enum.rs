//! `#[derive(PgEnum)]`: `lcfs_db::PgEnum`, `ToSql`, `FromSql`, `Display` and `FromStr` for a
//! fieldless enum mirroring one Postgres enum type.

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Data, DataEnum, DeriveInput, Fields, Ident, Variant};

use crate::attr::{Options, SqlName};

pub(crate) fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let data = enum_data(input)?;
    let options = Options::parse(&input.attrs, "pg_enum", "an enum", &["type"])?;
    let Some(type_name) = options.get("type") else {
        return Err(syn::Error::new(
            input.ident.span(),
            "#[derive(PgEnum)] needs the Postgres type: #[pg_enum(type = \"...\")]",
        ));
    };
    let type_name = SqlName::identifier("type", type_name)?.value;
    let mut variants: Vec<(&Ident, SqlName)> = Vec::with_capacity(data.variants.len());
    for variant in &data.variants {
        if !matches!(variant.fields, Fields::Unit) {
            return Err(syn::Error::new(
                variant.fields.span(),
                "a Postgres enum label carries no data: remove the fields",
            ));
        }
        let label = label(variant)?;
        if let Some((other, _)) = variants.iter().find(|(_, l)| l.value == label.value) {
            return Err(syn::Error::new(
                label.span,
                format!(
                    "label {:?} already belongs to variant `{other}`",
                    label.value
                ),
            ));
        }
        variants.push((&variant.ident, label));
    }
    Ok(impls(&input.ident, &type_name, &variants))
}

fn impls(ident: &Ident, type_name: &str, variants: &[(&Ident, SqlName)]) -> TokenStream {
    let variant_idents: Vec<&Ident> = variants.iter().map(|(v, _)| *v).collect();
    let labels: Vec<&String> = variants.iter().map(|(_, l)| &l.value).collect();
    let private = quote!(::lcfs_db::__private);
    let postgres_types = quote!(#private::postgres_types);
    let box_error = quote! {
        ::std::boxed::Box<dyn ::std::error::Error + ::core::marker::Sync + ::core::marker::Send>
    };
    quote! {
        #[automatically_derived]
        impl ::lcfs_db::PgEnum for #ident {
            const TYPE_NAME: &'static str = #type_name;
            const VARIANTS: &'static [Self] = &[#(Self::#variant_idents),*];

            fn label(self) -> &'static str {
                match self {
                    #(Self::#variant_idents => #labels,)*
                }
            }

            fn from_label(label: &str) -> ::core::result::Result<Self, ::lcfs_db::UnknownLabel> {
                match label {
                    #(#labels => ::core::result::Result::Ok(Self::#variant_idents),)*
                    _ => ::core::result::Result::Err(::lcfs_db::UnknownLabel {
                        type_name: <Self as ::lcfs_db::PgEnum>::TYPE_NAME,
                        label: ::std::borrow::ToOwned::to_owned(label),
                    }),
                }
            }
        }

        #[automatically_derived]
        impl #postgres_types::ToSql for #ident {
            fn to_sql(
                &self,
                _: &#postgres_types::Type,
                out: &mut #private::bytes::BytesMut,
            ) -> ::core::result::Result<#postgres_types::IsNull, #box_error> {
                #private::enum_to_sql(*self, out)
            }

            fn accepts(ty: &#postgres_types::Type) -> bool {
                #private::enum_accepts::<Self>(ty)
            }

            #postgres_types::to_sql_checked!();
        }

        #[automatically_derived]
        impl<'a> #postgres_types::FromSql<'a> for #ident {
            fn from_sql(
                _: &#postgres_types::Type,
                raw: &'a [u8],
            ) -> ::core::result::Result<Self, #box_error> {
                #private::enum_from_sql(raw)
            }

            fn accepts(ty: &#postgres_types::Type) -> bool {
                #private::enum_accepts::<Self>(ty)
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(<Self as ::lcfs_db::PgEnum>::label(*self))
            }
        }

        #[automatically_derived]
        impl ::core::str::FromStr for #ident {
            type Err = ::lcfs_db::UnknownLabel;

            fn from_str(label: &str) -> ::core::result::Result<Self, Self::Err> {
                <Self as ::lcfs_db::PgEnum>::from_label(label)
            }
        }
    }
}

/// The variant's `label`, else its identifier without `r#`.
fn label(variant: &Variant) -> syn::Result<SqlName> {
    let options = Options::parse(&variant.attrs, "pg_enum", "a variant", &["label"])?;
    match options.get("label") {
        Some(lit) => SqlName::label(lit),
        None => {
            let ident = variant.ident.unraw();
            SqlName::new(ident.to_string(), ident.span())
        }
    }
}

fn enum_data(input: &DeriveInput) -> syn::Result<&DataEnum> {
    let (span, what) = match &input.data {
        Data::Enum(data) if input.generics.params.is_empty() => return Ok(data),
        Data::Enum(_) => (input.generics.span(), "a generic enum"),
        Data::Struct(data) => (data.struct_token.span, "a struct"),
        Data::Union(data) => (data.union_token.span, "a union"),
    };
    Err(syn::Error::new(
        span,
        format!("#[derive(PgEnum)] needs a fieldless enum, not {what}"),
    ))
}
