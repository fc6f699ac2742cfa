//! The migrated database is the LCFS reference, object for object, by our own comparison (the
//! `check` machinery) against the reference facts kept in the repository.

mod common;

use common::parity::parity;
use lcfs_db::catalog::{Kind, added_objects};
use lcfs_db::testing::TestDatabase;

#[lcfs_db::test]
async fn head_matches_the_lcfs_reference(db: TestDatabase) {
    let parity = parity(&db).await;
    println!("{}", parity.report());
    assert!(parity.failures.is_empty(), "{}", parity.report());
    assert_eq!(parity.matched, parity.total);
    assert!(
        parity.total > 2300,
        "the whole reference is compared: {}",
        parity.report()
    );
    for (row, kind, name) in added_objects() {
        assert!(
            parity.extras.contains(&(kind, name.to_owned())),
            "docs/differences.md row {row} adds {kind} {name}, which is not an extra"
        );
    }
    let documented: Vec<(Kind, String)> = added_objects()
        .map(|(_, kind, name)| (kind, name.to_owned()))
        .collect();
    let undocumented: Vec<_> = parity
        .extras
        .iter()
        .filter(|e| !documented.contains(e))
        .collect();
    println!("extras beyond docs/differences.md: {undocumented:?}");
}

#[lcfs_db::test]
async fn parity_names_each_broken_object(db: TestDatabase) {
    db.batch_execute(
        "ALTER TABLE organization ALTER COLUMN name SET DEFAULT 'unnamed';
         DROP INDEX idx_audit_log_operation;
         DROP TRIGGER update_organization_balance_trigger ON transaction;
         ALTER TYPE quarter ADD VALUE 'Q5';
         REVOKE SELECT ON vw_fse_base FROM basic_lcfs_reporting_role;
         UPDATE fuel_type SET fuel_type = fuel_type || ' (edited)' WHERE fuel_type_id = 1;",
    )
    .await
    .unwrap();
    let parity = parity(&db).await;
    let report = parity.report();
    for expected in [
        "differ column organization.name: default want null got ",
        "missing index idx_audit_log_operation",
        "missing trigger transaction.update_organization_balance_trigger",
        "differ enum quarter: labels",
        "missing grant view vw_fse_base to basic_lcfs_reporting_role",
        "rows fuel_type:",
    ] {
        assert!(
            parity.failures.iter().any(|f| f.starts_with(expected)),
            "{expected:?} is not among the failures:\n{report}"
        );
    }
    assert_eq!(parity.failures.len(), 6, "{report}");
    assert!(parity.matched < parity.total);
}
