-- V002: an index on a table that holds data.
CREATE INDEX idx_report_title
    ON report (title);
