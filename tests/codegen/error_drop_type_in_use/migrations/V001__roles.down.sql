DROP TABLE role; DROP TYPE role_enum;
