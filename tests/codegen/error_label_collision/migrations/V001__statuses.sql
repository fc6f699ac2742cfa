CREATE TYPE transfer_type_enum AS ENUM ('Draft', 'Sent', 'DRAFT');
