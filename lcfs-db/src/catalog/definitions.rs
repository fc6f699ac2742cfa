//! View and materialized view definitions compared by what they mean, not by how one server
//! (Over 200 lines with its tests: the comparison and its server round trip are one job.)
//! prints them: two texts that differ are both parsed and printed again by the server at hand.
//!
//! PostgreSQL prints a stored definition anew each time it is asked. 16 and later leave out the
//! table names 15 prints before each column of a one-table query, and a view created from its own
//! printed text (what `pg_restore` does) may print otherwise again: `(ARRAY['a'::character
//! varying])::text[]` comes back as `ARRAY[('a'::character varying)::text]`. One trip through the
//! server reaches a fixed point (measured on 15, 16, 17 and 18, before and after a restore, for
//! every view the migrations create): the printed text of a view created from a printed text no
//! longer moves, and two texts that mean the same print the same. The trip creates temporary
//! views in a transaction that is rolled back, so it needs a writable server; equal texts need
//! no trip, which is all a standby of a server like the snapshot's ever needs.

use tokio_postgres::Client;
use tokio_postgres::error::SqlState;

use super::{Catalog, Change, Drift, Kind};
use crate::{Error, ErrorKind};

/// The attribute holding a view's printed definition.
const DEFINITION: &str = "definition";

/// The temporary view each text is created as, in a transaction that is rolled back.
const PROBE: &str = "lcfs_db_definition_probe";

/// Makes the definitions of the views and materialized views `expected` and `found` both hold
/// comparable by meaning. Where the two texts differ, both are printed again by the server
/// behind `client`: when they then agree, `found` takes `expected`'s text (so [`super::compare`]
/// sees none of a difference in printing); when they do not, each takes its text as printed
/// again, the server's fixed point. The client must not be inside a transaction.
///
/// An error of kind [`ErrorKind::Standby`] when texts differ on a read-only hot standby, where
/// no view can be created: check the primary instead.
pub async fn align_definitions(
    client: &Client,
    expected: &mut Catalog,
    found: &mut Catalog,
) -> Result<(), Error> {
    let pending = differing(expected, found);
    if pending.is_empty() {
        return Ok(());
    }
    refuse_on_standby(client, pending.len()).await?;
    client
        .batch_execute("BEGIN READ WRITE; SELECT set_config('search_path', 'public', true)")
        .await
        .map_err(|e| Error::postgres("starting the transaction that prints definitions", e))?;
    let printed = print_again(client, &pending).await;
    // Nothing of the trip may stay: rolling back also ends a failed transaction.
    let _ = client.batch_execute("ROLLBACK").await;
    for ((kind, name, _, _), (want, have)) in pending.iter().zip(printed?) {
        let (Some(want), Some(have)) = (want, have) else {
            continue;
        };
        let agreed = want == have;
        if let Some(attributes) = expected.get_mut(*kind, name)
            && !agreed
        {
            attributes.insert(DEFINITION.to_owned(), want.into());
        }
        if let Some(attributes) = found.get_mut(*kind, name) {
            let text = match agreed {
                true => expected
                    .get(*kind, name)
                    .and_then(|a| a.get(DEFINITION))
                    .cloned(),
                false => Some(have.into()),
            };
            attributes.extend(text.map(|text| (DEFINITION.to_owned(), text)));
        }
    }
    Ok(())
}

/// A drift as people read it: a differing definition shown by its first differing line
/// (`line 20: WHERE …`, as the server at hand prints it) rather than two whole queries.
pub(crate) fn point_at_first_difference(drift: &mut Drift) {
    for difference in &mut drift.differences {
        let Change::Different {
            attribute,
            expected,
            found,
        } = &mut difference.change
        else {
            continue;
        };
        if attribute != DEFINITION
            || !matches!(difference.kind, Kind::View | Kind::MaterializedView)
        {
            continue;
        }
        let (Some(want), Some(have)) = (expected.as_str(), found.as_str()) else {
            continue;
        };
        let (line, want, have) = first_difference(want, have);
        let (want, have) = (
            format!("line {line}: {want}"),
            format!("line {line}: {have}"),
        );
        *expected = want.into();
        *found = have.into();
    }
}

/// The first line (counted from 1) where two texts differ, and that line of each, trimmed.
fn first_difference<'a>(want: &'a str, have: &'a str) -> (usize, &'a str, &'a str) {
    let mut want_lines = want.lines().map(str::trim);
    let mut have_lines = have.lines().map(str::trim);
    let mut line = 1;
    loop {
        match (want_lines.next(), have_lines.next()) {
            (Some(a), Some(b)) if a == b => line += 1,
            (a, b) => return (line, a.unwrap_or(""), b.unwrap_or("")),
        }
    }
}

type Pending = (Kind, String, String, String);

/// (kind, name, expected text, found text) of every view whose two texts differ.
fn differing(expected: &Catalog, found: &Catalog) -> Vec<Pending> {
    let text = |catalog: &Catalog, kind, name: &str| {
        catalog
            .get(kind, name)?
            .get(DEFINITION)?
            .as_str()
            .map(str::to_owned)
    };
    [Kind::View, Kind::MaterializedView]
        .into_iter()
        .flat_map(|kind| expected.of_kind(kind).map(move |(name, _)| (kind, name)))
        .filter_map(|(kind, name)| {
            let want = text(expected, kind, name)?;
            let have = text(found, kind, name)?;
            (want != have).then(|| (kind, name.to_owned(), want, have))
        })
        .collect()
}

async fn refuse_on_standby(client: &Client, count: usize) -> Result<(), Error> {
    let standby: bool = client
        .query_one("SELECT pg_is_in_recovery()", &[])
        .await
        .map_err(|e| Error::postgres("asking whether the server is a standby", e))?
        .get(0);
    if !standby {
        return Ok(());
    }
    Err(Error::new(
        ErrorKind::Standby,
        format!(
            "{count} view definitions print otherwise than the snapshot of head (another \
             PostgreSQL version, or a restored database), and telling whether they mean the same \
             needs a server that can create a temporary view, which a standby cannot: run \
             `lcfs-db check` on the primary"
        ),
    ))
}

/// Each pair's texts as the server prints them again; `None` for a text the server no longer
/// accepts (it reads a column that is gone, say), which then compares as written.
async fn print_again(
    client: &Client,
    pending: &[Pending],
) -> Result<Vec<(Option<String>, Option<String>)>, Error> {
    let mut printed = Vec::with_capacity(pending.len());
    for (_, _, want, have) in pending {
        printed.push((print(client, want).await?, print(client, have).await?));
    }
    Ok(printed)
}

async fn print(client: &Client, text: &str) -> Result<Option<String>, Error> {
    let query = text.trim().trim_end_matches(';');
    let failed = |e| Error::postgres("printing a view definition again", e);
    client
        .batch_execute("SAVEPOINT definition")
        .await
        .map_err(failed)?;
    // The extended protocol takes one statement only, whatever the text holds.
    let created = client
        .execute(&format!("CREATE TEMPORARY VIEW {PROBE} AS {query}"), &[])
        .await;
    let printed = match created {
        Ok(_) => Some(
            client
                .query_one(
                    &format!("SELECT btrim(pg_get_viewdef('{PROBE}'::regclass), E' \\t\\r\\n')"),
                    &[],
                )
                .await
                .map_err(failed)?
                .get(0),
        ),
        // Not allowed to create a temporary view at all: no text could be compared.
        Err(error)
            if error.code() == Some(&SqlState::INSUFFICIENT_PRIVILEGE)
                || error.code() == Some(&SqlState::READ_ONLY_SQL_TRANSACTION) =>
        {
            return Err(Error::postgres(
                "creating a temporary view to compare view definitions (check needs the \
                 TEMPORARY privilege on the database for definitions that print otherwise than \
                 the snapshot)",
                error,
            ));
        }
        Err(error) if error.as_db_error().is_some() => None,
        Err(error) => return Err(failed(error)),
    };
    client
        .batch_execute("ROLLBACK TO SAVEPOINT definition")
        .await
        .map_err(failed)?;
    Ok(printed)
}

#[cfg(test)]
mod tests {
    use super::first_difference;

    #[test]
    fn the_first_differing_line_is_named_with_both_sides() {
        let want = "SELECT a,\n    b\n   FROM t\n  WHERE (a > 1);";
        let have = "SELECT a,\n  b\n   FROM t\n  WHERE (a > 2);";
        assert_eq!(
            first_difference(want, have),
            (4, "WHERE (a > 1);", "WHERE (a > 2);")
        );
        assert_eq!(first_difference("a\nb", "a"), (2, "b", ""));
    }
}
