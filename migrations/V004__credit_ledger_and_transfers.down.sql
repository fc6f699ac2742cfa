-- Reverses V004__credit_ledger_and_transfers.sql: drops its tables in reverse order of
-- creation. Their sequences, indexes and reference rows go with them.

DROP TABLE credit_market_audit_log;
DROP TABLE transfer_comment;
DROP TABLE transfer_history;
DROP TABLE transfer;
DROP TABLE transfer_category;
DROP TABLE transfer_status;
DROP TABLE transaction;
