//! `drop-view`: an existing view or materialized view dropped and not created again by the same
//! migration. Dropping and re-creating one in the same migration replaces it, and passes.

use super::event::{Event, Relation};
use super::rule::{Cx, Flag, Recreated, Rule};

pub const RULE: Rule = Rule {
    name: "drop-view",
    summary: "Dropping a view breaks the old code, reports and refresh functions that read it.",
    why: "Views are read by old instances, by report users (Metabase reads the reporting views) \
          and, for materialized views, by the functions and triggers that refresh them: all fail \
          once the view is gone. Replacing a view is fine and is not flagged: CREATE OR REPLACE \
          VIEW (new columns only at the end), or DROP and CREATE of the same view in one \
          migration, which commits both at once (a materialized view has no OR REPLACE). Keep \
          the columns old readers use, and re-grant what the old view was granted.",
    example: "DROP MATERIALIZED VIEW mv_fuel_code_count;\n",
    safe: "DROP MATERIALIZED VIEW mv_fuel_code_count;\n\
           CREATE MATERIALIZED VIEW mv_fuel_code_count AS\n\
           SELECT 'Draft'::text AS status, count(*) AS count\n  \
             FROM fuel_code fc\n \
            WHERE fc.fuel_status_id = 1\n \
            GROUP BY fc.fuel_status_id;\n\
           CREATE UNIQUE INDEX mv_fuel_code_count_idx ON mv_fuel_code_count USING btree (status);\n",
    check,
};

fn check(cx: &Cx) -> Vec<Flag> {
    cx.events
        .iter()
        .filter_map(|event| match event {
            Event::DropRelation {
                kind: Relation::View | Relation::MaterializedView,
                name,
            } if cx.existed(&name.0) => Some(
                Flag::new(
                    format!(
                        "dropping `{}` without creating it again breaks its readers",
                        name.0
                    ),
                    name.1,
                )
                .unless_recreated(Recreated::View(name.0.clone())),
            ),
            _ => None,
        })
        .collect()
}
