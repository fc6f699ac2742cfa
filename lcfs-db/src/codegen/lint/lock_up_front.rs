//! `lock-up-front`: a migration that locks several existing relations against writes, one of
//! them a view or materialized view, whose lock the runner cannot take up front with the others.

use super::event::Event;
use super::rule::{Cx, Flag, Rule};

pub const RULE: Rule = Rule {
    name: "lock-up-front",
    summary: "A migration that locks a view or materialized view besides another existing \
              relation takes those locks one by one, and can deadlock with the application.",
    why: "Before a migration's first statement the runner takes, in one fixed order and waiting \
          only briefly while it holds any, the locks its statements will take on existing tables \
          (`migrations/README.md`). `LOCK TABLE` cannot take a materialized view's lock, and a \
          view's would reach its base tables, so those are taken by the statements themselves, \
          one after another: holding the first, the migration waits for the next, while an \
          application transaction that takes them in the other order (a refresh trigger \
          refreshing one view, then another) waits for the first. The server then rolls one of \
          them back, and it may be the application's. Lock one view per migration, or the \
          views after nothing else; a view created by the same migration is not counted.",
    example: "REFRESH MATERIALIZED VIEW CONCURRENTLY mv_credit_ledger;\n\
              REFRESH MATERIALIZED VIEW CONCURRENTLY mv_transaction_aggregate;\n",
    safe: "REFRESH MATERIALIZED VIEW CONCURRENTLY mv_credit_ledger;\n\
           -- then, in the next migration:\n\
           REFRESH MATERIALIZED VIEW CONCURRENTLY mv_transaction_aggregate;\n",
    check,
};

fn check(cx: &Cx) -> Vec<Flag> {
    if !cx.transactional {
        return Vec::new();
    }
    let locked = &cx.memory.write_locked;
    cx.events
        .iter()
        .filter_map(Event::write_blocking_lock)
        .filter(|(name, _)| cx.existed(name))
        .filter_map(|(name, span)| {
            let view = cx.model.views.contains(name);
            let other = locked
                .iter()
                .find(|(other, other_view)| *other != name && (view || **other_view))?;
            let (viewed, beside) = match view {
                true => (name, other.0),
                false => (other.0, name),
            };
            Some(Flag::new(
                format!(
                    "`{viewed}` is a view or materialized view: its lock cannot be taken up front with `{beside}`'s, \
                     and the application may take them in the other order"
                ),
                *span,
            ))
        })
        .collect()
}
