//! The other sessions of a deadlock the server broke by rolling the migration back, as its
//! DETAIL names them (`Process 12 waits for ShareLock on relation 16390 of database 5; blocked
//! by process 34.`): each with what it waited for, the relation's name and its activity now.

use std::time::Duration;

use tokio_postgres::{Client, SimpleQueryMessage};

use super::blocker::first_line;
use super::{Blocker, Lookup};

/// One line of the DETAIL: a process, the lock it waited for, and on what.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Wait {
    pid: i32,
    mode: String,
    /// `relation 16390 of database 5`, `transaction 731`, `object 16500 of class 1255 …`.
    target: String,
}

fn waits(detail: &str) -> Vec<Wait> {
    detail
        .lines()
        .filter_map(|line| {
            let rest = line.trim().strip_prefix("Process ")?;
            let (pid, rest) = rest.split_once(" waits for ")?;
            let (mode, rest) = rest.split_once(" on ")?;
            let (target, _) = rest.split_once("; blocked by process ")?;
            Some(Wait {
                pid: pid.parse().ok()?,
                mode: mode.to_owned(),
                target: target.to_owned(),
            })
        })
        .collect()
}

/// SQL that names what `target` is about, for the objects the lock manager gives by number:
/// `relation 16390 of database 5` → `transfer`, `object 16500 of class 1255 of database 5` →
/// `function lcfs_db.mv_inputs(text)`. Only numbers go into it.
fn name_sql(target: &str) -> Option<String> {
    let numbers: Vec<u32> = target
        .split(' ')
        .filter_map(|word| word.parse().ok())
        .collect();
    match (target.split(' ').next()?, numbers.as_slice()) {
        ("relation", [oid, _]) => Some(format!("{oid}::oid::regclass::text")),
        ("object", [object, class, _]) => Some(format!("pg_describe_object({class}, {object}, 0)")),
        _ => None,
    }
}

/// The sessions `detail` names besides the first (the migration's own, which the server rolled
/// back): what each waited for, which the migration held, and what it is doing now. The lock the
/// migration waited for, which they held, is `wanted`.
pub(crate) async fn look_up(
    client: &Client,
    detail: &str,
) -> Result<Lookup, tokio_postgres::Error> {
    let waits = waits(detail);
    let Some((ours, others)) = waits.split_first() else {
        return Ok(Lookup::default());
    };
    let names: Vec<String> = waits
        .iter()
        .enumerate()
        .filter_map(|(i, w)| name_sql(&w.target).map(|sql| format!("SELECT 'r', '{i}', {sql}")))
        .collect();
    let pids: Vec<String> = others.iter().map(|w| w.pid.to_string()).collect();
    // Plain numbers only, so literals are safe; the simple protocol, as behind a pooler.
    let sql = format!(
        "{}SELECT 'p', p::text, coalesce(a.application_name, ''), coalesce(a.state, 'ended'),
                extract(epoch FROM clock_timestamp() - a.xact_start)::float8::text,
                coalesce(a.query, '')
           FROM unnest('{{{}}}'::int[]) AS p LEFT JOIN pg_stat_activity a ON a.pid = p",
        names.iter().map(|n| format!("{n}; ")).collect::<String>(),
        pids.join(",")
    );
    let answer = client.simple_query(&sql).await?;
    let rows: Vec<Vec<String>> = answer
        .iter()
        .filter_map(|message| match message {
            SimpleQueryMessage::Row(row) => Some(
                (0..6)
                    .map(|i| row.try_get(i).ok().flatten().unwrap_or_default().to_owned())
                    .collect(),
            ),
            _ => None,
        })
        .collect();
    let name = |i: usize| {
        rows.iter()
            .find(|r| r[0] == "r" && r[1] == i.to_string() && !r[2].is_empty())
            .map_or_else(|| waits[i].target.clone(), |r| r[2].clone())
    };
    let blockers = others
        .iter()
        .enumerate()
        .map(|(i, wait)| {
            let session = rows
                .iter()
                .find(|r| r[0] == "p" && r[1] == wait.pid.to_string());
            let field = |i: usize| session.map_or(String::new(), |r| r[i].clone());
            Blocker {
                pid: wait.pid,
                application_name: field(2),
                state: session.map_or_else(|| "ended".to_owned(), |r| r[3].clone()),
                transaction_age: field(4)
                    .parse::<f64>()
                    .ok()
                    .map(|secs| Duration::from_secs_f64(secs.max(0.0))),
                query: first_line(field(5)),
                relation: name(i + 1),
                mode: wait.mode.clone(),
                granted: false,
                conflicting: true,
            }
        })
        .collect();
    Ok(Lookup {
        wanted: vec![format!("{} on {}", ours.mode, name(0))],
        blockers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_detail_reads_as_one_wait_per_process() {
        let detail = "Process 812 waits for AccessExclusiveLock on relation 16427 of database \
                      16384; blocked by process 907.\nProcess 907 waits for AccessShareLock on \
                      relation 16390 of database 16384; blocked by process 812.";
        let found = waits(detail);
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[1],
            Wait {
                pid: 907,
                mode: "AccessShareLock".into(),
                target: "relation 16390 of database 16384".into(),
            }
        );
        assert_eq!(
            name_sql(&found[0].target).as_deref(),
            Some("16427::oid::regclass::text")
        );
        assert_eq!(
            name_sql("object 16500 of class 1255 of database 5").as_deref(),
            Some("pg_describe_object(1255, 16500, 0)")
        );
        assert_eq!(name_sql("transaction 731"), None);
        assert!(waits("deadlock detected").is_empty());
    }
}
