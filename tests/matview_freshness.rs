//! The materialized views after V016–V017 (refreshes skipped when they cannot change a view)
//! hold exactly what LCFS's arrangement (head at V015, a refresh after every statement) holds:
//! a seeded random sequence of writes runs on both, and all seven views are compared after every
//! statement, inside transactions too; at checkpoints each view also equals a fresh run of its
//! own defining query. The other tests show the skips happen, and that TRUNCATE needs no more
//! rights than in LCFS and leaves the views for the next statement to refresh.

mod common;

use lcfs_db::testing::TestDatabase;
use tokio_postgres::Client;

const VIEWS: [&str; 7] = [
    "mv_transaction_aggregate",
    "mv_credit_ledger",
    "mv_transaction_count",
    "mv_director_review_transaction_count",
    "mv_compliance_report_count",
    "mv_org_compliance_report_count",
    "mv_fuel_code_count",
];

/// A small, seeded generator (SplitMix64), so that a failing sequence replays exactly.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 1 ..= n.
    fn pick(&mut self, n: u64) -> u64 {
        1 + self.next() % n
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn one_of<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }

    /// A timestamp literal between 2023 and 2025, on either side of a daylight-saving change.
    fn moment(&mut self) -> String {
        format!(
            "'2023-10-01 00:00+00'::timestamptz + interval '{} hours'",
            self.next() % 20_000
        )
    }
}

/// Ids handed out so far per table, so that updates and references hit existing rows.
#[derive(Default)]
struct Ids {
    transaction: u64,
    transfer: u64,
    agreement: u64,
    adjustment: u64,
    report: u64,
    comment: u64,
    fuel_code: u64,
}

fn nullable(rng: &mut Seeded, upto: u64) -> String {
    if upto == 0 || rng.chance(40) {
        "NULL".to_owned()
    } else {
        rng.pick(upto).to_string()
    }
}

/// A reference to an existing transaction (ids of rolled-back inserts are skipped), or NULL.
fn transaction_ref(rng: &mut Seeded, ids: &Ids) -> String {
    if ids.transaction == 0 || rng.chance(40) {
        "NULL".to_owned()
    } else {
        format!(
            "(SELECT transaction_id FROM transaction ORDER BY transaction_id OFFSET {} LIMIT 1)",
            rng.next() % ids.transaction
        )
    }
}

/// One statement of the random sequence.
fn statement(rng: &mut Seeded, ids: &mut Ids) -> String {
    let org = rng.pick(5);
    let other = 1 + (org + rng.pick(4) - 1) % 5;
    let at = rng.moment();
    let units = rng.next() % 400;
    match rng.pick(24) {
        1 | 2 => {
            ids.transaction += 1;
            let action = rng.one_of(&["Adjustment", "Reserved", "Released"]);
            let effective = if rng.chance(30) {
                format!("({at})::date")
            } else {
                "NULL".to_owned()
            };
            format!(
                "INSERT INTO transaction (transaction_id, compliance_units, organization_id, transaction_action, \
                 create_date, update_date, effective_date, effective_status) VALUES ({}, {units} - 200, {org}, \
                 '{action}', {at}, {at}, {effective}, {})",
                ids.transaction,
                rng.chance(85)
            )
        }
        3 => format!(
            "UPDATE transaction SET compliance_units = {units}, update_date = {at} WHERE transaction_id = {}",
            nullable(rng, ids.transaction)
        ),
        4 => format!(
            "UPDATE transaction SET effective_status = NOT effective_status WHERE organization_id = {org}"
        ),
        5 | 6 => {
            ids.transfer += 1;
            let to = if rng.chance(5) { org } else { other };
            format!(
                "INSERT INTO transfer (transfer_id, from_organization_id, to_organization_id, from_transaction_id, \
                 to_transaction_id, transaction_effective_date, price_per_unit, quantity, transfer_category_id, \
                 current_status_id, create_date, update_date) VALUES ({}, {org}, {to}, {}, {}, {}, 1.25, {units}, {}, {}, {at}, {at})",
                ids.transfer,
                transaction_ref(rng, ids),
                transaction_ref(rng, ids),
                if rng.chance(50) {
                    format!("({at})::timestamp")
                } else {
                    "NULL".to_owned()
                },
                nullable(rng, 4),
                rng.pick(9)
            )
        }
        7 | 8 => format!(
            "UPDATE transfer SET current_status_id = {}, update_date = {at} WHERE transfer_id = {}",
            rng.pick(9),
            nullable(rng, ids.transfer)
        ),
        9 => format!(
            "UPDATE transfer SET recommendation = 'Record' WHERE transfer_id = {}",
            nullable(rng, ids.transfer)
        ),
        10 => format!(
            "INSERT INTO transfer_history (transfer_id, transfer_status_id, create_date, update_date) \
             SELECT transfer_id, {}, {at}, {at} FROM transfer ORDER BY transfer_id OFFSET {} LIMIT 1",
            rng.one_of(&["3", "4", "6", "6"]),
            rng.next() % ids.transfer.max(1)
        ),
        11 | 24 => {
            ids.comment += 1;
            format!(
                "INSERT INTO transfer_comment (transfer_comment_id, transfer_id, comment, comment_source) \
                 SELECT {}, transfer_id, 'c{units}', '{}' FROM transfer ORDER BY transfer_id OFFSET {} LIMIT 1",
                ids.comment,
                rng.one_of(&["FROM_ORG", "TO_ORG", "GOVERNMENT"]),
                rng.next() % ids.transfer.max(1)
            )
        }
        // TRUNCATE is rarer than a comment, so that comments accumulate between two.
        12 if rng.chance(20) => "TRUNCATE transfer_comment".to_owned(),
        12 => format!(
            "DELETE FROM transfer_comment WHERE transfer_comment_id = {}",
            nullable(rng, ids.comment)
        ),
        13 => {
            let (table, counter) = if rng.chance(50) {
                ids.agreement += 1;
                ("initiative_agreement", ids.agreement)
            } else {
                ids.adjustment += 1;
                ("admin_adjustment", ids.adjustment)
            };
            format!(
                "INSERT INTO {table} ({table}_id, compliance_units, transaction_effective_date, gov_comment, \
                 to_organization_id, transaction_id, current_status_id, create_date, update_date, effective_status) \
                 VALUES ({counter}, {units}, ({at})::timestamp, 'g{units}', {org}, {}, {}, {at}, {at}, true)",
                transaction_ref(rng, ids),
                rng.pick(4)
            )
        }
        14 => {
            let (table, upto) = if rng.chance(50) {
                ("initiative_agreement", ids.agreement)
            } else {
                ("admin_adjustment", ids.adjustment)
            };
            format!(
                "UPDATE {table} SET current_status_id = {}, update_date = {at} WHERE {table}_id = {}",
                rng.pick(4),
                nullable(rng, upto)
            )
        }
        15 => {
            let (table, upto) = if rng.chance(50) {
                ("initiative_agreement", ids.agreement)
            } else {
                ("admin_adjustment", ids.adjustment)
            };
            format!(
                "INSERT INTO {table}_history ({table}_id, {table}_status_id, create_date, update_date, effective_status) \
                 SELECT {table}_id, {}, {at}, {at}, true FROM {table} ORDER BY {table}_id OFFSET {} LIMIT 1",
                rng.pick(3),
                rng.next() % upto.max(1)
            )
        }
        16 | 17 => {
            ids.report += 1;
            let group = rng.pick(6);
            format!(
                "INSERT INTO compliance_report (compliance_report_id, compliance_period_id, organization_id, \
                 current_status_id, transaction_id, compliance_report_group_uuid, version, supplemental_initiator, \
                 reporting_frequency, nickname, create_date, update_date) VALUES ({}, {}, {org}, {}, {}, 'group-{group}', \
                 (SELECT count(*) FROM compliance_report WHERE compliance_report_group_uuid = 'group-{group}'), {}, \
                 'ANNUAL', 'r{units}', {at}, {at})",
                ids.report,
                14 + rng.pick(3),
                rng.one_of(&["1", "2", "3", "4", "5", "5", "10"]),
                transaction_ref(rng, ids),
                rng.one_of(&[
                    "NULL",
                    "'SUPPLIER_SUPPLEMENTAL'",
                    "'GOVERNMENT_REASSESSMENT'",
                    "'GOVERNMENT_INITIATED'"
                ])
            )
        }
        18 => format!(
            "UPDATE compliance_report SET current_status_id = {}, update_date = {at} WHERE compliance_report_id = {}",
            rng.one_of(&["1", "2", "3", "4", "5", "10"]),
            nullable(rng, ids.report)
        ),
        19 => {
            if ids.fuel_code == 0 || rng.chance(50) {
                ids.fuel_code += 1;
                format!(
                    "INSERT INTO fuel_code (fuel_code_id, fuel_status_id, prefix_id, fuel_suffix, company, \
                     carbon_intensity, edrms, application_date, fuel_type_id, feedstock, feedstock_location, \
                     effective_status, co_processed) VALUES ({0}, {1}, 1, '{0}.0', 'Co', 10, 'e', '2024-01-01', 1, \
                     'canola', 'BC', true, 'No')",
                    ids.fuel_code,
                    rng.pick(4)
                )
            } else {
                format!(
                    "UPDATE fuel_code SET fuel_status_id = {} WHERE fuel_code_id = {}",
                    rng.pick(4),
                    rng.pick(ids.fuel_code)
                )
            }
        }
        // Tables no refresh watches: both arrangements leave the views stale until the next
        // statement on a watched table.
        20 => format!(
            "UPDATE organization SET name = 'Org {org} v{units}' WHERE organization_id = {org}"
        ),
        21 => format!(
            "UPDATE compliance_period SET description = '{}' WHERE compliance_period_id = {}",
            2013 + rng.pick(4) + rng.next() % 2 * 100,
            14 + rng.pick(3)
        ),
        22 => format!(
            "SET TimeZone = '{}'",
            rng.one_of(&["UTC", "America/Vancouver", "Asia/Tokyo"])
        ),
        // Statements that change no row.
        _ => {
            let (table, key) = *[
                ("transfer", "transfer_id"),
                ("transfer_history", "transfer_history_id"),
                ("transaction", "transaction_id"),
                ("compliance_report", "compliance_report_id"),
                ("fuel_code", "fuel_code_id"),
                ("admin_adjustment_history", "admin_adjustment_history_id"),
            ]
            .get((rng.next() % 6) as usize)
            .unwrap();
            format!("UPDATE {table} SET {key} = {key} WHERE false")
        }
    }
}

/// What a view may read of a watched table, column by column: (table, key, column, kind of value).
const COLUMNS: &[(&str, &str, &str, &str)] = &[
    (
        "transfer",
        "transfer_id",
        "from_organization_id",
        "organization",
    ),
    (
        "transfer",
        "transfer_id",
        "to_organization_id",
        "organization",
    ),
    (
        "transfer",
        "transfer_id",
        "from_transaction_id",
        "transaction",
    ),
    (
        "transfer",
        "transfer_id",
        "to_transaction_id",
        "transaction",
    ),
    (
        "transfer",
        "transfer_id",
        "transaction_effective_date",
        "timestamp",
    ),
    ("transfer", "transfer_id", "price_per_unit", "units"),
    ("transfer", "transfer_id", "quantity", "units"),
    (
        "transfer",
        "transfer_id",
        "transfer_category_id",
        "category",
    ),
    (
        "transfer",
        "transfer_id",
        "current_status_id",
        "transfer status",
    ),
    ("transfer", "transfer_id", "create_date", "moment"),
    ("transfer", "transfer_id", "update_date", "moment"),
    (
        "transfer_history",
        "transfer_history_id",
        "transfer_id",
        "transfer",
    ),
    (
        "transfer_history",
        "transfer_history_id",
        "transfer_status_id",
        "history status",
    ),
    (
        "transfer_history",
        "transfer_history_id",
        "create_date",
        "moment",
    ),
    (
        "transfer_comment",
        "transfer_comment_id",
        "transfer_id",
        "transfer",
    ),
    ("transfer_comment", "transfer_comment_id", "comment", "text"),
    (
        "transfer_comment",
        "transfer_comment_id",
        "comment_source",
        "source",
    ),
    (
        "initiative_agreement",
        "initiative_agreement_id",
        "to_organization_id",
        "organization",
    ),
    (
        "initiative_agreement",
        "initiative_agreement_id",
        "transaction_id",
        "transaction",
    ),
    (
        "initiative_agreement",
        "initiative_agreement_id",
        "current_status_id",
        "status",
    ),
    (
        "initiative_agreement",
        "initiative_agreement_id",
        "compliance_units",
        "units",
    ),
    (
        "initiative_agreement",
        "initiative_agreement_id",
        "transaction_effective_date",
        "timestamp",
    ),
    (
        "initiative_agreement",
        "initiative_agreement_id",
        "gov_comment",
        "text",
    ),
    (
        "initiative_agreement",
        "initiative_agreement_id",
        "create_date",
        "moment",
    ),
    (
        "initiative_agreement",
        "initiative_agreement_id",
        "update_date",
        "moment",
    ),
    (
        "initiative_agreement_history",
        "initiative_agreement_history_id",
        "initiative_agreement_status_id",
        "status",
    ),
    (
        "initiative_agreement_history",
        "initiative_agreement_history_id",
        "create_date",
        "moment",
    ),
    (
        "admin_adjustment",
        "admin_adjustment_id",
        "to_organization_id",
        "organization",
    ),
    (
        "admin_adjustment",
        "admin_adjustment_id",
        "transaction_id",
        "transaction",
    ),
    (
        "admin_adjustment",
        "admin_adjustment_id",
        "current_status_id",
        "status",
    ),
    (
        "admin_adjustment",
        "admin_adjustment_id",
        "compliance_units",
        "units",
    ),
    (
        "admin_adjustment",
        "admin_adjustment_id",
        "transaction_effective_date",
        "timestamp",
    ),
    (
        "admin_adjustment",
        "admin_adjustment_id",
        "gov_comment",
        "text",
    ),
    (
        "admin_adjustment",
        "admin_adjustment_id",
        "create_date",
        "moment",
    ),
    (
        "admin_adjustment",
        "admin_adjustment_id",
        "update_date",
        "moment",
    ),
    (
        "admin_adjustment_history",
        "admin_adjustment_history_id",
        "admin_adjustment_status_id",
        "status",
    ),
    (
        "admin_adjustment_history",
        "admin_adjustment_history_id",
        "create_date",
        "moment",
    ),
    (
        "compliance_report",
        "compliance_report_id",
        "organization_id",
        "organization",
    ),
    (
        "compliance_report",
        "compliance_report_id",
        "compliance_period_id",
        "period",
    ),
    (
        "compliance_report",
        "compliance_report_id",
        "current_status_id",
        "report status",
    ),
    (
        "compliance_report",
        "compliance_report_id",
        "transaction_id",
        "transaction",
    ),
    (
        "compliance_report",
        "compliance_report_id",
        "nickname",
        "text",
    ),
    (
        "compliance_report",
        "compliance_report_id",
        "compliance_report_group_uuid",
        "group",
    ),
    (
        "compliance_report",
        "compliance_report_id",
        "version",
        "version",
    ),
    (
        "compliance_report",
        "compliance_report_id",
        "supplemental_initiator",
        "initiator",
    ),
    (
        "compliance_report",
        "compliance_report_id",
        "create_date",
        "moment",
    ),
    (
        "compliance_report",
        "compliance_report_id",
        "update_date",
        "moment",
    ),
    (
        "transaction",
        "transaction_id",
        "organization_id",
        "organization",
    ),
    ("transaction", "transaction_id", "compliance_units", "units"),
    (
        "transaction",
        "transaction_id",
        "transaction_action",
        "action",
    ),
    ("transaction", "transaction_id", "effective_status", "flag"),
    ("transaction", "transaction_id", "effective_date", "date"),
    ("transaction", "transaction_id", "create_date", "moment"),
    ("transaction", "transaction_id", "update_date", "moment"),
    ("fuel_code", "fuel_code_id", "fuel_status_id", "status"),
    ("fuel_code", "fuel_code_id", "company", "text"),
];

/// Column `index` of [`COLUMNS`] changed alone, on one to three existing rows where it differs: a
/// view must follow each column it reads, not only beside the ones that usually change with it.
fn one_column(rng: &mut Seeded, ids: &Ids, index: usize) -> String {
    let (table, key, column, kind) = COLUMNS[index];
    let at = rng.moment();
    let value = match kind {
        "organization" => rng.pick(5).to_string(),
        "transaction" => transaction_ref(rng, ids),
        "transfer" => rng.pick(ids.transfer.max(1)).to_string(),
        "category" => nullable(rng, 4),
        "transfer status" => rng.pick(9).to_string(),
        "history status" => rng.one_of(&["3", "4", "5", "6"]).to_owned(),
        "status" => rng.pick(4).to_string(),
        "report status" => rng.one_of(&["1", "2", "3", "4", "5", "10"]).to_owned(),
        "period" => (14 + rng.pick(3)).to_string(),
        "units" => (rng.next() % 400).to_string(),
        "timestamp" if rng.chance(25) => "NULL".to_owned(),
        "timestamp" => format!("({at})::timestamp"),
        "date" if rng.chance(25) => "NULL".to_owned(),
        "date" => format!("({at})::date"),
        "moment" => at,
        "text" => format!("'t{}'", rng.next() % 50),
        "source" => format!("'{}'", rng.one_of(&["FROM_ORG", "TO_ORG", "GOVERNMENT"])),
        "group" => format!("'group-{}'", rng.pick(6)),
        "version" => (rng.next() % 3).to_string(),
        "initiator" => rng
            .one_of(&[
                "NULL",
                "'SUPPLIER_SUPPLEMENTAL'",
                "'GOVERNMENT_REASSESSMENT'",
            ])
            .to_owned(),
        "action" => format!("'{}'", rng.one_of(&["Adjustment", "Reserved", "Released"])),
        "flag" => rng.chance(50).to_string(),
        other => unreachable!("no values of kind {other}"),
    };
    format!(
        "UPDATE {table} SET {column} = {value} WHERE {column} IS DISTINCT FROM {value} \
         AND {key} IN (SELECT {key} FROM {table} ORDER BY {key} \
         OFFSET {} % greatest((SELECT count(*) FROM {table}), 1) LIMIT {})",
        rng.next() % 1000,
        rng.pick(3)
    )
}

/// Every row of `view` as text, sorted: a multiset two databases can be compared by.
async fn rows(db: &Client, relation: &str) -> Vec<String> {
    common::probe::column(db, &format!("SELECT r::text FROM {relation} r ORDER BY 1")).await
}

/// The view's defining query, as the server prints it, run as a query of its own.
async fn fresh_rows(db: &Client, view: &str) -> Vec<String> {
    let definition: Vec<String> =
        common::probe::column(db, &format!("SELECT pg_get_viewdef('{view}'::regclass)")).await;
    let query = definition[0].trim().trim_end_matches(';');
    rows(db, &format!("({query})")).await
}

async fn same_views(head: &Client, lcfs: &Client, after: &str) {
    for view in VIEWS {
        let (ours, theirs) = (rows(head, view).await, rows(lcfs, view).await);
        assert!(
            ours == theirs,
            "{view} differs after `{after}`:\nours:  {ours:#?}\nLCFS's: {theirs:#?}"
        );
    }
}

/// Outcome of one batch on both databases: both succeed, or both fail the same way; true
/// when they succeeded.
async fn run_both(head: &Client, lcfs: &Client, sql: &str) -> bool {
    let ours = head.batch_execute(sql).await;
    let theirs = lcfs.batch_execute(sql).await;
    same_outcome(sql, ours, theirs).is_some()
}

/// One statement on both databases, as [`run_both`]: the rows it changed when it succeeded.
async fn count_both(head: &Client, lcfs: &Client, sql: &str) -> Option<u64> {
    let ours = head.execute(sql, &[]).await;
    let theirs = lcfs.execute(sql, &[]).await;
    same_outcome(sql, ours, theirs)
}

fn same_outcome<T: std::fmt::Debug + PartialEq>(
    sql: &str,
    ours: Result<T, tokio_postgres::Error>,
    theirs: Result<T, tokio_postgres::Error>,
) -> Option<T> {
    let code =
        |r: &Result<T, tokio_postgres::Error>| r.as_ref().err().and_then(|e| e.code().cloned());
    assert_eq!(
        (ours.is_ok(), code(&ours)),
        (theirs.is_ok(), code(&theirs)),
        "`{sql}`: ours {ours:?}, LCFS's {theirs:?}"
    );
    let (ours, theirs) = (ours.ok()?, theirs.ok()?);
    assert_eq!(ours, theirs, "`{sql}` changed as many rows on both");
    Some(ours)
}

/// A statement on transfer, compliance_report and fuel_code: together they fire every refresh.
const TOUCH_ALL: &str = "UPDATE transfer SET transfer_id = transfer_id WHERE false; \
     UPDATE compliance_report SET compliance_report_id = compliance_report_id WHERE false; \
     UPDATE fuel_code SET fuel_code_id = fuel_code_id WHERE false";

#[lcfs_db::test]
async fn views_equal_lcfs_after_every_statement_of_a_random_sequence(head: TestDatabase) {
    let lcfs = TestDatabase::with_migrations(lcfs_db::migrations()[..15].to_vec())
        .await
        .expect("a database with LCFS's arrangement (head at V015)");
    let setup = "SET TimeZone = 'UTC'; \
        INSERT INTO organization (organization_id, organization_code, name, effective_status) \
        SELECT o, 'R' || o, 'Org ' || o, true FROM generate_series(1, 5) o";
    assert!(run_both(&head, &lcfs, setup).await);

    let seed: u64 = std::env::var("LCFS_DB_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_240_601);
    let mut rng = Seeded(seed);
    let mut ids = Ids::default();
    // Rows changed per column of COLUMNS; the column whose turn it is, and its tries so far.
    let (mut changed, mut turn, mut tries) = (vec![0; COLUMNS.len()], 0, 0);
    for step in 0..400 {
        // Now and then a transaction of a few statements, kept or rolled back: the views must
        // follow inside it, and a rollback must take the refreshes and their state with it.
        let block = rng.chance(12);
        if block {
            run_both(&head, &lcfs, "BEGIN").await;
        }
        let mut failed = false;
        for _ in 0..if block { 1 + rng.pick(3) } else { 1 } {
            // One statement in four changes one column, taking the columns in turn; a column
            // keeps its turn until it changed a row, or for three tries (its table may be empty).
            let (sql, column) = if rng.chance(25) {
                let index = turn % COLUMNS.len();
                (one_column(&mut rng, &ids, index), Some(index))
            } else {
                (statement(&mut rng, &mut ids), None)
            };
            let succeeded = match column {
                Some(index) => {
                    let rows = count_both(&head, &lcfs, &sql).await;
                    changed[index] += rows.unwrap_or(0);
                    tries += 1;
                    if rows.unwrap_or(0) > 0 || tries == 3 {
                        (turn, tries) = (turn + 1, 0);
                    }
                    rows
                }
                None => run_both(&head, &lcfs, &sql).await.then_some(0),
            };
            if succeeded.is_some() {
                same_views(&head, &lcfs, &format!("step {step} (seed {seed}): {sql}")).await;
            } else if block {
                // The transaction is aborted: nothing more can run in it.
                failed = true;
                break;
            }
        }
        if block {
            let end = if failed || rng.chance(50) {
                "ROLLBACK"
            } else {
                "COMMIT"
            };
            run_both(&head, &lcfs, end).await;
            same_views(&head, &lcfs, &format!("step {step} (seed {seed}): {end}")).await;
        }
        if step % 40 == 39 {
            checkpoint(&head, &lcfs, step).await;
        }
    }
    // Then every column three more times, on a ledger now full.
    for (index, rows) in changed.iter_mut().enumerate() {
        for _ in 0..3 {
            let sql = one_column(&mut rng, &ids, index);
            *rows += count_both(&head, &lcfs, &sql).await.unwrap_or(0);
            same_views(&head, &lcfs, &format!("sweep (seed {seed}): {sql}")).await;
        }
    }
    let missed: Vec<String> = COLUMNS
        .iter()
        .zip(changed)
        .filter(|(_, rows)| *rows == 0)
        .map(|((table, _, column, _), _)| format!("{table}.{column}"))
        .collect();
    assert!(missed.is_empty(), "the sequence never changed {missed:?}");
    let counted: Vec<i64> =
        common::probe::column(&head, "SELECT count(*) FROM mv_transaction_aggregate").await;
    assert!(counted[0] > 30, "the sequence built a ledger: {counted:?}");
}

/// After statements that fire every refresh, each view equals a fresh run of its own query.
async fn checkpoint(head: &Client, lcfs: &Client, step: usize) {
    assert!(run_both(head, lcfs, TOUCH_ALL).await);
    same_views(head, lcfs, &format!("checkpoint after step {step}")).await;
    for view in VIEWS {
        assert_eq!(
            rows(head, view).await,
            fresh_rows(head, view).await,
            "{view} is not its defining query's result at step {step}"
        );
    }
}

/// Scans of each view counted by this backend and not yet flushed to the statistics: a refresh
/// scans the view it refreshes. (Counts can outlive a transaction until they are flushed, so
/// only differences mean something.)
async fn scans(db: &Client) -> Vec<i64> {
    let mut counts = Vec::new();
    for view in VIEWS {
        let sql = format!("SELECT pg_stat_get_xact_numscans('{view}'::regclass)");
        counts.push(common::probe::column(db, &sql).await[0]);
    }
    counts
}

/// Runs `sql` in a transaction of its own and names the views it refreshed.
async fn refreshed_by(db: &Client, sql: &str) -> Vec<&'static str> {
    db.batch_execute("BEGIN").await.unwrap();
    let before = scans(db).await;
    db.batch_execute(sql)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e:?}"));
    let after = scans(db).await;
    db.batch_execute("COMMIT").await.unwrap();
    VIEWS
        .into_iter()
        .zip(before.into_iter().zip(after))
        .filter(|(_, (before, after))| after > before)
        .map(|(view, _)| view)
        .collect()
}

#[lcfs_db::test]
async fn a_refresh_runs_only_when_it_can_change_its_view(db: TestDatabase) {
    db.batch_execute(
        "INSERT INTO organization (organization_id, organization_code, name, effective_status) \
         VALUES (1, 'S1', 'One', true), (2, 'S2', 'Two', true)",
    )
    .await
    .unwrap();
    // The upgrade marks every view stale: the first statement refreshes all its views.
    assert_eq!(
        refreshed_by(
            &db,
            "INSERT INTO transfer (transfer_id, from_organization_id, to_organization_id, quantity, current_status_id) \
             VALUES (1, 1, 2, 10, 4)"
        )
        .await,
        [
            "mv_transaction_aggregate",
            "mv_credit_ledger",
            "mv_transaction_count",
            "mv_director_review_transaction_count"
        ]
    );
    let cases: [(&str, &[&str]); 7] = [
        // Submitted to Recommended: the transfer's row and the director's count change; it is
        // in progress before and after, and not in the ledger (not Recorded).
        (
            "UPDATE transfer SET current_status_id = 5 WHERE transfer_id = 1",
            &[
                "mv_transaction_aggregate",
                "mv_director_review_transaction_count",
            ],
        ),
        // A column no view reads, and a statement that changes no row.
        (
            "UPDATE transfer SET recommendation = 'Record' WHERE transfer_id = 1",
            &[],
        ),
        (
            "UPDATE transfer SET transfer_id = transfer_id WHERE false",
            &[],
        ),
        // A comment is shown by the aggregate only.
        (
            "INSERT INTO transfer_comment (transfer_id, comment, comment_source) VALUES (1, 'hi', 'FROM_ORG')",
            &["mv_transaction_aggregate"],
        ),
        // Recorded: now in the ledger, no longer in progress nor for review.
        (
            "UPDATE transfer SET current_status_id = 6 WHERE transfer_id = 1",
            &[
                "mv_transaction_aggregate",
                "mv_credit_ledger",
                "mv_transaction_count",
                "mv_director_review_transaction_count",
            ],
        ),
        // A renamed organization is picked up by the next statement on a watched table, even
        // one that changes no row, as in LCFS.
        (
            "UPDATE organization SET name = 'Uno' WHERE organization_id = 1; \
             UPDATE transfer SET transfer_id = transfer_id WHERE false",
            &["mv_transaction_aggregate", "mv_credit_ledger"],
        ),
        // A standalone transaction reaches the aggregate and the ledger.
        (
            "INSERT INTO transaction (compliance_units, organization_id, transaction_action, effective_status) \
             VALUES (5, 1, 'Adjustment', true)",
            &["mv_transaction_aggregate", "mv_credit_ledger"],
        ),
    ];
    for (sql, expected) in cases {
        assert_eq!(refreshed_by(&db, sql).await, expected, "after `{sql}`");
    }
    let name: Vec<String> = common::probe::column(
        &db,
        "SELECT from_organization::text FROM mv_transaction_aggregate WHERE transaction_type = 'Transfer'",
    )
    .await;
    assert_eq!(name, ["Uno"]);
}

#[lcfs_db::test]
async fn truncate_needs_no_rights_on_the_views_and_marks_them_stale(db: TestDatabase) {
    let role = format!("matview_truncator_{}", std::process::id());
    db.batch_execute(&format!(
        "INSERT INTO organization (organization_id, organization_code, name, effective_status) \
         VALUES (1, 'S1', 'One', true), (2, 'S2', 'Two', true); \
         INSERT INTO transfer (transfer_id, from_organization_id, to_organization_id, quantity, current_status_id) \
         VALUES (1, 1, 2, 10, 4); \
         INSERT INTO transfer_comment (transfer_id, comment, comment_source) VALUES (1, 'hi', 'FROM_ORG'); \
         CREATE ROLE {role}; GRANT TRUNCATE ON transfer_comment TO {role}"
    ))
    .await
    .unwrap();
    let comments = "SELECT coalesce(from_org_comment, '') FROM mv_transaction_aggregate";
    assert_eq!(common::probe::column::<String>(&db, comments).await, ["hi"]);

    // As in LCFS, a role that may truncate the table needs no rights on the views.
    let truncated = db
        .batch_execute(&format!(
            "SET ROLE {role}; TRUNCATE transfer_comment; RESET ROLE"
        ))
        .await;
    db.batch_execute(&format!(
        "RESET ROLE; DROP OWNED BY {role}; DROP ROLE {role}"
    ))
    .await
    .unwrap();
    truncated.expect("TRUNCATE by a role that owns no view");

    // TRUNCATE refreshes nothing, as in LCFS; the next statement on a watched table does.
    assert_eq!(common::probe::column::<String>(&db, comments).await, ["hi"]);
    assert_eq!(
        refreshed_by(
            &db,
            "UPDATE transfer SET transfer_id = transfer_id WHERE false"
        )
        .await,
        ["mv_transaction_aggregate"]
    );
    assert_eq!(common::probe::column::<String>(&db, comments).await, [""]);

    // The state is data: no write leaves anything in the views' catalog entries.
    let described: Vec<String> = common::probe::column(
        &db,
        "SELECT c.relname::text FROM pg_class c WHERE c.relkind = 'm' \
         AND obj_description(c.oid, 'pg_class') IS NOT NULL",
    )
    .await;
    assert!(described.is_empty(), "{described:?}");
}
