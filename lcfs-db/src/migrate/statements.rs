//! The statements of a migration file as the runner sends them: the build's split for embedded
//! migrations (the split the build parsed and checked), the runtime's for hand-made ones.

use super::split::{Statement, split};

/// `sql`'s statements from the build's byte ranges, else from `texts` found again in `sql`
/// (a hand-made list), else split now.
pub(crate) fn of(
    sql: &'static str,
    ranges: &[(usize, usize)],
    texts: &[&'static str],
) -> Vec<Statement<'static>> {
    let from_ranges: Option<Vec<Statement<'static>>> = ranges
        .iter()
        .map(|&(start, end)| {
            sql.get(start..end).map(|text| Statement {
                text,
                offset: start,
            })
        })
        .collect();
    match from_ranges {
        Some(statements) if !statements.is_empty() => statements,
        _ if !texts.is_empty() => found_in(sql, texts),
        _ => split(sql),
    }
}

/// Each text where it first occurs after the previous one; one not found verbatim points at
/// the file's start.
fn found_in(sql: &'static str, texts: &[&'static str]) -> Vec<Statement<'static>> {
    let mut from = 0;
    texts
        .iter()
        .map(|text| {
            let offset = sql[from..].find(text).map_or(0, |n| from + n);
            from = offset.max(from);
            Statement { text, offset }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_ranges_win_and_bad_ones_fall_back_to_splitting() {
        let sql = "-- header\nCREATE TABLE a (x int);\nSELECT 1";
        let built = of(sql, &[(10, 32), (34, 42)], &[]);
        assert_eq!(built[0].text, "CREATE TABLE a (x int)");
        assert_eq!((built[1].text, built[1].offset), ("SELECT 1", 34));
        let split_now = of(sql, &[(10, 999)], &[]);
        assert_eq!(split_now[0].text, "CREATE TABLE a (x int);");
        let listed = of(sql, &[], &["SELECT 1"]);
        assert_eq!(listed[0].offset, 34);
    }
}
