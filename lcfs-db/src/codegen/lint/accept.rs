//! `-- lcfs-db: accept <rule> because <reason>`: a finding accepted on purpose, its reason kept.
//! A directive that names no rule, gives no reason, stands where no statement follows, or
//! accepts what the statement below does not do is an error, so none goes stale unnoticed.

use super::super::directive::{self, ACCEPT, Directive};
use super::super::error::{BuildError, ErrorKind};
use super::super::source::SourceFile;
use super::migration::Finding;
use super::rule;

/// A finding its directive accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    pub rule: &'static str,
    pub reason: String,
    /// 1-based line of the statement in its file.
    pub line: usize,
}

/// The accepted findings, and an error for each other finding and each wrong directive.
pub fn resolve(
    file: &SourceFile,
    statements: &[usize],
    findings: Vec<Finding>,
) -> (Vec<Accepted>, Vec<BuildError>) {
    let attached: Vec<(usize, Directive)> = statements
        .iter()
        .flat_map(|&s| {
            directive::above(&file.text, s)
                .into_iter()
                .map(move |d| (s, d))
        })
        .filter(|(_, d)| d.name == ACCEPT)
        .collect();
    let mut errors: Vec<(usize, BuildError)> = Vec::new();
    let error = |d: &Directive, message: String| {
        let width = file.text[d.offset..]
            .lines()
            .next()
            .map_or(1, |l| l.trim_end().chars().count());
        (
            d.offset,
            BuildError::new(ErrorKind::Directive, message).at(file.at_offset(d.offset, width)),
        )
    };
    for d in directive::all(&file.text)
        .iter()
        .filter(|d| d.name == ACCEPT)
    {
        let (name, reason) = directive::because(d.argument);
        if !attached.iter().any(|(_, a)| a == d) {
            errors.push(error(
                d,
                "this `accept` directive is not on the comment lines directly above a statement"
                    .into(),
            ));
        } else if rule(name).is_none() {
            errors.push(error(d, format!("`{name}` is not a lint rule")));
        } else if reason.is_none() {
            errors.push(error(
                d,
                format!(
                    "`accept {name}` needs a reason: `-- lcfs-db: accept {name} because <reason>`"
                ),
            ));
        }
    }
    let mut used = vec![false; attached.len()];
    let mut accepted = Vec::new();
    for finding in findings {
        let by = attached.iter().position(|(s, d)| {
            *s == finding.statement
                && matches!(directive::because(d.argument), (n, Some(_)) if n == finding.rule.name)
        });
        match by {
            Some(index) => {
                used[index] = true;
                accepted.push(Accepted {
                    rule: finding.rule.name,
                    reason: directive::because(attached[index].1.argument)
                        .1
                        .expect("matched with a reason")
                        .to_owned(),
                    line: file.text[..finding.statement].matches('\n').count() + 1,
                });
            }
            None => errors.push((finding.statement, render(finding))),
        }
    }
    for ((_, d), used) in attached.iter().zip(used) {
        if let (name, Some(_)) = directive::because(d.argument)
            && !used
            && rule(name).is_some()
        {
            errors.push(error(
                d,
                format!(
                    "`accept {name}`: the statement below breaks no such rule; remove the directive"
                ),
            ));
        }
    }
    errors.sort_by_key(|(offset, _)| *offset);
    (accepted, errors.into_iter().map(|(_, e)| e).collect())
}

/// A finding as the build shows it: the rule, where, why, the safe way, and how to accept it.
fn render(finding: Finding) -> BuildError {
    let rule = finding.rule;
    BuildError::new(ErrorKind::Lint, finding.flag.message)
        .code(rule.name)
        .at(finding.location)
        .note("why", rule.why)
        .note("help", format!("the safe way:\n{}", rule.safe))
        .note(
            "help",
            format!("to do it anyway, say why on the line above the statement:\n-- lcfs-db: accept {} because <reason>", rule.name),
        )
}
