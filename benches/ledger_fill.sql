-- A credit ledger of `lcfs_bench.ledger_rows` transactions (a multiple of 10), as LCFS holds
-- after years of use, built set-based for the write-path benchmark. Per 10 ledger rows: one
-- recorded transfer (its two sides), one approved administrative adjustment, one approved
-- initiative agreement, one assessed compliance report, and five standalone transactions; besides
-- these, transfers, adjustments, agreements and reports still in progress carry no transaction
-- (some standalone rows are reservations), and every object has its history and comments.
-- 40 organizations. Triggers are off while filling (session_replication_role = replica, which
-- needs a superuser); balances and the materialized views are computed once at the end.

SET session_replication_role = replica;

INSERT INTO organization (organization_id, organization_code, name, effective_status)
SELECT o, 'B' || lpad(o::text, 3, '0'), 'Organization ' || o, true
  FROM generate_series(1, 40) o;

-- Block b (0-based) owns ledger rows 10b+1 … 10b+10: 1-2 a transfer's sides when b is a multiple
-- of 10 (else standalone), 3 an adjustment (b even) or an agreement (b odd), 5 a report, the rest
-- standalone. The partner of a transfer is never the organization itself.
CREATE TEMP TABLE bench_block AS
SELECT b,
       1 + b % 40 AS org,
       1 + (b * 7 + 3) % 40 AS partner,
       timestamptz '2019-01-01 00:00+00' + b * interval '37 minutes' AS at
  FROM generate_series(0, current_setting('lcfs_bench.ledger_rows')::int / 10 - 1) b;

INSERT INTO transaction (transaction_id, compliance_units, organization_id, transaction_action,
                         create_date, update_date, effective_date, effective_status)
SELECT 10 * k.b + r,
       CASE r WHEN 1 THEN -(10 + k.b % 90) WHEN 2 THEN 10 + k.b % 90
              WHEN 10 THEN -(5 + k.b % 20) ELSE 1 + (k.b * r) % 500 END,
       CASE r WHEN 2 THEN k.partner ELSE k.org END,
       CASE r WHEN 10 THEN 'Reserved' WHEN 9 THEN 'Released'
              ELSE 'Adjustment' END::transaction_action_enum,
       k.at + r * interval '1 minute',
       k.at + r * interval '1 minute',
       CASE WHEN r = 8 THEN (k.at + interval '1 day')::date END,
       true
  FROM bench_block k, generate_series(1, 10) r;

-- Recorded transfers between two organizations, then as many in other statuses (Draft, Sent,
-- Submitted, Recommended, Refused) without ledger rows.
INSERT INTO transfer (transfer_id, from_organization_id, to_organization_id, from_transaction_id,
                      to_transaction_id, agreement_date, transaction_effective_date,
                      price_per_unit, quantity, transfer_category_id, current_status_id,
                      create_date, update_date)
SELECT k.b + 1, k.org, k.partner, 10 * k.b + 1, 10 * k.b + 2, k.at::timestamp,
       CASE WHEN k.b % 2 = 0 THEN (k.at + interval '2 days')::timestamp END,
       10.50, 10 + k.b % 90, 1 + k.b % 4, 6, k.at, k.at + interval '2 days'
  FROM bench_block k
 WHERE k.b % 10 = 0
UNION ALL
SELECT 1000000 + k.b, k.org, k.partner, NULL, NULL, k.at::timestamp, NULL,
       12.00, 5 + k.b % 50, NULL, (ARRAY[1, 3, 4, 5, 7])[1 + k.b / 20 % 5], k.at, k.at
  FROM bench_block k
 WHERE k.b % 20 = 5;

INSERT INTO transfer_history (transfer_id, transfer_status_id, create_date, update_date)
SELECT t.transfer_id, s, t.create_date + s * interval '1 hour', t.create_date + s * interval '1 hour'
  FROM transfer t, unnest(ARRAY[3, 4, 5, 6]) s
 WHERE s <= t.current_status_id AND t.current_status_id <> 7;

INSERT INTO transfer_comment (transfer_id, comment, comment_source)
SELECT t.transfer_id, c.text, c.source::transfer_comment_source_enum
  FROM transfer t,
       (VALUES ('FROM_ORG', 'Agreed with the buyer.'), ('TO_ORG', 'Accepted.'),
               ('GOVERNMENT', 'Reviewed by the analyst.')) c(source, text)
 WHERE c.source <> 'GOVERNMENT' OR t.transfer_id % 3 = 0;

INSERT INTO admin_adjustment (admin_adjustment_id, compliance_units, transaction_effective_date,
                              gov_comment, to_organization_id, transaction_id, current_status_id,
                              create_date, update_date, effective_status)
SELECT k.b + 1, 1 + (k.b * 3) % 500, k.at::timestamp, 'Adjusted.', k.org, 10 * k.b + 3, 3,
       k.at, k.at + interval '1 day', true
  FROM bench_block k
 WHERE k.b % 2 = 0
UNION ALL
SELECT 1000000 + k.b, 50, NULL, NULL, k.org, NULL, 1 + k.b % 2, k.at, k.at, true
  FROM bench_block k
 WHERE k.b % 5 = 0;

INSERT INTO admin_adjustment_history (admin_adjustment_id, admin_adjustment_status_id,
                                      create_date, update_date, effective_status)
SELECT a.admin_adjustment_id, s, a.create_date + s * interval '1 hour',
       a.create_date + s * interval '1 hour', true
  FROM admin_adjustment a, generate_series(1, 3) s
 WHERE s <= a.current_status_id AND s <> 2;

INSERT INTO initiative_agreement (initiative_agreement_id, compliance_units,
                                  transaction_effective_date, gov_comment, to_organization_id,
                                  transaction_id, current_status_id, create_date, update_date,
                                  effective_status)
SELECT k.b + 1, 1 + (k.b * 5) % 500, k.at::timestamp, 'Agreed.', k.org, 10 * k.b + 3, 3,
       k.at, k.at + interval '1 day', true
  FROM bench_block k
 WHERE k.b % 2 = 1
UNION ALL
SELECT 1000000 + k.b, 80, NULL, NULL, k.org, NULL, 1 + k.b % 2, k.at, k.at, true
  FROM bench_block k
 WHERE k.b % 5 = 0;

INSERT INTO initiative_agreement_history (initiative_agreement_id, initiative_agreement_status_id,
                                          create_date, update_date, effective_status)
SELECT a.initiative_agreement_id, s, a.create_date + s * interval '1 hour',
       a.create_date + s * interval '1 hour', true
  FROM initiative_agreement a, generate_series(1, 3) s
 WHERE s <= a.current_status_id AND s <> 2;

-- Assessed reports carry the block's transaction; every third has a draft supplemental version.
INSERT INTO compliance_report (compliance_report_id, compliance_period_id, organization_id,
                               current_status_id, transaction_id, compliance_report_group_uuid,
                               version, reporting_frequency, nickname, create_date, update_date)
SELECT k.b + 1, 10 + k.b % 7, k.org, 5, 10 * k.b + 5, 'group-' || k.b, 0, 'ANNUAL'::reportingfrequency,
       'Original Report', k.at, k.at + interval '30 days'
  FROM bench_block k
UNION ALL
SELECT 1000000 + k.b, 10 + k.b % 7, k.org, 1, NULL, 'group-' || k.b, 1, 'ANNUAL'::reportingfrequency,
       'Supplemental Report 1', k.at + interval '40 days', k.at + interval '40 days'
  FROM bench_block k
 WHERE k.b % 3 = 0;

INSERT INTO compliance_report_history (compliance_report_id, status_id, create_date, update_date)
SELECT c.compliance_report_id, s, c.create_date + s * interval '1 day',
       c.create_date + s * interval '1 day'
  FROM compliance_report c, unnest(ARRAY[1, 2, 3, 4, 5]) s
 WHERE s <= c.current_status_id;

SET session_replication_role = DEFAULT;

SELECT setval('transaction_transaction_id_seq', (SELECT max(transaction_id) FROM transaction));
SELECT setval('transfer_transfer_id_seq', (SELECT max(transfer_id) FROM transfer));
SELECT setval('admin_adjustment_admin_adjustment_id_seq', (SELECT max(admin_adjustment_id) FROM admin_adjustment));
SELECT setval('initiative_agreement_initiative_agreement_id_seq', (SELECT max(initiative_agreement_id) FROM initiative_agreement));
SELECT setval('compliance_report_compliance_report_id_seq', (SELECT max(compliance_report_id) FROM compliance_report));

UPDATE organization o
   SET total_balance = coalesce((SELECT sum(t.compliance_units) FROM transaction t
                                  WHERE t.organization_id = o.organization_id
                                    AND t.transaction_action = 'Adjustment'), 0),
       reserved_balance = coalesce((SELECT sum(t.compliance_units) FROM transaction t
                                     WHERE t.organization_id = o.organization_id
                                       AND t.transaction_action = 'Reserved'
                                       AND t.compliance_units < 0), 0),
       count_transfers_in_progress = (SELECT count(*) FROM transfer t
                                       WHERE t.current_status_id IN (3, 4, 5)
                                         AND o.organization_id IN (t.from_organization_id,
                                                                   t.to_organization_id));
