//! Who holds the lock a migration statement gave up waiting for.
//!
//! PostgreSQL's lock-timeout error names neither the lock nor its holder, and by the time it is
//! raised the wait is over (`pg_blocking_pids` is empty) and the run's one connection was busy
//! waiting. So the lookup reasons from the statement: [`needs`] says which relations it names and
//! the mode its kind asks for on each; the names are resolved as the statement resolved them
//! (`to_regclass`, the same session and search_path); and every other session holding, or
//! waiting ahead for, a conflicting lock on one of them is listed with what `pg_stat_activity`
//! says of it. The lock manager grants a request only when no such lock exists, so a session
//! listed blocked the statement if it still held that lock when the timeout struck. When none
//! conflicts (a row lock on a row another transaction changed, or a blocker that finished just
//! then), the sessions in a transaction holding any lock on those relations are listed instead,
//! marked as possible holders.

mod blocker;
mod deadlock;
mod modes;
mod needs;
pub(super) mod words;

use std::time::Duration;

use tokio_postgres::error::SqlState;
use tokio_postgres::{Client, SimpleQueryMessage};

pub use blocker::Blocker;
use blocker::first_line;
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
/// the statement's session resolves it; then the other sessions' locks on those relations.
const LOCKS_ON_NAMES: &str = "\
SELECT w.name, l.relation::regclass::text, l.mode, l.granted, a.pid,
       coalesce(a.application_name, ''), coalesce(a.state, ''),
       extract(epoch FROM clock_timestamp() - a.xact_start)::float8, coalesce(a.query, '')
  FROM (SELECT name, to_regclass(name) AS oid FROM unnest({names}::text[]) AS name OFFSET 0) w
  JOIN pg_locks l ON l.locktype = 'relation' AND l.relation = w.oid
   AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
  JOIN pg_stat_activity a ON a.pid = l.pid
 WHERE l.pid <> pg_backend_pid()
 ORDER BY a.xact_start NULLS LAST, a.pid";

/// Who stood in the way of `statement` when it failed with `error`: for a deadlock, the other
/// sessions the server's report names; otherwise, as for a lock timeout, [`look_up`].
pub(crate) async fn in_the_way(
    client: &Client,
    statement: &str,
    error: &tokio_postgres::Error,
) -> Result<Lookup, tokio_postgres::Error> {
    let deadlock = error
        .as_db_error()
        .filter(|db| db.code() == &SqlState::T_R_DEADLOCK_DETECTED)
        .and_then(|db| db.detail());
    match deadlock {
        Some(detail) => deadlock::look_up(client, detail).await,
        None => look_up(client, statement).await,
    }
}

/// The sessions in `statement`'s way now. Run it right after the timeout, outside any
/// transaction of the run: the blockers are usually still there.
pub(crate) async fn look_up(
    client: &Client,
    statement: &str,
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
    // The simple protocol, names as literals: a transaction-mode pooler may not keep a prepared
    // statement from one request to the next.
    let literals: Vec<String> = names
        .iter()
        .map(|n| format!("'{}'", n.replace('\'', "''")))
        .collect();
    let sql = LOCKS_ON_NAMES.replace("{names}", &format!("ARRAY[{}]", literals.join(", ")));
    let answer = client.simple_query(&sql).await?;
    let mut lookup = Lookup::default();
    let mut possible = Vec::new();
    for row in answer.iter().filter_map(|message| match message {
        SimpleQueryMessage::Row(row) => Some(row),
        _ => None,
    }) {
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
            transaction_age: row
                .get(7)
                .and_then(|secs| secs.parse::<f64>().ok())
                .map(|secs| Duration::from_secs_f64(secs.max(0.0))),
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
    if lookup.blockers.is_empty() {
        lookup.blockers = possible;
    }
    lookup
        .blockers
        .dedup_by(|a, b| (a.pid, &a.relation, &a.mode) == (b.pid, &b.relation, &b.mode));
    Ok(lookup)
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
