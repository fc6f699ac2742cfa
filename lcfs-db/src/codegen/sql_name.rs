//! SQL names as PostgreSQL resolves them: unquoted identifiers fold to lower case, and every
//! modelled object lives in the `public` schema.

use sqlparser::ast::{Ident, ObjectName, Spanned};
use sqlparser::tokenizer::Span;

/// Why a name was refused, and where.
pub type NameError = (String, Span);

/// A name and where it is written.
pub type Named = (String, Span);

/// The name an identifier denotes: `Organization` is `organization`, `"Organization"` is not.
pub fn ident_name(ident: &Ident) -> String {
    match ident.quote_style {
        Some(_) => ident.value.clone(),
        None => ident.value.to_ascii_lowercase(),
    }
}

/// The name of an object in `public`, written `name` or `public.name`.
pub fn unqualified(name: &ObjectName) -> Result<Named, NameError> {
    match qualified(name, 1)?.as_slice() {
        [(object, span)] => Ok((object.clone(), *span)),
        _ => unreachable!("qualified returns as many parts as asked"),
    }
}

/// A column written `table.column` or `public.table.column`: (table, column).
pub fn column(name: &ObjectName) -> Result<(Named, Named), NameError> {
    match qualified(name, 2)?.as_slice() {
        [table, column] => Ok((table.clone(), column.clone())),
        _ => unreachable!("qualified returns as many parts as asked"),
    }
}

/// The schema that qualifies a name of `parts` parts (`schema.table` for 1, `schema.table.column`
/// for 2), as written; `None` when the name is unqualified or not a plain name.
pub fn schema_of(name: &ObjectName, parts: usize) -> Option<String> {
    match name.0.as_slice() {
        [schema, ..] if name.0.len() == parts + 1 => schema.as_ident().map(ident_name),
        _ => None,
    }
}

/// The last `parts` parts of a name, after an optional `public` schema.
fn qualified(name: &ObjectName, parts: usize) -> Result<Vec<Named>, NameError> {
    let mut names = Vec::with_capacity(name.0.len());
    for part in &name.0 {
        let Some(ident) = part.as_ident() else {
            return Err((format!("`{name}` is not a plain name"), part.span()));
        };
        names.push((ident_name(ident), ident.span));
    }
    match names.len() {
        n if n == parts => Ok(names),
        n if n == parts + 1 && names[0].0 == "public" => Ok(names.split_off(1)),
        n if n == parts + 1 => {
            let message = format!(
                "schema `{}` is not modelled: objects live in `public`",
                names[0].0
            );
            Err((message, names[0].1))
        }
        _ => Err((format!("`{name}` does not name one object"), name.span())),
    }
}

/// The name as PostgreSQL prints it: in double quotes unless it is a plain lower-case identifier.
pub fn quoted_if_needed(name: &str) -> String {
    let plain = name.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if plain {
        name.to_owned()
    } else {
        format!("\"{}\"", name.replace('"', "\"\""))
    }
}

/// The name PostgreSQL chooses for an object named after others (its `makeObjectName`):
/// `organization_organization_id_seq`, `organization_pkey`; when that exceeds 63 bytes, the
/// longer of the two names is shortened first.
pub fn chosen(name1: &str, name2: Option<&str>, label: &str) -> String {
    const MAX_NAME_BYTES: usize = 63;
    let name2 = name2.unwrap_or_default();
    let separators = if name2.is_empty() { 1 } else { 2 };
    let available = MAX_NAME_BYTES.saturating_sub(label.len() + separators);
    let (mut len1, mut len2) = (name1.len(), name2.len());
    while len1 + len2 > available {
        if len1 > len2 { len1 -= 1 } else { len2 -= 1 }
    }
    let clip = |name: &str, mut len: usize| {
        while !name.is_char_boundary(len) {
            len -= 1;
        }
        name[..len].to_owned()
    };
    let mut chosen = clip(name1, len1);
    if !name2.is_empty() {
        chosen = format!("{chosen}_{}", clip(name2, len2));
    }
    format!("{chosen}_{label}")
}
