//! The LCFS reference facts the tests compare with, kept in the repository: the reference rows
//! (`tests/reference-data/*.csv`, as LCFS publishes them) and a reader of those CSV files.

use std::path::PathBuf;

use futures_util::TryStreamExt;
use tokio_postgres::Client;

/// `tests/reference-data/`.
pub fn reference_data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/reference-data")
}

/// The tables that hold reference rows, from the CSV file names, sorted.
pub fn reference_tables() -> Vec<String> {
    let dir = reference_data();
    let mut tables: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "csv"))
        .map(|path| path.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    tables.sort();
    tables
}

/// The records of a CSV text: fields may be quoted, and quoted fields may hold commas, doubled
/// quotes and line breaks. An empty field and `""` both read as the empty string, as
/// PostgreSQL's `COPY … CSV` output of NULL and of `''` then compare the same way.
pub fn csv(text: &str) -> Vec<Vec<String>> {
    let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => record.push(std::mem::take(&mut field)),
            ('\n', false) => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            ('\r', false) => {}
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

/// The data records (header left out) of `tests/reference-data/<table>.csv`.
pub fn csv_records(table: &str) -> usize {
    reference_csv(table).1.len()
}

/// The header and the data records of a reference CSV.
pub fn reference_csv(table: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let path = reference_data().join(format!("{table}.csv"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut records = csv(&text);
    let header = records.remove(0);
    (header, records)
}

/// Where the database's rows differ from each reference CSV, one line per table that differs:
/// the header's columns of every row, compared as sorted sets of records.
pub async fn reference_row_differences(db: &Client) -> Vec<String> {
    let mut differences = Vec::new();
    for table in reference_tables() {
        let (header, mut want) = reference_csv(&table);
        let columns: Vec<String> = header.iter().map(|c| format!("\"{c}\"")).collect();
        let sql = format!(
            "COPY (SELECT {} FROM \"{table}\") TO STDOUT WITH (FORMAT csv)",
            columns.join(", ")
        );
        let stream = match db.copy_out(&sql).await {
            Ok(stream) => stream,
            Err(e) => {
                differences.push(format!("{table}: {e:?}"));
                continue;
            }
        };
        let chunks: Vec<bytes::Bytes> = stream.try_collect().await.unwrap();
        let text: String = chunks
            .iter()
            .map(|chunk| String::from_utf8_lossy(chunk))
            .collect();
        let mut have = csv(&text);
        want.sort();
        have.sort();
        if want != have {
            let missing: Vec<_> = want.iter().filter(|r| !have.contains(r)).take(2).collect();
            differences.push(format!(
                "{table}: {} rows wanted, {} present; first missing {missing:?}",
                want.len(),
                have.len()
            ));
        }
    }
    differences
}
