DROP TYPE transfer_type_enum;
