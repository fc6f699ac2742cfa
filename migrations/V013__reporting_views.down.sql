-- Reverses V013: the reporting views, each dropped before the views it reads.

DROP VIEW IF EXISTS vw_allocation_agreement_duplicate_check;
DROP VIEW IF EXISTS vw_transfer_base;
DROP VIEW IF EXISTS vw_transaction_base;
DROP VIEW IF EXISTS vw_reports_waiting_review;
DROP VIEW IF EXISTS vw_notional_transfer_base;
DROP VIEW IF EXISTS vw_login_failures_analysis;
DROP VIEW IF EXISTS vw_fuels_other_use_base;
DROP VIEW IF EXISTS vw_fse_duplicate_check;
DROP VIEW IF EXISTS vw_fse_base;
DROP VIEW IF EXISTS vw_electricity_allocation_fse_match;
DROP VIEW IF EXISTS vw_compliance_report_chained;
DROP VIEW IF EXISTS vw_compliance_report_analytics_base;
DROP VIEW IF EXISTS vw_bceid_user_statistics;
DROP VIEW IF EXISTS vw_bceid_daily_login_summary;
DROP VIEW IF EXISTS vw_user_login_analytics_base;
DROP VIEW IF EXISTS v_fse_reporting_base_pref;
DROP VIEW IF EXISTS v_fse_reporting_base;
DROP VIEW IF EXISTS transaction_status_view;
DROP VIEW IF EXISTS v_compliance_report;
