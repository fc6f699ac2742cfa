//! `migrations.rs`: the embedded migration list, the SQL included from the files themselves.

use proc_macro2::TokenStream;
use quote::quote;

use super::super::lint::{Class, Verdict};

/// One migration as the generated list embeds it.
pub struct Embedded {
    pub version: i32,
    pub name: String,
    /// Relative to the crate root, with `/` separators.
    pub up: String,
    pub down: String,
    /// The up file's statements when it runs outside a transaction (`-- lcfs-db: no-transaction`).
    pub statements: Option<Vec<String>>,
    /// Where each statement of the up file starts and ends, in bytes: the runner sends them one by
    /// one and names the one that fails.
    pub up_split: Vec<(usize, usize)>,
    pub down_split: Vec<(usize, usize)>,
    /// Its class and the lint findings its directives accept.
    pub verdict: Verdict,
}

pub fn migrations(migrations: &[Embedded]) -> TokenStream {
    let entries = migrations.iter().map(|m| {
        let Embedded {
            version,
            name,
            up,
            down,
            statements,
            up_split,
            down_split,
            verdict,
        } = m;
        // Paths from the crate root keep the generated file the same on every machine.
        let (up, down) = (format!("/{up}"), format!("/{down}"));
        let version = proc_macro2::Literal::i32_unsuffixed(*version);
        let transactional = statements.is_none();
        let statements = statements.iter().flatten();
        let ranges = |split: &[(usize, usize)]| {
            let ranges = split.iter().map(|&(start, end)| {
                let (start, end) = (
                    proc_macro2::Literal::usize_unsuffixed(start),
                    proc_macro2::Literal::usize_unsuffixed(end),
                );
                quote! { (#start, #end) }
            });
            quote! { &[#(#ranges),*] }
        };
        let (up_split, down_split) = (ranges(up_split), ranges(down_split));
        let class = match verdict.class {
            Class::Expand => quote! { Class::Expand },
            Class::Contract => quote! { Class::Contract },
        };
        let (reason, overridden) = (&verdict.reason, verdict.overridden);
        let accepted = verdict.accepted.iter().map(|a| {
            let (rule, reason) = (a.rule, &a.reason);
            let line = proc_macro2::Literal::usize_unsuffixed(a.line);
            quote! { Accepted::new(#rule, #reason, #line) }
        });
        quote! {
            Migration::embedded(
                #version,
                #name,
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), #up)),
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), #down)),
                #transactional,
                &[#(#statements),*],
            )
            .split_at_build(#up_split, #down_split)
            .classified(#class, #reason, #overridden, &[#(#accepted),*]),
        }
    });
    quote! { pub(super) static MIGRATIONS: &[Migration] = &[#(#entries)*]; }
}
