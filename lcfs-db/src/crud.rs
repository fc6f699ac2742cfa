//! What the generated table methods run: rows read, inserted, updated and deleted by primary
//! key, every value a parameter. The SQL of each method is generated per table, in its docs.

use tokio_postgres::GenericClient;
use tokio_postgres::types::ToSql;

use crate::row::quote_ident;
use crate::{Error, FromRow};

/// A value as a query parameter.
pub(crate) type Param<'a> = &'a (dyn ToSql + Sync);

/// A row to insert: a generated `New…` struct, such as
/// [`NewOrganization`](crate::tables::NewOrganization).
///
/// Columns that are nullable or have a default are `Option`s in it; `None` sends `DEFAULT`, so
/// the database fills the column (with NULL when it has no default).
pub trait Insert: Sync {
    /// The row struct the inserted row comes back as.
    type Row: FromRow;

    /// Each column's value, in the order of the row struct's [`FromRow::COLUMNS`]; `None` for a
    /// column left to its default.
    fn values(&self) -> Vec<Option<Param<'_>>>;
}

/// Inserts `rows` into their table in one statement, and returns them as stored, defaults
/// filled in:
///
/// ```sql
/// INSERT INTO "table" ("column", …) VALUES ($1, DEFAULT, …), (…) RETURNING *
/// ```
///
/// One statement: row triggers fire for each row, statement triggers once. PostgreSQL takes at
/// most 65535 parameters in a statement; split larger batches.
pub async fn insert_all<N: Insert>(
    client: &impl GenericClient,
    rows: &[N],
) -> Result<Vec<N::Row>, Error> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let columns = N::Row::COLUMNS;
    let mut params: Vec<Param<'_>> = Vec::new();
    let mut tuples = Vec::with_capacity(rows.len());
    for row in rows {
        let values = row.values();
        assert_eq!(values.len(), columns.len(), "one value per column");
        let slots: Vec<String> = values
            .into_iter()
            .map(|value| match value {
                Some(value) => {
                    params.push(value);
                    format!("${}", params.len())
                }
                None => "DEFAULT".to_owned(),
            })
            .collect();
        tuples.push(format!("({})", slots.join(", ")));
    }
    let quoted: Vec<String> = columns.iter().map(|c| quote_ident(c)).collect();
    let sql = format!(
        "INSERT INTO {} ({}) VALUES {} RETURNING *",
        quote_ident(N::Row::TABLE),
        quoted.join(", "),
        tuples.join(", ")
    );
    let context = || format!("inserting into {}", N::Row::TABLE);
    let stored = client
        .query(&sql, &params)
        .await
        .map_err(|e| Error::postgres(context(), e))?;
    stored
        .iter()
        .map(|row| N::Row::from_row(row).map_err(Error::from))
        .collect()
}

/// The one row `sql` returns, if any: the body of `get` and `update`. `doing` names the
/// operation and table for the error, e.g. `reading organization`.
pub(crate) async fn fetch<T: FromRow>(
    client: &impl GenericClient,
    doing: &'static str,
    sql: &str,
    params: &[Param<'_>],
) -> Result<Option<T>, Error> {
    let row = client
        .query_opt(sql, params)
        .await
        .map_err(|e| Error::postgres(doing, e))?;
    row.as_ref()
        .map(T::from_row)
        .transpose()
        .map_err(Error::from)
}

/// Whether `sql` changed a row: the body of `delete`.
pub(crate) async fn change(
    client: &impl GenericClient,
    doing: &'static str,
    sql: &str,
    params: &[Param<'_>],
) -> Result<bool, Error> {
    let changed = client
        .execute(sql, params)
        .await
        .map_err(|e| Error::postgres(doing, e))?;
    Ok(changed > 0)
}

/// A field of a `New…` struct that the row must have.
pub(crate) fn given<T: ToSql + Sync>(value: &T) -> Option<Param<'_>> {
    Some(value)
}

/// A field of a `New…` struct that may be left to the column's default.
pub(crate) fn optional<T: ToSql + Sync>(value: &Option<T>) -> Option<Param<'_>> {
    value.as_ref().map(|value| value as Param<'_>)
}
