//! `require-concurrent-refresh`: a materialized view that existed before refreshed without
//! CONCURRENTLY, which locks out its readers.

use super::event::Event;
use super::rule::{Cx, Flag, Rule};

pub const RULE: Rule = Rule {
    name: "require-concurrent-refresh",
    summary: "REFRESH MATERIALIZED VIEW without CONCURRENTLY blocks every reader of the view \
              until the query has run again.",
    why: "A plain refresh takes an ACCESS EXCLUSIVE lock on the view and recomputes it: the \
          dashboards and reports reading it wait for the whole query. REFRESH MATERIALIZED VIEW \
          CONCURRENTLY computes the new contents beside the old and swaps the differences in, \
          so readers go on; it needs a unique index on the view (every LCFS materialized view \
          has one). A view created by the same migration is not flagged: nobody reads it yet.",
    example: "REFRESH MATERIALIZED VIEW mv_fuel_code_count;\n",
    safe: "REFRESH MATERIALIZED VIEW CONCURRENTLY mv_fuel_code_count;\n",
    check,
};

fn check(cx: &Cx) -> Vec<Flag> {
    cx.events
        .iter()
        .filter_map(|event| match event {
            Event::Refresh {
                view,
                concurrently: false,
            } if cx.existed(&view.0) => Some(Flag::new(
                format!(
                    "refreshing `{}` without CONCURRENTLY blocks its readers",
                    view.0
                ),
                view.1,
            )),
            _ => None,
        })
        .collect()
}
