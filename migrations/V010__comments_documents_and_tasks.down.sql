-- Reverses V010__comments_documents_and_tasks.sql: drops its tables in reverse order of
-- creation. Their sequences, indexes and reference rows go with them.

DROP TABLE task_executions;
DROP TABLE scheduled_tasks;
DROP TABLE login_bg_image;
DROP TABLE penalty_log;
DROP TABLE organization_link_keys;
DROP TABLE forms;
DROP TABLE ci_application_internal_comment;
DROP TABLE ci_application_document_association;
DROP TABLE charging_site_document_association;
DROP TABLE compliance_report_internal_comment;
DROP TABLE compliance_report_document_association;
DROP TABLE initiative_agreement_internal_comment;
DROP TABLE initiative_agreement_document_association;
DROP TABLE admin_adjustment_internal_comment;
DROP TABLE admin_adjustment_document_association;
DROP TABLE transfer_internal_comment;
DROP TABLE internal_comment;
DROP TABLE document;
