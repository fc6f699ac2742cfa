//! A field's type as its author wrote it (`Option<i32>`), for error messages.
//!
//! `std::any::type_name` would say `core::option::Option<i32>`, and `ToTokens` puts spaces
//! around every token (`Option < i32 >`); neither is what the reader of the struct sees.

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};
use quote::ToTokens;
use syn::Type;

pub(crate) fn type_text(ty: &Type) -> String {
    let mut text = String::new();
    write_tokens(ty.to_token_stream(), &mut text);
    text
}

fn write_tokens(tokens: TokenStream, text: &mut String) {
    let mut tokens = tokens.into_iter().peekable();
    while let Some(token) = tokens.next() {
        match token {
            TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::Brace => ("{", "}"),
                    Delimiter::None => ("", ""),
                };
                text.push_str(open);
                write_tokens(group.stream(), text);
                text.push_str(close);
            }
            TokenTree::Punct(punct) => match punct.as_char() {
                ',' | ';' => text.extend([punct.as_char(), ' ']),
                '+' => text.push_str(" + "),
                '-' if punct.spacing() == Spacing::Joint
                    && matches!(tokens.peek(), Some(TokenTree::Punct(p)) if p.as_char() == '>') =>
                {
                    tokens.next();
                    text.push_str(" -> ");
                }
                other => text.push(other),
            },
            word => {
                // Words that touch would merge: `dyn Trait`, `&'a mut T`.
                if text.ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                    text.push(' ');
                }
                text.push_str(&word.to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::type_text;
    use syn::parse_quote;

    #[test]
    fn types_read_as_written() {
        let cases: [(syn::Type, &str); 8] = [
            (parse_quote!(Option<i32>), "Option<i32>"),
            (
                parse_quote!(chrono::DateTime<chrono::Utc>),
                "chrono::DateTime<chrono::Utc>",
            ),
            (parse_quote!(Option<Vec<u8>>), "Option<Vec<u8>>"),
            (parse_quote!(HashMap<String, i32>), "HashMap<String, i32>"),
            (parse_quote!(&'static str), "&'static str"),
            (parse_quote!([u8; 16]), "[u8; 16]"),
            (parse_quote!(Box<dyn Error + Send>), "Box<dyn Error + Send>"),
            (parse_quote!(fn(i32) -> i64), "fn(i32) -> i64"),
        ];
        for (ty, expected) in cases {
            assert_eq!(type_text(&ty), expected);
        }
    }
}
