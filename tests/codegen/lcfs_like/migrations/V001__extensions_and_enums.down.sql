DROP TYPE contravention_enum, transfercategoryenum, supplemental_report_access_role_enum;
DROP TYPE actiontypeenum, org_status_enum, role_enum;
DROP EXTENSION IF EXISTS "uuid-ossp";
