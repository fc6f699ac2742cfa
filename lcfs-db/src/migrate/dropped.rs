//! The tables a down file drops, as it names them (`DROP TABLE [IF EXISTS] a, lcfs_db.b`), in
//! whatever schema: what a downgrade's plan counts the rows of before anyone confirms it.

use super::blockers::words::words;
use super::split::split;

/// Each table of each `DROP TABLE` statement of `sql`, in order, as written.
pub(crate) fn dropped_tables(sql: &str) -> Vec<String> {
    let mut tables = Vec::new();
    for statement in split(sql) {
        let words = words(statement.text);
        if words.len() < 3 || !words[0].is("DROP") || !words[1].is("TABLE") {
            continue;
        }
        let names = words[2..]
            .iter()
            .skip_while(|w| w.is("IF") || w.is("EXISTS"))
            .take_while(|w| !w.is("CASCADE") && !w.is("RESTRICT"));
        tables.extend(names.map(|w| w.text.to_owned()));
    }
    tables
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_of_every_drop_table_in_any_schema() {
        let sql = "DROP TRIGGER t ON transfer;\nDROP TABLE a;\n-- DROP TABLE not_this;\n\
                   DROP TABLE IF EXISTS lcfs_db.state, \"Odd\" CASCADE;\nDROP VIEW v;";
        assert_eq!(dropped_tables(sql), ["a", "lcfs_db.state", "\"Odd\""]);
    }
}
