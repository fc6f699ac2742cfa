//! Asking before anything destructive, and refusing when nobody can be asked.

use std::io::{self, BufRead, IsTerminal};

use super::output;

/// Asks `question` on the terminal unless `assume_yes`; without a terminal it refuses.
pub fn confirm(question: &str, assume_yes: bool) -> Result<bool, String> {
    if assume_yes {
        return Ok(true);
    }
    let stdin = io::stdin();
    if !stdin.is_terminal() {
        return Err(
            "refusing to continue without confirmation: standard input is not a terminal \
             (pass --yes to confirm non-interactively)"
                .to_owned(),
        );
    }
    output::stderr(format_args!("{question} [y/N] "));
    let mut answer = String::new();
    stdin
        .lock()
        .read_line(&mut answer)
        .map_err(|e| e.to_string())?;
    Ok(matches!(
        answer.trim().to_ascii_lowercase().as_str(),
        "y" | "yes"
    ))
}
