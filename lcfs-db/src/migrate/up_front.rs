//! The table locks a migration's statements will take, taken before its first statement, in one
//! order, waiting only briefly for one while holding others: an application transaction that
//! takes them in another order then waits instead of deadlocking with the migration.
//!
//! Which tables, and in which mode, comes from the statements themselves (`blockers::needs`,
//! the model the blocker report uses): every relation a statement asks `SHARE` or stronger on,
//! an index standing for its table, the strongest mode asked for each. Only tables that exist
//! when the migration starts can be locked, and `LOCK TABLE` takes tables only (a view's lock
//! would reach its base tables; a materialized view cannot be locked), so a migration that
//! locks fewer than two of them gets nothing up front. The server resolves the names as the
//! statements will, and then takes every lock in name order, waiting only briefly for each
//! ([`BRIEF_WAIT`]); when one stays busy it lets go of all, waits for that one alone, and tries
//! the whole set again, all within the migration's lock timeout. A wait past it fails like any
//! statement's lock timeout and is retried the same way.

use std::collections::BTreeMap;
use std::time::Duration;

use super::blockers::{LockMode, write_blocking};
use super::session::literal;
use super::split::Statement;

/// The locks one migration takes up front.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UpFront {
    /// Each relation as the statements name it: the strongest mode they ask on it, and the
    /// first statement (0-based) that asks.
    locks: BTreeMap<String, (LockMode, usize)>,
}

/// How long the migration waits for one table while it holds others. A wait holding nothing
/// lets the application's transactions that queue behind it go first, and a transaction that
/// takes several tables is seldom off all of them at one instant under load; a short wait lets
/// one finish. Far below `deadlock_timeout` (1 s by default): a cycle with an application
/// transaction ends in this statement giving way, and the application's own deadlock check,
/// a second after it began to wait, finds no cycle left.
const BRIEF_WAIT: Duration = Duration::from_millis(50);

/// What the error of a wait that ran out says of the statement that needed the lock.
const WHICH_STATEMENT: &str = "statement ";

impl UpFront {
    /// What `statements` lock, when they lock more than one relation strongly.
    pub fn of(statements: &[Statement<'_>]) -> Option<UpFront> {
        let mut locks: BTreeMap<String, (LockMode, usize)> = BTreeMap::new();
        for (index, statement) in statements.iter().enumerate() {
            for need in write_blocking(statement.text) {
                let lock = locks.entry(need.relation).or_insert((need.mode, index));
                lock.0 = lock.0.max(need.mode);
            }
        }
        (locks.len() > 1).then_some(UpFront { locks })
    }

    /// The statement that takes them, waiting `lock_timeout` at most in all (zero: no limit).
    pub fn sql(&self, lock_timeout: Duration) -> String {
        let list = |item: &dyn Fn(&String, &(LockMode, usize)) -> String| {
            let items: Vec<String> = self.locks.iter().map(|(k, v)| item(k, v)).collect();
            items.join(", ")
        };
        LOCK_UP_FRONT
            .replace("{names}", &list(&|name, _| literal(name)))
            .replace(
                "{modes}",
                &list(&|_, (mode, _)| (*mode as u8 + 1).to_string()),
            )
            .replace("{firsts}", &list(&|_, (_, first)| (first + 1).to_string()))
            .replace("{timeout_ms}", &lock_timeout.as_millis().to_string())
            .replace("{brief_ms}", &BRIEF_WAIT.as_millis().to_string())
    }

    /// The statement (0-based) whose lock the up-front statement waited for when it failed.
    pub fn waited_for(error: &tokio_postgres::Error) -> Option<usize> {
        let detail = error.as_db_error()?.detail()?;
        let number = detail.strip_prefix(WHICH_STATEMENT)?.split(' ').next()?;
        number.parse::<usize>().ok()?.checked_sub(1)
    }
}

/// Names resolved as the session resolves them (an index to its table), tables only, in name
/// order; the modes are `LockMode`'s rank, 1 for `ACCESS SHARE` to 8 for `ACCESS EXCLUSIVE`,
/// with the first statement (1-based) that needs each. A lock taken in the inner block is let go
/// when the block fails (it is a subtransaction); `lock_timeout` is put back as it was for the
/// migration's statements. A wait that runs out fails as a lock timeout whose DETAIL starts with
/// [`WHICH_STATEMENT`] and the number of the statement that needs the lock.
const LOCK_UP_FRONT: &str = "DO $lcfs_db_up_front$
DECLARE
    words constant text[] := ARRAY['ACCESS SHARE', 'ROW SHARE', 'ROW EXCLUSIVE',
        'SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'];
    timeout_ms constant bigint := {timeout_ms};
    deadline constant timestamptz := clock_timestamp() + timeout_ms * interval '1 ms';
    saved constant text := current_setting('lock_timeout');
    tables text[];
    modes int[];
    firsts int[];
    busy int := 0;
    current int;
    left_ms bigint;
BEGIN
    SELECT coalesce(array_agg(t.rel::regclass::text ORDER BY t.rel::regclass::text), '{}'),
           coalesce(array_agg(t.mode ORDER BY t.rel::regclass::text), '{}'),
           coalesce(array_agg(t.first ORDER BY t.rel::regclass::text), '{}')
      INTO tables, modes, firsts
      FROM (SELECT coalesce(x.indrelid, c.oid) AS rel, max(w.mode) AS mode,
                   min(w.first) AS first
              FROM unnest(ARRAY[{names}]::text[], ARRAY[{modes}]::int[], ARRAY[{firsts}]::int[])
                   AS w(name, mode, first)
              JOIN pg_class c ON c.oid = to_regclass(w.name)
              LEFT JOIN pg_index x ON x.indexrelid = c.oid
             GROUP BY 1) t
      JOIN pg_class r ON r.oid = t.rel AND r.relkind IN ('r', 'p');
    IF cardinality(tables) < 2 THEN
        RETURN;
    END IF;
    LOOP
        BEGIN
            IF busy > 0 THEN
                -- Waiting, holding none of the others; a failure here ends the statement.
                current := 0;
                left_ms := ceil(extract(epoch FROM deadline - clock_timestamp()) * 1000);
                IF timeout_ms > 0 AND left_ms < 1 THEN
                    RAISE lock_not_available USING
                        MESSAGE = 'canceling statement due to lock timeout';
                END IF;
                PERFORM set_config('lock_timeout',
                                   CASE WHEN timeout_ms > 0 THEN left_ms ELSE 0 END || 'ms', true);
                EXECUTE format('LOCK TABLE %s IN %s MODE', tables[busy], words[modes[busy]]);
            END IF;
            -- Holding some: a short wait each, far below deadlock_timeout (1 s by default), so
            -- the migration finds any cycle with an application transaction before the
            -- application does, and gives way.
            PERFORM set_config('lock_timeout', '{brief_ms}ms', true);
            FOR i IN 1 .. cardinality(tables) LOOP
                current := i;
                EXECUTE format('LOCK TABLE %s IN %s MODE', tables[i], words[modes[i]]);
            END LOOP;
            PERFORM set_config('lock_timeout', saved, true);
            RETURN;
        EXCEPTION WHEN lock_not_available THEN
            IF current = 0 THEN
                RAISE lock_not_available USING MESSAGE = SQLERRM, DETAIL = format(
                    'statement %s of the migration takes %s MODE on %s; the migration takes '
                    'its table locks before its first statement, and waited for this one',
                    firsts[busy], words[modes[busy]], tables[busy]);
            END IF;
            busy := current;
        END;
    END LOOP;
END
$lcfs_db_up_front$";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrate::split;

    #[test]
    fn the_strongest_mode_on_each_relation_named_strongly() {
        let sql = "DROP TRIGGER t ON transfer; CREATE TRIGGER t AFTER INSERT ON transfer \
                   FOR EACH ROW EXECUTE FUNCTION f(); CREATE TRIGGER u AFTER INSERT ON \
                   fuel_code FOR EACH ROW EXECUTE FUNCTION f(); SELECT * FROM organization;";
        let up_front = UpFront::of(&split(sql)).expect("two tables");
        assert_eq!(
            up_front.locks.into_iter().collect::<Vec<_>>(),
            [
                ("fuel_code".to_owned(), (LockMode::ShareRowExclusive, 2)),
                ("transfer".to_owned(), (LockMode::AccessExclusive, 0)),
            ]
        );
        let one = "DROP TRIGGER a ON transfer; DROP TRIGGER b ON transfer;";
        assert_eq!(UpFront::of(&split(one)), None);
        let sql = UpFront::of(&split("DROP INDEX i; DROP INDEX \"j\";"))
            .unwrap()
            .sql(Duration::from_secs(5));
        assert!(
            sql.contains("ARRAY['\"j\"', 'i']::text[], ARRAY[8, 8]::int[], ARRAY[2, 1]::int[]"),
            "{sql}"
        );
        assert!(sql.contains("timeout_ms constant bigint := 5000;"), "{sql}");
    }
}
