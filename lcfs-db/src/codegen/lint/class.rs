//! A migration's class: *expand* when old code keeps working (it only adds, or changes what old
//! code cannot observe), *contract* when it removes, renames or narrows something old code may
//! use. Computed from the statements' events; a header directive with a reason overrides it.

use super::super::directive::{self, CLASS};
use super::super::error::{BuildError, ErrorKind};
use super::super::source::SourceFile;
use super::accept::Accepted;
use super::changes::Change;

/// Whether old code keeps working once the migration is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Expand,
    Contract,
}

/// What the lint concluded about a migration that passed it.
#[derive(Debug, Clone)]
pub struct Verdict {
    pub class: Class,
    /// The directive's reason when it set the class, else what the analysis found.
    pub reason: String,
    /// Whether a `class` directive set the class.
    pub overridden: bool,
    /// The findings its directives accept, with their reasons.
    pub accepted: Vec<Accepted>,
}

/// The class from the changes, or from the header's `class` directive.
pub fn verdict(
    file: &SourceFile,
    changes: &[Change],
    accepted: Vec<Accepted>,
) -> Result<Verdict, BuildError> {
    let computed = if changes.is_empty() {
        (
            Class::Expand,
            "adds only: removes, renames and narrows nothing".to_owned(),
        )
    } else {
        let mut listed: Vec<String> = changes
            .iter()
            .take(3)
            .map(|c| format!("{} (line {})", c.what, c.line))
            .collect();
        if changes.len() > 3 {
            listed.push(format!("and {} more", changes.len() - 3));
        }
        (Class::Contract, listed.join("; "))
    };
    let header = directive::header(&file.text);
    let misplaced = directive::all(&file.text)
        .into_iter()
        .find(|d| d.name == CLASS && !header.contains(d));
    let error = |d: &directive::Directive, message: String| {
        BuildError::new(ErrorKind::Directive, message)
            .at(file.at_offset(d.offset, d.name.len() + 12))
    };
    if let Some(d) = misplaced {
        return Err(error(
            &d,
            "a `class` directive belongs in the file's header, before the first statement".into(),
        ));
    }
    let Some(d) = header.iter().find(|d| d.name == CLASS) else {
        let (class, reason) = computed;
        return Ok(Verdict {
            class,
            reason,
            overridden: false,
            accepted,
        });
    };
    let (word, reason) = directive::because(d.argument);
    let class = match word {
        "expand" => Class::Expand,
        "contract" => Class::Contract,
        other => {
            return Err(error(
                d,
                format!("unknown class `{other}`: a migration is `expand` or `contract`"),
            ));
        }
    };
    let Some(reason) = reason else {
        return Err(error(
            d,
            format!("`class {word}` needs a reason: `-- lcfs-db: class {word} because <reason>`"),
        ));
    };
    Ok(Verdict {
        class,
        reason: reason.to_owned(),
        overridden: true,
        accepted,
    })
}
