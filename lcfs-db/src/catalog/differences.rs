//! The intentional differences from LCFS as data: each row of `docs/differences.md` (the one
//! (Over 200 lines: a data table, one entry per row of `docs/differences.md`, and its tests.)
//! list of them, which a test holds this table to) with the catalog objects it concerns.
//! `adopt` adds the objects LCFS lacks; the parity test expects them as extras.

use super::Kind;

/// What one row of `docs/differences.md` changes in the catalog.
#[derive(Debug, Clone, Copy)]
pub struct IntentionalDifference {
    /// The row's number in `docs/differences.md`.
    pub row: u32,
    /// Objects we have and LCFS lacks.
    pub added: &'static [(Kind, &'static str)],
    /// Objects both have whose body or definition (not in the reference) differs.
    pub rewritten: &'static [(Kind, &'static str)],
}

const CI_AUDIT_TRIGGERS: &[(Kind, &str)] = &[
    (
        Kind::Trigger,
        "ci_application.audit_ci_application_insert_update_delete",
    ),
    (
        Kind::Trigger,
        "ci_application_document_association.audit_ci_application_document_association_insert_update_delete",
    ),
    (
        Kind::Trigger,
        "ci_application_history.audit_ci_application_history_insert_update_delete",
    ),
    (
        Kind::Trigger,
        "ci_application_internal_comment.audit_ci_application_internal_comment_insert_update_delete",
    ),
    (
        Kind::Trigger,
        "ci_application_status.audit_ci_application_status_insert_update_delete",
    ),
    (Kind::Trigger, "pathway.audit_pathway_insert_update_delete"),
    (
        Kind::Trigger,
        "pathway_application_type.audit_pathway_application_type_insert_update_delete",
    ),
    (
        Kind::Trigger,
        "pathway_fuel_code_type.audit_pathway_fuel_code_type_insert_update_delete",
    ),
];

const AUDIT_FUNCTION: &[(Kind, &str)] = &[(Kind::Function, "audit_trigger_func()")];

/// V016: the lookups the credit-transaction aggregate repeats for every row it lists.
const MATVIEW_LOOKUP_INDEXES: &[(Kind, &str)] = &[
    (Kind::Index, "idx_transfer_comment_transfer_source"),
    (Kind::Index, "idx_transfer_history_transfer_status"),
    (
        Kind::Index,
        "idx_initiative_agreement_history_agreement_status",
    ),
    (
        Kind::Index,
        "idx_admin_adjustment_history_adjustment_status",
    ),
    (Kind::Index, "idx_compliance_report_transaction_id"),
    (Kind::Index, "idx_admin_adjustment_transaction_id"),
    (Kind::Index, "idx_initiative_agreement_transaction_id"),
    (Kind::Index, "idx_transfer_from_transaction_id"),
    (Kind::Index, "idx_transfer_to_transaction_id"),
];

/// V017: the refresh state, its helpers, and the statement triggers that note which views a
/// statement changed (V019 replaced its `mv_mark_stale`: row 16).
const MATVIEW_REFRESH_ON_CHANGE: &[(Kind, &str)] = &[
    (Kind::Schema, "lcfs_db"),
    (Kind::Table, "lcfs_db.matview_refresh_state"),
    (Kind::Function, "lcfs_db.mv_inputs(matview text)"),
    (Kind::Function, "lcfs_db.mv_note_changes()"),
    (Kind::Function, "lcfs_db.mv_read_rules()"),
    (Kind::Function, "lcfs_db.mv_refresh_if_needed(target text)"),
    (Kind::Trigger, "admin_adjustment.mv_changes_after_delete"),
    (Kind::Trigger, "admin_adjustment.mv_changes_after_insert"),
    (Kind::Trigger, "admin_adjustment.mv_changes_after_truncate"),
    (Kind::Trigger, "admin_adjustment.mv_changes_after_update"),
    (
        Kind::Trigger,
        "admin_adjustment_history.mv_changes_after_delete",
    ),
    (
        Kind::Trigger,
        "admin_adjustment_history.mv_changes_after_insert",
    ),
    (
        Kind::Trigger,
        "admin_adjustment_history.mv_changes_after_truncate",
    ),
    (
        Kind::Trigger,
        "admin_adjustment_history.mv_changes_after_update",
    ),
    (Kind::Trigger, "compliance_report.mv_changes_after_delete"),
    (Kind::Trigger, "compliance_report.mv_changes_after_insert"),
    (Kind::Trigger, "compliance_report.mv_changes_after_truncate"),
    (Kind::Trigger, "compliance_report.mv_changes_after_update"),
    (Kind::Trigger, "fuel_code.mv_changes_after_delete"),
    (Kind::Trigger, "fuel_code.mv_changes_after_insert"),
    (Kind::Trigger, "fuel_code.mv_changes_after_truncate"),
    (Kind::Trigger, "fuel_code.mv_changes_after_update"),
    (
        Kind::Trigger,
        "initiative_agreement.mv_changes_after_delete",
    ),
    (
        Kind::Trigger,
        "initiative_agreement.mv_changes_after_insert",
    ),
    (
        Kind::Trigger,
        "initiative_agreement.mv_changes_after_truncate",
    ),
    (
        Kind::Trigger,
        "initiative_agreement.mv_changes_after_update",
    ),
    (
        Kind::Trigger,
        "initiative_agreement_history.mv_changes_after_delete",
    ),
    (
        Kind::Trigger,
        "initiative_agreement_history.mv_changes_after_insert",
    ),
    (
        Kind::Trigger,
        "initiative_agreement_history.mv_changes_after_truncate",
    ),
    (
        Kind::Trigger,
        "initiative_agreement_history.mv_changes_after_update",
    ),
    (Kind::Trigger, "transaction.mv_changes_after_delete"),
    (Kind::Trigger, "transaction.mv_changes_after_insert"),
    (Kind::Trigger, "transaction.mv_changes_after_truncate"),
    (Kind::Trigger, "transaction.mv_changes_after_update"),
    (Kind::Trigger, "transfer.mv_changes_after_delete"),
    (Kind::Trigger, "transfer.mv_changes_after_insert"),
    (Kind::Trigger, "transfer.mv_changes_after_truncate"),
    (Kind::Trigger, "transfer.mv_changes_after_update"),
    (Kind::Trigger, "transfer_comment.mv_changes_after_delete"),
    (Kind::Trigger, "transfer_comment.mv_changes_after_insert"),
    (Kind::Trigger, "transfer_comment.mv_changes_after_truncate"),
    (Kind::Trigger, "transfer_comment.mv_changes_after_update"),
    (Kind::Trigger, "transfer_history.mv_changes_after_delete"),
    (Kind::Trigger, "transfer_history.mv_changes_after_insert"),
    (Kind::Trigger, "transfer_history.mv_changes_after_truncate"),
    (Kind::Trigger, "transfer_history.mv_changes_after_update"),
];

/// V019: TRUNCATE marks the views stale through a trigger function nobody may call.
const MATVIEW_TRUNCATE_FUNCTION: &[(Kind, &str)] = &[(Kind::Function, "lcfs_db.mv_truncated()")];

/// V017: the refresh functions keep their names and signatures, with bodies that skip a
/// refresh that cannot change the view.
const REFRESH_FUNCTIONS: &[(Kind, &str)] = &[
    (Kind::Function, "refresh_mv_compliance_report_count()"),
    (
        Kind::Function,
        "refresh_mv_director_review_transaction_count()",
    ),
    (Kind::Function, "refresh_mv_fuel_code_count()"),
    (Kind::Function, "refresh_mv_org_compliance_report_count()"),
    (Kind::Function, "refresh_mv_transaction_count()"),
    (Kind::Function, "refresh_transaction_aggregate()"),
];

/// V018: what a first-on-its-server LCFS database lets the reporting role read, beyond the 16
/// views of the reference (which describes a second database on its server).
const PRODUCTION_REPORTING_GRANTS: &[(Kind, &str)] = &[
    (
        Kind::Grant,
        "table charging_equipment to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "table charging_equipment_intended_use_association to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "table charging_equipment_intended_user_association to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "table charging_equipment_status to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "table charging_power_output to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "table charging_site to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "table charging_site_document_association to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "table charging_site_status to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "table ci_application to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "table ci_application_document_association to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "table ci_application_history to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "table ci_application_internal_comment to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "table ci_application_status to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "table compliance_report_charging_equipment to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "table credit_market_audit_log to basic_lcfs_reporting_role",
    ),
    (Kind::Grant, "table forms to basic_lcfs_reporting_role"),
    (
        Kind::Grant,
        "table fuel_code_history to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "table government_notification to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "table login_bg_image to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "table organization_early_issuance_by_year to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "table organization_link_keys to basic_lcfs_reporting_role",
    ),
    (Kind::Grant, "table pathway to basic_lcfs_reporting_role"),
    (
        Kind::Grant,
        "table pathway_application_type to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "table pathway_fuel_code_type to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "table penalty_log to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "table report_opening to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "table scheduled_tasks to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "table task_executions to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "view transaction_status_view to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "view v_fse_reporting_base_pref to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "materialized view mv_credit_ledger to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "materialized view mv_director_review_transaction_count to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "materialized view mv_transaction_aggregate to basic_lcfs_reporting_role",
    ),
    (
        Kind::Grant,
        "default privileges on tables in schema public to basic_lcfs_reporting_role",
    ),
];

/// Every row of `docs/differences.md`, in order.
pub const INTENTIONAL_DIFFERENCES: &[IntentionalDifference] = &[
    IntentionalDifference {
        row: 1,
        added: &[(
            Kind::Constraint,
            "compliance_report_charging_equipment.ck_compliance_report_charging_equipment_check_supply_date_order",
        )],
        rewritten: &[],
    },
    IntentionalDifference {
        row: 2,
        added: CI_AUDIT_TRIGGERS,
        rewritten: &[],
    },
    IntentionalDifference {
        row: 3,
        added: &[],
        rewritten: AUDIT_FUNCTION,
    },
    IntentionalDifference {
        row: 4,
        added: &[],
        rewritten: AUDIT_FUNCTION,
    },
    IntentionalDifference {
        row: 5,
        added: &[],
        rewritten: &[(Kind::Function, "ensure_audit_triggers()")],
    },
    // audit_log's rows: data, not catalog.
    IntentionalDifference {
        row: 6,
        added: &[],
        rewritten: &[],
    },
    IntentionalDifference {
        row: 7,
        added: &[],
        rewritten: &[(Kind::Function, "update_organization_balance()")],
    },
    IntentionalDifference {
        row: 8,
        added: &[],
        rewritten: &[(Kind::Function, "update_count_transfers_in_progress()")],
    },
    IntentionalDifference {
        row: 9,
        added: &[],
        rewritten: &[
            (Kind::View, "v_compliance_report"),
            (Kind::MaterializedView, "mv_transaction_aggregate"),
        ],
    },
    IntentionalDifference {
        row: 10,
        added: &[],
        rewritten: &[
            (Kind::View, "v_compliance_report"),
            (Kind::View, "vw_transfer_base"),
        ],
    },
    IntentionalDifference {
        row: 11,
        added: &[],
        rewritten: &[],
    },
    // A down file's behaviour: nothing in the catalog at head.
    IntentionalDifference {
        row: 12,
        added: &[],
        rewritten: &[],
    },
    IntentionalDifference {
        row: 13,
        added: MATVIEW_LOOKUP_INDEXES,
        rewritten: &[],
    },
    IntentionalDifference {
        row: 14,
        added: MATVIEW_REFRESH_ON_CHANGE,
        rewritten: REFRESH_FUNCTIONS,
    },
    IntentionalDifference {
        row: 15,
        added: PRODUCTION_REPORTING_GRANTS,
        rewritten: &[],
    },
    IntentionalDifference {
        row: 16,
        added: MATVIEW_TRUNCATE_FUNCTION,
        rewritten: REFRESH_FUNCTIONS,
    },
];

/// Every object we add beyond LCFS, with the row that says why.
pub fn added_objects() -> impl Iterator<Item = (u32, Kind, &'static str)> {
    INTENTIONAL_DIFFERENCES.iter().flat_map(|d| {
        d.added
            .iter()
            .map(move |(kind, name)| (d.row, *kind, *name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table rows of `docs/differences.md`: `| 1 | …`.
    fn documented_rows() -> Vec<u32> {
        include_str!("../../../docs/differences.md")
            .lines()
            .filter_map(|line| line.strip_prefix("| ")?.split(' ').next()?.parse().ok())
            .collect()
    }

    #[test]
    fn every_documented_difference_has_its_data_and_no_other() {
        let rows: Vec<u32> = INTENTIONAL_DIFFERENCES.iter().map(|d| d.row).collect();
        assert_eq!(rows, documented_rows(), "docs/differences.md is the list");
    }

    #[test]
    fn every_object_named_exists_at_head_and_added_ones_are_not_lcfs_s() {
        let head = crate::catalog::head_snapshot().unwrap();
        let reference = crate::catalog::lcfs_reference().unwrap();
        for d in INTENTIONAL_DIFFERENCES {
            for (kind, name) in d.added.iter().chain(d.rewritten) {
                assert!(
                    head.get(*kind, name).is_some(),
                    "row {}: {kind} {name} at head",
                    d.row
                );
            }
            for (kind, name) in d.added {
                assert!(
                    reference.get(*kind, name).is_none(),
                    "row {}: LCFS has {kind} {name}",
                    d.row
                );
            }
        }
    }
}
