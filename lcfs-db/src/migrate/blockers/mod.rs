//! Who held the lock a migration statement gave up waiting for.
//!
//! PostgreSQL's lock-timeout error names neither the lock nor its holder, and by the time it is
//! raised the wait is over (`pg_blocking_pids` is empty) and the run's one connection was busy
//! waiting. So the lookup reasons from the statement: [`needs`] says which relations it names and
//! the mode its kind asks for on each; the names are resolved as the statement resolved them
//! (`to_regclass`, the same session and search_path); and every other session holding, or
//! waiting ahead for, a conflicting lock on one of them is listed with what `pg_stat_activity`
//! says of it. The lock manager grants a request only when no such lock exists, so a session
//! listed blocked the statement if it still held that lock when the timeout struck.
//! The wait that timed out began one lock_timeout before: a session that joined the queue later
//! (`pg_locks.waitstart`), or whose transaction began later, was not in the way but behind the
//! statement (its victim), and is never listed.
//! A concurrent index build past its first lock waits instead for transactions to end: those
//! holding a lock on the table that conflicts with `SHARE` (writers), then those holding a snapshot
//! older than the build's, on any table; those are listed then.
//! When none conflicts (a row lock on a row another transaction changed, or a blocker that
//! finished just then), the sessions in a transaction holding any lock on those relations are
//! listed instead, marked as possible holders.

mod blocker;
mod deadlock;
mod modes;
mod needs;
pub(super) mod words;

use std::time::Duration;

use tokio_postgres::error::SqlState;
use tokio_postgres::{Client, SimpleQueryMessage, SimpleQueryRow};

pub use blocker::Blocker;
use blocker::{SNAPSHOT, first_line};
pub(crate) use modes::LockMode;
pub(crate) use needs::Need;
use needs::needs;

/// What a lookup found: the locks the statement wanted (`ShareRowExclusiveLock on fuel_code`)
/// where someone stood in the way, and who.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lookup {
    pub wanted: Vec<String>,
    pub blockers: Vec<Blocker>,
}

/// Each name resolved once (`OFFSET 0` keeps the subquery from being merged into the join), as
/// the statement's session resolves it; then the other sessions' locks on those relations, held
/// by a transaction open when the wait began, or queued before it (`{since}`). `waitstart` is read
/// through `to_jsonb`, so that a server older than 14 (without it) answers NULL.
const LOCKS_ON_NAMES: &str = "\
SELECT w.name, l.relation::regclass::text, l.mode, l.granted, a.pid,
       coalesce(a.application_name, ''), coalesce(a.state, ''),
       extract(epoch FROM clock_timestamp() - a.xact_start)::float8, coalesce(a.query, '')
  FROM (SELECT name, to_regclass(name) AS oid FROM unnest({names}::text[]) AS name OFFSET 0) w
  JOIN pg_locks l ON l.locktype = 'relation' AND l.relation = w.oid
   AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
  JOIN pg_stat_activity a ON a.pid = l.pid
 WHERE l.pid <> pg_backend_pid()
   AND CASE WHEN l.granted THEN a.xact_start <= {since}
            ELSE coalesce((to_jsonb(l) ->> 'waitstart')::timestamptz <= {since}, true) END
 ORDER BY a.xact_start NULLS LAST, a.pid";

/// What a concurrent build past its first lock waits out, among transactions open when the wait
/// began: the writers of its table (locks conflicting with `SHARE`), then the client sessions of
/// this database holding a snapshot (`backend_xmin`), which may be older than the build's.
const TRANSACTIONS_A_BUILD_WAITS_OUT: &str = "\
SELECT * FROM (
SELECT 1 AS phase, l.relation::regclass::text, l.mode, a.pid,
       coalesce(a.application_name, ''), coalesce(a.state, ''),
       extract(epoch FROM clock_timestamp() - a.xact_start)::float8, coalesce(a.query, ''),
       a.xact_start
  FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
 WHERE l.locktype = 'relation' AND l.granted AND l.relation = to_regclass({table})
   AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
   AND l.mode IN ('RowExclusiveLock', 'ShareUpdateExclusiveLock', 'ShareRowExclusiveLock',
                  'ExclusiveLock', 'AccessExclusiveLock')
   AND l.pid <> pg_backend_pid() AND a.xact_start <= {since}
UNION ALL
SELECT 2, '', '', a.pid, coalesce(a.application_name, ''), coalesce(a.state, ''),
       extract(epoch FROM clock_timestamp() - a.xact_start)::float8, coalesce(a.query, ''),
       a.xact_start
  FROM pg_stat_activity a
 WHERE a.datname = current_database() AND a.backend_type = 'client backend'
   AND a.backend_xmin IS NOT NULL AND a.pid <> pg_backend_pid() AND a.xact_start <= {since}
) waited ORDER BY phase, xact_start, pid";

/// Who stood in the way of `statement` when it failed with `error`: for a deadlock, the other
/// sessions the server's report names; otherwise, as for a lock timeout, [`look_up`].
pub(crate) async fn in_the_way(
    client: &Client,
    statement: &str,
    error: &tokio_postgres::Error,
    lock_timeout: Duration,
) -> Result<Lookup, tokio_postgres::Error> {
    let deadlock = error
        .as_db_error()
        .filter(|db| db.code() == &SqlState::T_R_DEADLOCK_DETECTED)
        .and_then(|db| db.detail());
    match deadlock {
        Some(detail) => deadlock::look_up(client, detail).await,
        None => look_up(client, statement, lock_timeout).await,
    }
}

/// The sessions that were in `statement`'s way during its last wait, which the server cut short
/// after `lock_timeout`. Run it right after the timeout, outside any transaction of the run: the
/// blockers are usually still there.
pub(crate) async fn look_up(
    client: &Client,
    statement: &str,
    lock_timeout: Duration,
) -> Result<Lookup, tokio_postgres::Error> {
    let needs = needs(statement);
    let names: Vec<String> = needs
        .needs
        .iter()
        .map(|need| need.relation.clone())
        .filter(|name| resolvable(name))
        .collect();
    if names.is_empty() {
        return Ok(Lookup::default());
    }
    let since = format!(
        "clock_timestamp() - interval '{} milliseconds'",
        lock_timeout.as_millis()
    );
    // The simple protocol, names as literals: a transaction-mode pooler may not keep a prepared
    // statement from one request to the next.
    let literals: Vec<String> = names.iter().map(|n| literal(n)).collect();
    let sql = LOCKS_ON_NAMES
        .replace("{names}", &format!("ARRAY[{}]", literals.join(", ")))
        .replace("{since}", &since);
    let answer = client.simple_query(&sql).await?;
    let mut lookup = Lookup::default();
    let mut possible = Vec::new();
    for row in rows(&answer) {
        let text = |i: usize| row.get(i).unwrap_or_default().to_owned();
        let name = text(0);
        let mode = text(2);
        let need = needs.needs.iter().find(|n| n.relation == name);
        let conflicting = match (need, LockMode::from_name(&mode)) {
            (Some(need), Some(held)) => need.mode.conflicts_with(held),
            _ => false,
        };
        let blocker = Blocker {
            pid: text(4).parse().unwrap_or_default(),
            application_name: text(5),
            state: text(6),
            transaction_age: age(row.get(7)),
            query: first_line(text(8)),
            relation: text(1),
            mode,
            granted: text(3) == "t",
            conflicting,
        };
        if conflicting {
            let wanted = wanted(need.expect("a conflict has a need"), &blocker.relation);
            if !lookup.wanted.contains(&wanted) {
                lookup.wanted.push(wanted);
            }
            lookup.blockers.push(blocker);
        } else if blocker.granted && blocker.transaction_age.is_some() {
            possible.push(blocker);
        }
    }
    // A build that got its first lock waited for transactions to end instead.
    if let (true, Some(table)) = (lookup.blockers.is_empty(), needs.concurrent_build.as_ref()) {
        let sql = TRANSACTIONS_A_BUILD_WAITS_OUT
            .replace("{table}", &literal(table))
            .replace("{since}", &since);
        waited_out(&client.simple_query(&sql).await?, table, &mut lookup);
    }
    if lookup.blockers.is_empty() {
        lookup.blockers = possible;
    }
    lookup
        .blockers
        .dedup_by(|a, b| (a.pid, &a.relation, &a.mode) == (b.pid, &b.relation, &b.mode));
    Ok(lookup)
}

/// The writers and the snapshot holders a concurrent build of an index on `table` waited out,
/// each session once.
fn waited_out(answer: &[SimpleQueryMessage], table: &str, lookup: &mut Lookup) {
    for row in rows(answer) {
        let text = |i: usize| row.get(i).unwrap_or_default().to_owned();
        let pid = text(3).parse().unwrap_or_default();
        if lookup.blockers.iter().any(|b| b.pid == pid) {
            continue;
        }
        let wanted = match text(0).as_str() {
            "1" => format!("the end of the transactions writing {table}"),
            _ => "the end of the transactions holding older snapshots".to_owned(),
        };
        if !lookup.wanted.contains(&wanted) {
            lookup.wanted.push(wanted);
        }
        let writer = text(0) == "1";
        lookup.blockers.push(Blocker {
            pid,
            application_name: text(4),
            state: text(5),
            transaction_age: age(row.get(6)),
            query: first_line(text(7)),
            relation: text(1),
            mode: match writer {
                true => text(2),
                false => SNAPSHOT.to_owned(),
            },
            granted: true,
            conflicting: true,
        });
    }
}

fn rows(answer: &[SimpleQueryMessage]) -> impl Iterator<Item = &SimpleQueryRow> {
    answer.iter().filter_map(|message| match message {
        SimpleQueryMessage::Row(row) => Some(row),
        _ => None,
    })
}

fn age(seconds: Option<&str>) -> Option<Duration> {
    seconds
        .and_then(|secs| secs.parse::<f64>().ok())
        .map(|secs| Duration::from_secs_f64(secs.max(0.0)))
}

fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// The locks `statement` asks for that stop the application's writes (`SHARE` or stronger), on
/// names `to_regclass` can read; none for a statement whose kind the model does not know.
pub(crate) fn write_blocking(statement: &str) -> Vec<Need> {
    let needs = needs(statement);
    match needs.modelled {
        true => needs
            .needs
            .into_iter()
            .filter(|need| need.mode >= LockMode::Share && resolvable(&need.relation))
            .collect(),
        false => Vec::new(),
    }
}

fn wanted(need: &Need, relation: &str) -> String {
    format!("{} on {relation}", need.mode.name())
}

/// At most two parts, every quote closed: what `to_regclass` parses without raising an error.
fn resolvable(name: &str) -> bool {
    let (mut parts, mut quoted) = (1, false);
    for c in name.chars() {
        match c {
            '"' => quoted = !quoted,
            '.' if !quoted => parts += 1,
            _ => {}
        }
    }
    !quoted && parts <= 2 && !name.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_to_regclass_cannot_parse_are_left_out() {
        assert!(resolvable("fuel_code") && resolvable("public.\"Odd.Name\""));
        assert!(!resolvable("db.public.t") && !resolvable("\"open") && !resolvable("a."));
    }
}
