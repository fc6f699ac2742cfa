-- Reverses V005__adjustments_and_initiative_agreements.sql: drops its tables in reverse order of
-- creation. Their sequences, indexes and reference rows go with them.

DROP TABLE initiative_agreement_history;
DROP TABLE initiative_agreement;
DROP TABLE initiative_agreement_status;
DROP TABLE admin_adjustment_history;
DROP TABLE admin_adjustment;
DROP TABLE admin_adjustment_status;
