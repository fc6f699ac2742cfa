//! `#[lcfs_db::test]`: an async test with a fresh database, on a runtime of its own.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::parse::Parser;
use syn::spanned::Spanned;
use syn::{Expr, FnArg, ItemFn};

/// Which database the test gets.
enum Database {
    /// At the head of the embedded migrations.
    Head,
    Empty,
    /// At the head of the set this expression gives.
    Migrations(Expr),
}

pub(crate) fn expand(args: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    let database = parse_args(args)?;
    let function: ItemFn = syn::parse2(item)?;
    check_signature(&function)?;
    let ItemFn {
        attrs,
        vis,
        sig,
        block,
        ..
    } = function;
    let (ident, output, inputs) = (&sig.ident, &sig.output, &sig.inputs);
    let argument_span = inputs.first().map_or(ident.span(), Spanned::span);
    let builder = match database {
        Database::Head => quote!(),
        Database::Empty => quote!(.empty()),
        Database::Migrations(set) => quote_spanned!(set.span()=> .migrations(#set)),
    };
    // Spanned at the argument, so a wrong argument type is reported there.
    let call = quote_spanned! {argument_span=>
        ::lcfs_db::testing::run_test(
            ::lcfs_db::testing::TestDatabase::builder()
                .label(::core::stringify!(#ident))
                #builder,
            #ident,
        )
    };
    Ok(quote! {
        #(#attrs)*
        #[::core::prelude::v1::test]
        #vis fn #ident() #output {
            async fn #ident(#inputs) #output #block
            #call
        }
    })
}

fn parse_args(args: TokenStream) -> syn::Result<Database> {
    let mut database = Database::Head;
    let parser = syn::meta::parser(|meta| {
        if !matches!(database, Database::Head) {
            return Err(meta.error("give either `empty` or `migrations = ...`, once"));
        }
        if meta.path.is_ident("empty") {
            database = Database::Empty;
            Ok(())
        } else if meta.path.is_ident("migrations") {
            database = Database::Migrations(meta.value()?.parse()?);
            Ok(())
        } else {
            Err(meta.error("unknown argument: expected `empty` or `migrations = <set>`"))
        }
    });
    parser.parse2(args)?;
    Ok(database)
}

fn check_signature(function: &ItemFn) -> syn::Result<()> {
    let sig = &function.sig;
    if sig.asyncness.is_none() {
        return Err(syn::Error::new(
            sig.fn_token.span,
            "`#[lcfs_db::test]` needs an `async fn`",
        ));
    }
    if !sig.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(
            &sig.generics,
            "`#[lcfs_db::test]` functions cannot be generic",
        ));
    }
    let expected = "`#[lcfs_db::test]` functions take one argument, the database: \
                    `db: lcfs_db::testing::TestDatabase`";
    match sig.inputs.len() {
        0 => Err(syn::Error::new(sig.paren_token.span.join(), expected)),
        1 => match &sig.inputs[0] {
            FnArg::Receiver(receiver) => Err(syn::Error::new_spanned(receiver, expected)),
            FnArg::Typed(_) => Ok(()),
        },
        _ => {
            let extra = sig.inputs.iter().skip(1);
            Err(syn::Error::new_spanned(quote!(#(#extra),*), expected))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(args: TokenStream, item: TokenStream) -> String {
        expand(args, item).unwrap_err().to_string()
    }

    #[test]
    fn expands_to_a_test_running_the_body() {
        let expanded = expand(
            quote!(migrations = my_set()),
            quote!(
                #[ignore]
                async fn works(db: TestDatabase) -> Result<(), E> {
                    body(db)
                }
            ),
        )
        .unwrap()
        .to_string();
        assert!(expanded.starts_with(
            "# [ignore] # [:: core :: prelude :: v1 :: test] fn works () -> Result < () , E >"
        ));
        assert!(
            expanded
                .contains("async fn works (db : TestDatabase) -> Result < () , E > { body (db) }")
        );
        assert!(expanded.contains(". migrations (my_set ())"));
    }

    #[test]
    fn rejects_misuse() {
        assert!(
            error(
                quote!(),
                quote!(
                    fn f(db: D) {}
                )
            )
            .contains("needs an `async fn`")
        );
        assert!(
            error(
                quote!(),
                quote!(
                    async fn f() {}
                )
            )
            .contains("one argument")
        );
        assert!(
            error(
                quote!(),
                quote!(
                    async fn f(a: D, b: D) {}
                )
            )
            .contains("one argument")
        );
        assert!(
            error(
                quote!(),
                quote!(
                    async fn f<T>(a: T) {}
                )
            )
            .contains("generic")
        );
        assert!(
            error(
                quote!(fresh),
                quote!(
                    async fn f(a: D) {}
                )
            )
            .contains("unknown argument")
        );
        assert!(
            error(
                quote!(empty, empty),
                quote!(
                    async fn f(a: D) {}
                )
            )
            .contains("once")
        );
    }
}
