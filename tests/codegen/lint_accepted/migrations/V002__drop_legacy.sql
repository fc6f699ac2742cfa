-- V002: the contract step; deploy 1 stopped using report.legacy.
-- lcfs-db: class contract because it drops report.legacy, unused since deploy 1

-- lcfs-db: accept drop-column because no deployed code reads report.legacy since deploy 1
ALTER TABLE report DROP COLUMN legacy;
