-- Reverses V001: drops the enum types, then the extension.

DROP TYPE contravention_enum;
DROP TYPE comment_visibility;
DROP TYPE audience_scope;
DROP TYPE notification_type_enum;
DROP TYPE channel_enum;
DROP TYPE ports_enum;
DROP TYPE supplemental_report_access_role_enum;
DROP TYPE receivedortransferredenum;
DROP TYPE quarter;
DROP TYPE reportingfrequency;
DROP TYPE supplementalinitiatortype;
DROP TYPE compliancereportstatusenum;
DROP TYPE initiative_agreement_type_enum;
DROP TYPE admin_adjustment_type_enum;
DROP TYPE transfer_comment_source_enum;
DROP TYPE transfer_recommendation_enum;
DROP TYPE transfercategoryenum;
DROP TYPE transfer_type_enum;
DROP TYPE transaction_action_enum;
DROP TYPE quantityunitsenum;
DROP TYPE fuel_code_status_enum;
DROP TYPE fuel_category_enum;
DROP TYPE usertypeenum;
DROP TYPE role_enum;
DROP TYPE org_status_enum;
DROP TYPE actiontypeenum;

DROP EXTENSION IF EXISTS "uuid-ossp";
