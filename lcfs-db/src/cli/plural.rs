//! Counts in messages: "1 migration", "2 migrations".

/// `count` and `noun`, the noun with an `s` unless the count is one.
pub fn plural(count: usize, noun: &str) -> String {
    match count {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::plural;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(plural(1, "migration"), "1 migration");
        assert_eq!(plural(0, "row"), "0 rows");
        assert_eq!(plural(12, "file"), "12 files");
    }
}
