-- Reverses V016: drops the nine indexes. Down files run in a transaction, so the drops are not
-- concurrent: each waits for, and briefly blocks, writes to its table.

-- lcfs-db: accept drop-index-non-concurrently because down files run in one transaction
DROP INDEX IF EXISTS idx_transfer_comment_transfer_source;
-- lcfs-db: accept drop-index-non-concurrently because down files run in one transaction
DROP INDEX IF EXISTS idx_transfer_history_transfer_status;
-- lcfs-db: accept drop-index-non-concurrently because down files run in one transaction
DROP INDEX IF EXISTS idx_initiative_agreement_history_agreement_status;
-- lcfs-db: accept drop-index-non-concurrently because down files run in one transaction
DROP INDEX IF EXISTS idx_admin_adjustment_history_adjustment_status;
-- lcfs-db: accept drop-index-non-concurrently because down files run in one transaction
DROP INDEX IF EXISTS idx_compliance_report_transaction_id;
-- lcfs-db: accept drop-index-non-concurrently because down files run in one transaction
DROP INDEX IF EXISTS idx_admin_adjustment_transaction_id;
-- lcfs-db: accept drop-index-non-concurrently because down files run in one transaction
DROP INDEX IF EXISTS idx_initiative_agreement_transaction_id;
-- lcfs-db: accept drop-index-non-concurrently because down files run in one transaction
DROP INDEX IF EXISTS idx_transfer_from_transaction_id;
-- lcfs-db: accept drop-index-non-concurrently because down files run in one transaction
DROP INDEX IF EXISTS idx_transfer_to_transaction_id;
