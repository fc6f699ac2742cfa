DROP TYPE role_enum;
