CREATE TABLE report (
    report_id integer PRIMARY KEY,
    title     text,
    legacy    text
);
COMMENT ON TABLE report IS 'A report.';
