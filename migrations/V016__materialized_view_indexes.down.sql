-- Reverses V016: drops the nine indexes. Down files run in a transaction, so the drops are not
-- concurrent: each waits for, and briefly blocks, writes to its table.

DROP INDEX IF EXISTS idx_transfer_comment_transfer_source;
DROP INDEX IF EXISTS idx_transfer_history_transfer_status;
DROP INDEX IF EXISTS idx_initiative_agreement_history_agreement_status;
DROP INDEX IF EXISTS idx_admin_adjustment_history_adjustment_status;
DROP INDEX IF EXISTS idx_compliance_report_transaction_id;
DROP INDEX IF EXISTS idx_admin_adjustment_transaction_id;
DROP INDEX IF EXISTS idx_initiative_agreement_transaction_id;
DROP INDEX IF EXISTS idx_transfer_from_transaction_id;
DROP INDEX IF EXISTS idx_transfer_to_transaction_id;
