DROP INDEX idx_report_title;
