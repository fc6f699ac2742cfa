//! Lock timeout, statement timeout and lock retries as people write them: `30s`, `20min`, `5`.
//! One grammar for the command-line flags and the header directives, read by the build (which
//! rejects a malformed value), the runtime and the command line alike.

use std::time::Duration;

use super::directive::{self, Directive};

/// `-- lcfs-db: lock-timeout 30s`: how long each statement of the migration waits for a lock.
pub const LOCK_TIMEOUT: &str = "lock-timeout";
/// `-- lcfs-db: statement-timeout 20min`: how long each statement of the migration may run.
pub const STATEMENT_TIMEOUT: &str = "statement-timeout";
/// `-- lcfs-db: lock-retries 5`: how often the migration is retried after a lock timeout
/// or a deadlock.
pub const LOCK_RETRIES: &str = "lock-retries";

/// PostgreSQL's limit for both timeouts: an `int` of milliseconds.
const MAX_MILLIS: u128 = i32::MAX as u128;
/// Each retry waits a lock timeout and a backoff: a hundred of them is already over an hour.
const MAX_RETRIES: u32 = 100;

/// What a migration's header sets for itself; `None` leaves the run's setting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HeaderSettings {
    pub lock_timeout: Option<Duration>,
    pub statement_timeout: Option<Duration>,
    pub lock_retries: Option<u32>,
}

/// A header directive whose argument does not parse, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadDirective<'a> {
    pub directive: Directive<'a>,
    /// Byte offset of the argument (or of the end of the name, when there is none) in the file.
    pub offset: usize,
    pub message: String,
}

/// The timeout and retry directives of `sql`'s header.
pub fn header_settings(sql: &str) -> Result<HeaderSettings, BadDirective<'_>> {
    let mut settings = HeaderSettings::default();
    for found in directive::header(sql) {
        let checked = match found.name {
            LOCK_TIMEOUT => set(&mut settings.lock_timeout, parse_duration(found.argument)),
            STATEMENT_TIMEOUT => set(
                &mut settings.statement_timeout,
                parse_duration(found.argument),
            ),
            LOCK_RETRIES => set(
                &mut settings.lock_retries,
                parse_lock_retries(found.argument),
            ),
            _ => Ok(()),
        };
        if let Err(message) = checked {
            return Err(BadDirective {
                directive: found,
                offset: argument_offset(sql, &found),
                message: format!("`{}` {message}", found.name),
            });
        }
    }
    Ok(settings)
}

fn set<T>(slot: &mut Option<T>, value: Result<T, String>) -> Result<(), String> {
    match slot {
        Some(_) => Err("is given twice in the header".to_owned()),
        None => {
            *slot = Some(value?);
            Ok(())
        }
    }
}

fn argument_offset(sql: &str, found: &Directive<'_>) -> usize {
    let line = &sql[found.offset..];
    let after_name = line
        .find(found.name)
        .map_or(0, |start| start + found.name.len());
    let argument = match found.argument {
        "" => None,
        argument => line[after_name..].find(argument),
    };
    found.offset + after_name + argument.unwrap_or(0)
}

/// A duration with its unit, as PostgreSQL writes them: `500ms`, `30s`, `1.5s`, `20min`, `2h`,
/// `1d`; `0` means no limit, as it does for `lock_timeout` and `statement_timeout`.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let expected = || {
        format!(
            "takes a duration with a unit, such as 500ms, 30s, 20min or 2h (units: ms, s, min, \
             h, d; 0 for no limit), not {text:?}"
        )
    };
    if text == "0" {
        return Ok(Duration::ZERO);
    }
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .ok_or_else(expected)?;
    let (number, unit) = (&text[..split], text[split..].trim_start());
    let millis_per_unit = match unit {
        "ms" => 1.0,
        "s" => 1e3,
        "min" => 60e3,
        "h" => 3600e3,
        "d" => 86400e3,
        _ => return Err(expected()),
    };
    let number: f64 = number.parse().map_err(|_| expected())?;
    let millis = (number * millis_per_unit).round();
    if millis > MAX_MILLIS as f64 {
        return Err(format!(
            "is longer than PostgreSQL's limit of {MAX_MILLIS}ms (about 24 days): {text:?}"
        ));
    }
    Ok(Duration::from_millis(millis as u64))
}

/// How many times a migration is retried after a lock timeout: a whole number up to 100.
pub fn parse_lock_retries(text: &str) -> Result<u32, String> {
    match text.trim().parse::<u32>() {
        Ok(retries) if retries <= MAX_RETRIES => Ok(retries),
        _ => Err(format!(
            "takes a whole number of retries from 0 to {MAX_RETRIES}, not {text:?}"
        )),
    }
}

/// `d` as [`parse_duration`] reads it back: the largest unit that divides it, in whole ms.
pub fn format_duration(d: Duration) -> String {
    let millis = d.as_millis();
    if millis == 0 {
        return "0".to_owned();
    }
    let (per_unit, unit) = [
        (86_400_000, "d"),
        (3_600_000, "h"),
        (60_000, "min"),
        (1000, "s"),
    ]
    .into_iter()
    .find(|(per_unit, _)| millis.is_multiple_of(*per_unit))
    .unwrap_or((1, "ms"));
    format!("{}{unit}", millis / per_unit)
}

/// `d` as a value for `SET lock_timeout` or `SET statement_timeout`.
pub fn setting_value(d: Duration) -> String {
    format!("{}ms", d.as_millis().min(MAX_MILLIS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_postgres_writes_them() {
        let ms = Duration::from_millis;
        for (text, expected) in [
            ("500ms", ms(500)),
            ("30s", ms(30_000)),
            ("1.5s", ms(1500)),
            ("20min", ms(1_200_000)),
            ("2 h", ms(7_200_000)),
            ("1d", ms(86_400_000)),
            ("0", Duration::ZERO),
        ] {
            assert_eq!(parse_duration(text), Ok(expected), "{text}");
            assert_eq!(parse_duration(&format_duration(expected)), Ok(expected));
        }
        assert_eq!(format_duration(ms(1_200_000)), "20min");
        assert_eq!(format_duration(ms(1500)), "1500ms");
        assert_eq!(setting_value(ms(1500)), "1500ms");
        for bad in ["30", "30sec", "s", "", "-1s", "1.2.3s", "25d"] {
            assert!(parse_duration(bad).is_err(), "{bad:?} must be refused");
        }
        assert!(parse_duration("30").unwrap_err().contains("with a unit"));
    }

    #[test]
    fn header_directives_set_timeouts_and_point_at_a_bad_argument() {
        let sql = "-- V016: backfill\n-- lcfs-db: statement-timeout 20min\n-- lcfs-db: lock-retries 5\n\
                   UPDATE t SET x = 1;\n-- lcfs-db: lock-timeout 1s\n";
        let settings = header_settings(sql).unwrap();
        assert_eq!(settings.statement_timeout, Some(Duration::from_secs(1200)));
        assert_eq!(settings.lock_retries, Some(5));
        assert_eq!(settings.lock_timeout, None, "only the header counts");

        let sql = "-- lcfs-db: no-transaction\n-- lcfs-db: lock-timeout 30\nSELECT 1;";
        let bad = header_settings(sql).unwrap_err();
        assert_eq!(bad.directive.line, 2);
        assert_eq!(&sql[bad.offset..bad.offset + 2], "30");
        assert!(bad.message.starts_with("`lock-timeout` takes a duration"));

        let twice = "-- lcfs-db: lock-retries 1\n-- lcfs-db: lock-retries 2\n";
        assert!(
            header_settings(twice)
                .unwrap_err()
                .message
                .contains("twice")
        );
        let empty = "-- lcfs-db: lock-retries\n";
        assert_eq!(header_settings(empty).unwrap_err().offset, 24);
        assert!(parse_lock_retries("101").is_err());
    }
}
