-- A credit ledger for the LCFS database of the adoption tests, written as LCFS's application
-- writes it, statement by statement through the triggers in place: LCFS's refresh-always
-- materialized views, the audit log and the transfer counters. `lcfs.ledger_rows` sets the
-- number of credit transactions (a few thousand in the tests, 100,000 for the README's figure),
-- spread over 100 organizations; transfers (a twentieth of it) go through all nine statuses,
-- adjustments and agreements (a tenth each) through their three, reports (a twentieth) through
-- five, each with its history. Two row-by-row triggers are set aside while these rows go in,
-- so that 100,000 of them load in minutes: LCFS's balance trigger, which sums an organization's
-- whole ledger for every row (`transaction` has no index on the organization; the balances are
-- computed once afterwards, by its formula), and LCFS's audit trigger, which looks each row's key
-- up in information_schema (audit_log keeps the rows data.sql gave it). The statement-level
-- refresh triggers all fire.

SET app.username = 'lcfs_ledger';
DO $$
DECLARE
    ledger_table text;
BEGIN
    FOREACH ledger_table IN ARRAY ARRAY['organization', 'transaction', 'transfer',
        'transfer_history', 'admin_adjustment', 'admin_adjustment_history',
        'initiative_agreement', 'initiative_agreement_history', 'compliance_report']
    LOOP
        EXECUTE format('ALTER TABLE %I DISABLE TRIGGER %I', ledger_table,
                       'audit_' || ledger_table || '_insert_update_delete');
    END LOOP;
END
$$;

INSERT INTO organization (organization_id, organization_code, name, effective_status)
SELECT 5000 + g, 'Z' || lpad(g::text, 3, '0'), 'Ledger Supplier ' || g, true
  FROM generate_series(1, 100) AS g;

ALTER TABLE transaction DISABLE TRIGGER update_organization_balance_trigger;
INSERT INTO transaction (transaction_id, compliance_units, organization_id, transaction_action,
                         effective_date, effective_status, create_user, update_user)
SELECT 100000 + g,
       CASE g % 3 WHEN 0 THEN g % 500 + 1 ELSE -(g % 400 + 1) END,
       5001 + g % 100,
       (ARRAY['Adjustment', 'Reserved', 'Released'])[1 + g % 3]::transaction_action_enum,
       date '2023-01-01' + g % 700, true, 'lcfs_ledger', 'lcfs_ledger'
  FROM generate_series(1, current_setting('lcfs.ledger_rows')::int) AS g;
ALTER TABLE transaction ENABLE TRIGGER update_organization_balance_trigger;
UPDATE organization o
   SET total_balance = (SELECT coalesce(sum(compliance_units), 0) FROM transaction
                         WHERE organization_id = o.organization_id
                           AND transaction_action = 'Adjustment'),
       reserved_balance = (SELECT coalesce(sum(compliance_units), 0) FROM transaction
                            WHERE organization_id = o.organization_id
                              AND transaction_action = 'Reserved' AND compliance_units < 0)
 WHERE o.organization_id > 5000;

-- Transfers in every status (1 Draft … 6 Recorded, 7 Refused, 8 Declined, 9 Rescinded), from
-- one organization to another, the recorded ones with both ledger entries.
INSERT INTO transfer (transfer_id, from_organization_id, to_organization_id, from_transaction_id,
                      to_transaction_id, agreement_date, transaction_effective_date,
                      price_per_unit, quantity, transfer_category_id, current_status_id)
SELECT 100000 + g, 5001 + g % 100, 5001 + (g + 1 + g % 7) % 100, 100000 + g,
       CASE WHEN 1 + g % 9 = 6 THEN 100000 + g + 1 END,
       timestamp '2023-01-01' + g % 700 * interval '1 day',
       CASE WHEN 1 + g % 9 = 6 THEN timestamp '2023-02-01' + g % 700 * interval '1 day' END,
       g % 300 + 1, g % 1000 + 1, 1 + g % 4, 1 + g % 9
  FROM generate_series(1, current_setting('lcfs.ledger_rows')::int / 10, 2) AS g;
INSERT INTO transfer_history (transfer_id, transfer_status_id, create_date)
SELECT t.transfer_id, s.status, t.agreement_date + s.status * interval '1 day'
  FROM transfer t, LATERAL (VALUES (1), (t.current_status_id)) AS s(status)
 WHERE t.transfer_id > 100000;

-- Administrative adjustments and initiative agreements: Draft, Recommended, Approved.
INSERT INTO admin_adjustment (admin_adjustment_id, compliance_units, to_organization_id,
                              transaction_id, current_status_id, effective_status)
SELECT 100000 + g, g % 900 + 100, 5001 + g % 100,
       CASE WHEN 1 + g % 3 = 3 THEN 100000 + current_setting('lcfs.ledger_rows')::int / 10 + g END,
       1 + g % 3, true
  FROM generate_series(1, current_setting('lcfs.ledger_rows')::int / 10) AS g;
INSERT INTO admin_adjustment_history (admin_adjustment_id, admin_adjustment_status_id,
                                      effective_status)
SELECT admin_adjustment_id, current_status_id, true FROM admin_adjustment
 WHERE admin_adjustment_id > 100000;
INSERT INTO initiative_agreement (initiative_agreement_id, compliance_units, to_organization_id,
                                  transaction_id, current_status_id, effective_status)
SELECT 100000 + g, g % 700 + 50, 5001 + (g * 7) % 100,
       CASE WHEN 1 + g % 3 = 3 THEN 100000 + current_setting('lcfs.ledger_rows')::int / 5 + g END,
       1 + g % 3, true
  FROM generate_series(1, current_setting('lcfs.ledger_rows')::int / 10) AS g;
INSERT INTO initiative_agreement_history (initiative_agreement_id, initiative_agreement_status_id,
                                          effective_status)
SELECT initiative_agreement_id, current_status_id, true FROM initiative_agreement
 WHERE initiative_agreement_id > 100000;

-- Annual reports for 2024 and 2025 (periods 15 and 16): Draft, Submitted, Recommended by the
-- manager, Assessed (with its ledger entry) and Analyst adjustment.
INSERT INTO compliance_report (compliance_report_id, compliance_period_id, organization_id,
                               compliance_report_group_uuid, version, reporting_frequency,
                               current_status_id, transaction_id)
SELECT 100000 + g, 15 + g % 2, 5001 + g % 100, md5('report ' || g)::uuid::text, 0, 'ANNUAL',
       (ARRAY[1, 2, 4, 5, 10])[1 + g % 5],
       CASE WHEN g % 5 = 3 THEN 100000 + current_setting('lcfs.ledger_rows')::int * 3 / 10 + g END
  FROM generate_series(1, current_setting('lcfs.ledger_rows')::int / 20) AS g;

RESET app.username;
DO $$
DECLARE
    ledger_table text;
BEGIN
    FOREACH ledger_table IN ARRAY ARRAY['organization', 'transaction', 'transfer',
        'transfer_history', 'admin_adjustment', 'admin_adjustment_history',
        'initiative_agreement', 'initiative_agreement_history', 'compliance_report']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE TRIGGER %I', ledger_table,
                       'audit_' || ledger_table || '_insert_update_delete');
    END LOOP;
END
$$;

-- The application takes ids from the sequences: they end past the rows written here.
SELECT setval(pg_get_serial_sequence(t, c), (SELECT max(id) FROM (
           SELECT max(organization_id) FROM organization WHERE t = 'organization'
           UNION ALL SELECT max(transaction_id) FROM transaction WHERE t = 'transaction'
           UNION ALL SELECT max(transfer_id) FROM transfer WHERE t = 'transfer'
           UNION ALL SELECT max(admin_adjustment_id) FROM admin_adjustment
            WHERE t = 'admin_adjustment'
           UNION ALL SELECT max(initiative_agreement_id) FROM initiative_agreement
            WHERE t = 'initiative_agreement'
           UNION ALL SELECT max(compliance_report_id) FROM compliance_report
            WHERE t = 'compliance_report') AS m(id)))
  FROM (VALUES ('organization', 'organization_id'), ('transaction', 'transaction_id'),
               ('transfer', 'transfer_id'), ('admin_adjustment', 'admin_adjustment_id'),
               ('initiative_agreement', 'initiative_agreement_id'),
               ('compliance_report', 'compliance_report_id')) AS s(t, c);
