CREATE TYPE role_enum AS ENUM ('GOVERNMENT', 'SUPPLIER');
CREATE TABLE role (role_id serial PRIMARY KEY, name rol_enum NOT NULL);
