-- lcfs-db: no-transaction
-- V016 materialized-view indexes: the lookups the credit-transaction aggregate repeats for every
-- row it lists, so that a refresh reads each related row once instead of scanning its table.
--
-- Without them every refresh of mv_transaction_aggregate scans transfer_comment three times and
-- transfer_history once per transfer, and the adjustment and agreement histories once per
-- adjustment or agreement: a refresh grows with the square of the ledger (6.5 s per write at
-- 100,000 ledger rows, 0.2 s at 10,000). Each index serves one lookup of the view's query, in
-- the order the query filters and sorts:
--   - a transfer's first comment from each side (transfer_id, comment_source, then id);
--   - the first history row of a transfer in status 6 (Recorded), of an agreement or adjustment
--     in status 3 (Approved);
--   - the transactions that a report, adjustment, agreement or transfer points at, which decide
--     whether a transaction is standalone.
--
-- Built CONCURRENTLY, so that writes go on while a large table is indexed; this is why the file
-- runs outside a transaction and holds nothing else. IF NOT EXISTS lets a rerun after a failure
-- complete the set. (A concurrent build that fails leaves an invalid index of that name behind:
-- drop it, then run the migration again.) Tables gain indexes only; docs/differences.md #13.

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_transfer_comment_transfer_source
    ON transfer_comment (transfer_id, comment_source, transfer_comment_id);

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_transfer_history_transfer_status
    ON transfer_history (transfer_id, transfer_status_id, transfer_history_id);

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_initiative_agreement_history_agreement_status
    ON initiative_agreement_history (initiative_agreement_id, initiative_agreement_status_id,
                                     initiative_agreement_history_id);

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_admin_adjustment_history_adjustment_status
    ON admin_adjustment_history (admin_adjustment_id, admin_adjustment_status_id,
                                 admin_adjustment_history_id);

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_compliance_report_transaction_id
    ON compliance_report (transaction_id);

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_admin_adjustment_transaction_id
    ON admin_adjustment (transaction_id);

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_initiative_agreement_transaction_id
    ON initiative_agreement (transaction_id);

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_transfer_from_transaction_id
    ON transfer (from_transaction_id);

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_transfer_to_transaction_id
    ON transfer (to_transaction_id);
