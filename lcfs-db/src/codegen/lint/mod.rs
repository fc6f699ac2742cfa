//! The lint: each statement of a migration checked against rules for locking and compatibility
//! hazards, knowing from the replayed model what existed before the migration (a table the
//! migration creates itself is exempt); and the migration's class, expand or contract, from the
//! same events. `docs/migration-rules.md` lists the rules and why each was chosen.

mod accept;
mod changes;
mod class;
mod event;
mod existing;
mod migration;
mod rule;

mod add_column_rewrites_table;
mod adding_required_field;
mod changing_column_type;
mod constraint_missing_not_valid;
mod drop_column;
mod drop_table;
mod drop_view;
mod enum_label_used_before_commit;
mod lock_up_front;
mod no_transaction_mixes_ddl;
mod remove_enum_label;
mod rename_column;
mod rename_table_or_view;
mod require_concurrent_index;
mod require_concurrent_refresh;
mod requires_no_transaction;
mod set_not_null_without_check;
mod vacuum_full_or_cluster;
mod validate_in_same_transaction;

pub use class::{Class, Verdict};
pub use migration::MigrationLint;
#[allow(
    unused_imports,
    reason = "the tests split examples at it, the build does not"
)]
pub use rule::NEXT_MIGRATION;
pub use rule::Rule;

/// Every rule: locking hazards first, then compatibility hazards.
pub const RULES: &[&Rule] = &[
    &require_concurrent_index::RULE,
    &constraint_missing_not_valid::RULE,
    &validate_in_same_transaction::RULE,
    &set_not_null_without_check::RULE,
    &changing_column_type::RULE,
    &add_column_rewrites_table::RULE,
    &adding_required_field::RULE,
    &vacuum_full_or_cluster::RULE,
    &require_concurrent_refresh::RULE,
    &lock_up_front::RULE,
    &requires_no_transaction::RULE,
    &no_transaction_mixes_ddl::RULE,
    &enum_label_used_before_commit::RULE,
    &drop_column::RULE,
    &drop_table::RULE,
    &drop_view::RULE,
    &rename_column::RULE,
    &rename_table_or_view::RULE,
    &remove_enum_label::RULE,
];

/// The rule called `name`.
pub fn rule(name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|rule| rule.name == name)
}
