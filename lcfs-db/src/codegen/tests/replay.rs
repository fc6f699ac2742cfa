use super::super::error::ErrorKind;
use super::super::model::{Model, Table};
use super::{apply, model_of};

fn table<'m>(model: &'m Model, name: &str) -> &'m Table {
    model
        .table(name)
        .unwrap_or_else(|| panic!("no table {name}"))
}

fn columns(model: &Model, name: &str) -> Vec<String> {
    let describe = |c: &super::super::model::Column| {
        let null = if c.nullable { "" } else { " not null" };
        let default = c
            .default
            .as_deref()
            .map(|d| format!(" default {d}"))
            .unwrap_or_default();
        format!("{} {}{null}{default}", c.name, c.sql_type.canonical())
    };
    table(model, name).columns.iter().map(describe).collect()
}

fn schema_error(model: &mut Model, sql: &str) -> String {
    let err = apply(model, sql).expect_err(sql);
    assert_eq!(err.kind(), ErrorKind::Schema, "{err}");
    err.to_string()
}

const ORGANIZATION: &str = "
    CREATE TABLE organization (
        organization_id serial PRIMARY KEY,
        name varchar(500) NOT NULL,
        email varchar(255),
        balance bigint DEFAULT 0 CHECK (balance >= 0)
    );
    CREATE TABLE user_profile (
        user_profile_id serial PRIMARY KEY,
        organization_id integer REFERENCES organization ON DELETE CASCADE
    );";

#[test]
fn create_table_models_columns_keys_and_defaults_as_written() {
    let model = model_of(ORGANIZATION).unwrap();
    assert_eq!(
        columns(&model, "organization"),
        [
            "organization_id integer not null default nextval('organization_organization_id_seq'::regclass)",
            "name character varying(500) not null",
            "email character varying(255)",
            "balance bigint default 0",
        ]
    );
    let organization = table(&model, "organization");
    assert_eq!(organization.domain, "test");
    let pk = organization.primary_key.as_ref().unwrap();
    assert_eq!(
        (pk.name.name.as_str(), pk.name.explicit),
        ("organization_pkey", false)
    );
    assert_eq!(
        organization.checks[0].name.name,
        "organization_balance_check"
    );
    assert_eq!(organization.checks[0].expression, "balance >= 0");
    let fk = &table(&model, "user_profile").foreign_keys[0];
    assert_eq!(fk.name.name, "user_profile_organization_id_fkey");
    assert_eq!(
        (fk.ref_table.as_str(), fk.ref_columns.as_slice()),
        ("organization", ["organization_id".to_owned()].as_slice())
    );
    assert_eq!((fk.on_delete, fk.on_update), ("CASCADE", "NO ACTION"));
}

#[test]
fn alter_table_follows_column_changes_in_order() {
    let mut model = model_of(ORGANIZATION).unwrap();
    apply(&mut model, "
        ALTER TABLE organization ADD COLUMN code varchar(4) NOT NULL DEFAULT 'XXXX', ADD COLUMN tags text[];
        ALTER TABLE organization ADD COLUMN IF NOT EXISTS code integer;
        ALTER TABLE organization ALTER COLUMN email TYPE varchar(320), ALTER COLUMN email SET NOT NULL;
        ALTER TABLE organization ALTER COLUMN code DROP NOT NULL, ALTER COLUMN code DROP DEFAULT;
        ALTER TABLE organization ALTER balance SET DEFAULT '0'::bigint;
        ALTER TABLE organization RENAME COLUMN name TO legal_name;
        ALTER TABLE organization DROP COLUMN tags;
        ALTER TABLE organization DROP COLUMN IF EXISTS nothing_here;
    ").unwrap();
    assert_eq!(
        columns(&model, "organization")[1..],
        [
            "legal_name character varying(500) not null",
            "email character varying(320) not null",
            "balance bigint default '0'::bigint",
            "code character varying(4)",
        ]
    );
}

#[test]
fn dropping_a_column_drops_the_constraints_that_use_it() {
    let mut model = model_of(ORGANIZATION).unwrap();
    apply(&mut model, "ALTER TABLE organization DROP COLUMN balance").unwrap();
    assert!(table(&model, "organization").checks.is_empty());
    let err = schema_error(
        &mut model,
        "ALTER TABLE organization DROP COLUMN organization_id",
    );
    assert!(
        err.contains(
            "foreign key `user_profile_organization_id_fkey` of `user_profile` depends on"
        ),
        "{err}"
    );
    apply(
        &mut model,
        "ALTER TABLE organization DROP COLUMN organization_id CASCADE",
    )
    .unwrap();
    assert!(table(&model, "organization").primary_key.is_none());
    assert!(table(&model, "user_profile").foreign_keys.is_empty());
}

#[test]
fn constraints_are_added_dropped_and_renamed_by_name() {
    let mut model = model_of(ORGANIZATION).unwrap();
    apply(&mut model, "
        ALTER TABLE organization ADD CONSTRAINT uq_organization_name UNIQUE (name);
        ALTER TABLE organization DROP CONSTRAINT organization_balance_check;
        ALTER TABLE organization ADD CONSTRAINT ck_email CHECK (email LIKE '%@%') NOT VALID;
        ALTER TABLE user_profile RENAME CONSTRAINT user_profile_organization_id_fkey TO fk_user_profile_organization;
        ALTER TABLE organization DROP CONSTRAINT IF EXISTS no_such_constraint;
    ").unwrap();
    let organization = table(&model, "organization");
    assert_eq!(organization.uniques[0].name.name, "uq_organization_name");
    assert!(organization.uniques[0].name.explicit);
    assert_eq!(organization.checks.len(), 1);
    assert_eq!(organization.checks[0].expression, "email LIKE '%@%'");
    let fk = &table(&model, "user_profile").foreign_keys[0];
    assert_eq!(
        (fk.name.name.as_str(), fk.name.explicit),
        ("fk_user_profile_organization", true)
    );
    let err = schema_error(
        &mut model,
        "ALTER TABLE organization DROP CONSTRAINT organization_pkey",
    );
    assert!(
        err.contains("depends on `organization`.(organization_id)"),
        "{err}"
    );
    let err = schema_error(
        &mut model,
        "ALTER TABLE organization ADD CONSTRAINT uq_organization_name UNIQUE (email)",
    );
    assert!(
        err.contains("constraint `uq_organization_name` already exists on `organization`"),
        "{err}"
    );
}

#[test]
fn renaming_a_table_or_column_follows_into_foreign_keys() {
    let mut model = model_of(ORGANIZATION).unwrap();
    apply(
        &mut model,
        "
        ALTER TABLE organization RENAME TO org;
        ALTER TABLE org RENAME organization_id TO org_id;
    ",
    )
    .unwrap();
    let fk = &table(&model, "user_profile").foreign_keys[0];
    assert_eq!(
        (fk.ref_table.as_str(), fk.ref_columns[0].as_str()),
        ("org", "org_id")
    );
    assert_eq!(
        table(&model, "org").primary_key.as_ref().unwrap().columns,
        ["org_id"]
    );
    assert_eq!(table(&model, "org").domain, "test");
    let err = schema_error(&mut model, "ALTER TABLE organization ADD COLUMN x int");
    assert!(err.contains("unknown table `organization`"), "{err}");
}

#[test]
fn drop_table_needs_cascade_while_other_tables_reference_it() {
    let mut model = model_of(ORGANIZATION).unwrap();
    let err = schema_error(&mut model, "DROP TABLE organization");
    assert!(
        err.contains(
            "foreign key `user_profile_organization_id_fkey` of `user_profile` references it"
        ),
        "{err}"
    );
    apply(
        &mut model,
        "DROP TABLE organization, user_profile; DROP TABLE IF EXISTS organization",
    )
    .unwrap();
    assert!(model.tables.is_empty());
}

#[test]
fn comments_attach_to_tables_and_columns() {
    let mut model = model_of(ORGANIZATION).unwrap();
    apply(
        &mut model,
        "
        COMMENT ON TABLE organization IS 'A party that reports';
        COMMENT ON COLUMN public.organization.name IS 'Legal name';
        COMMENT ON COLUMN organization.email IS 'x';
        COMMENT ON COLUMN organization.email IS NULL;
    ",
    )
    .unwrap();
    let organization = table(&model, "organization");
    assert_eq!(
        organization.comment.as_deref(),
        Some("A party that reports")
    );
    assert_eq!(
        organization.columns[1].comment.as_deref(),
        Some("Legal name")
    );
    assert_eq!(organization.columns[2].comment, None);
}

#[test]
fn enum_labels_follow_add_value_before_and_after_and_rename_value() {
    let model = model_of(
        "
        CREATE TYPE status AS ENUM ('Draft', 'Submitted');
        ALTER TYPE status ADD VALUE 'Assessed';
        ALTER TYPE status ADD VALUE 'Recommended' BEFORE 'Assessed';
        ALTER TYPE status ADD VALUE 'New' BEFORE 'Draft';
        ALTER TYPE status ADD VALUE IF NOT EXISTS 'Returned' AFTER 'Submitted';
        ALTER TYPE status ADD VALUE IF NOT EXISTS 'Draft';
        ALTER TYPE status RENAME VALUE 'Returned' TO 'Sent back';
    ",
    )
    .unwrap();
    assert_eq!(
        model.enums[0].labels,
        [
            "New",
            "Draft",
            "Submitted",
            "Sent back",
            "Recommended",
            "Assessed"
        ]
    );
}

#[test]
fn renaming_an_enum_type_follows_into_columns() {
    let model = model_of(
        "
        CREATE TYPE status AS ENUM ('A');
        CREATE TABLE t (s status, history status[]);
        ALTER TYPE status RENAME TO t_status;
    ",
    )
    .unwrap();
    assert_eq!(model.enums[0].name, "t_status");
    assert_eq!(columns(&model, "t"), ["s t_status", "history t_status[]"]);
}

#[test]
fn enum_mistakes_are_errors_at_their_position() {
    let mut model =
        model_of("CREATE TYPE status AS ENUM ('A', 'B'); CREATE TABLE t (s status)").unwrap();
    for (sql, message) in [
        (
            "ALTER TYPE status ADD VALUE 'A'",
            "enum `status` already has the label 'A'",
        ),
        (
            "ALTER TYPE status ADD VALUE 'C' AFTER 'Z'",
            "enum `status` has no label 'Z'",
        ),
        (
            "ALTER TYPE status RENAME VALUE 'Z' TO 'Y'",
            "enum `status` has no label 'Z'",
        ),
        (
            "ALTER TYPE statuses ADD VALUE 'C'",
            "unknown enum type `statuses`",
        ),
        (
            "CREATE TYPE status AS ENUM ('X')",
            "type `status` already exists",
        ),
        (
            "CREATE TYPE dup AS ENUM ('X', 'X')",
            "enum `dup` already has the label 'X'",
        ),
        (
            "DROP TYPE status",
            "cannot drop type `status`: column `t.s` uses it",
        ),
        (
            "CREATE TYPE pair AS (a int, b text)",
            "a type that is not an enum is not followed by the schema model",
        ),
    ] {
        let err = schema_error(&mut model, sql);
        assert!(err.contains(message), "{sql}: {err}");
    }
    apply(
        &mut model,
        "ALTER TABLE t DROP COLUMN s; DROP TYPE status; DROP TYPE IF EXISTS status",
    )
    .unwrap();
    assert!(model.enums.is_empty());
}

#[test]
fn references_to_unknown_objects_are_errors() {
    for (sql, message) in [
        (
            "ALTER TABLE organization RENAME COLUMN nmae TO x",
            "unknown column `organization.nmae`",
        ),
        (
            "ALTER TABLE organization ADD COLUMN name text",
            "column `organization.name` already exists",
        ),
        (
            "CREATE TABLE t (o int REFERENCES organisation)",
            "unknown table `organisation`",
        ),
        (
            "CREATE TABLE t (o int REFERENCES organization (name))",
            "no primary key or unique constraint of `organization` matches (name)",
        ),
        (
            "CREATE TABLE t (a int, PRIMARY KEY (b))",
            "unknown column `t.b`",
        ),
        (
            "CREATE TABLE organization (id int)",
            "table `organization` already exists",
        ),
        (
            "ALTER TABLE organization ALTER COLUMN organization_id DROP NOT NULL",
            "is in the primary key",
        ),
        (
            "COMMENT ON TABLE organisation IS 'x'",
            "unknown table `organisation`",
        ),
        (
            "CREATE TABLE other.t (a int)",
            "schema `other` is not modelled",
        ),
        (
            "CREATE TABLE t2 AS SELECT 1",
            "CREATE TABLE … AS is not followed",
        ),
        (
            "CREATE DOMAIN positive AS int CHECK (VALUE > 0)",
            "`CREATE DOMAIN` is not followed",
        ),
    ] {
        let err = schema_error(&mut model_of(ORGANIZATION).unwrap(), sql);
        assert!(err.contains(message), "{sql}: {err}");
    }
    let mut model = model_of(ORGANIZATION).unwrap();
    apply(
        &mut model,
        "CREATE TABLE IF NOT EXISTS organization (id int); ALTER TABLE IF EXISTS nothing ADD x int",
    )
    .unwrap();
    assert_eq!(model.tables.len(), 2);
}

#[test]
fn tables_in_a_schema_the_migrations_create_are_not_modelled() {
    let mut model = model_of(ORGANIZATION).unwrap();
    apply(
        &mut model,
        "CREATE SCHEMA bookkeeping;
         CREATE TABLE bookkeeping.state (name text PRIMARY KEY, value text NOT NULL);
         COMMENT ON TABLE bookkeeping.state IS 'x';
         COMMENT ON COLUMN bookkeeping.state.value IS 'y';
         ALTER TABLE bookkeeping.state ADD COLUMN seen timestamptz",
    )
    .unwrap();
    let err = schema_error(&mut model, "CREATE TABLE \"Bookkeeping\".other (a int)");
    assert!(
        err.contains("schema `Bookkeeping` is not modelled"),
        "{err}"
    );
    let names = |model: &Model| {
        model
            .tables
            .iter()
            .map(|t| t.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&model), ["organization", "user_profile"]);
    assert_eq!(model.schemas, ["bookkeeping"]);

    // Dropping a private and a public table at once drops the public one from the model.
    apply(
        &mut model,
        "DROP TABLE bookkeeping.state, user_profile; DROP SCHEMA bookkeeping",
    )
    .unwrap();
    assert_eq!(names(&model), ["organization"]);
    assert!(model.schemas.is_empty());
    // Once the schema is dropped, its name is an unmodelled schema again.
    let err = schema_error(&mut model, "CREATE TABLE bookkeeping.state (a int)");
    assert!(
        err.contains("schema `bookkeeping` is not modelled"),
        "{err}"
    );
    // `public` is the model itself, whoever creates it.
    apply(
        &mut model,
        "CREATE SCHEMA IF NOT EXISTS public; CREATE TABLE public.t (a int)",
    )
    .unwrap();
    assert_eq!(names(&model), ["organization", "t"]);
}

#[test]
fn a_self_reference_may_name_a_key_declared_later_in_the_statement() {
    let model = model_of(
        "
        CREATE TABLE category (
            parent_id integer REFERENCES category,
            category_id integer,
            PRIMARY KEY (category_id)
        )",
    )
    .unwrap();
    let category = table(&model, "category");
    assert_eq!(category.foreign_keys[0].ref_columns, ["category_id"]);
    assert!(
        !category.columns[1].nullable,
        "a primary key column is NOT NULL"
    );
}

#[test]
fn shape_neutral_statements_change_nothing() {
    let mut model = model_of(ORGANIZATION).unwrap();
    let shape = |model: &Model| format!("{:?} {:?}", model.tables, model.enums);
    let before = shape(&model);
    apply(
        &mut model,
        "
        INSERT INTO organization (name) VALUES ('x');
        UPDATE organization SET name = 'y';
        CREATE INDEX ix ON organization (lower(name));
        CREATE VIEW v AS SELECT name FROM organization;
        GRANT SELECT ON organization TO reporting;
        ALTER TABLE organization OWNER TO postgres;
        ALTER TABLE organization ENABLE TRIGGER ALL;
        DROP VIEW v;
        CREATE MATERIALIZED VIEW mv AS SELECT name FROM organization;
        REFRESH MATERIALIZED VIEW CONCURRENTLY mv;
        SET search_path TO public;
        RESET search_path;
    ",
    )
    .unwrap();
    assert_eq!(shape(&model), before);
}

#[test]
fn identity_columns_are_not_null_without_a_default_and_generated_columns_are_refused() {
    let model = model_of("CREATE TABLE t (a int GENERATED ALWAYS AS IDENTITY, b bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 10))").unwrap();
    assert_eq!(
        columns(&model, "t"),
        ["a integer not null", "b bigint not null"]
    );
    let err =
        model_of("CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) STORED)").unwrap_err();
    assert!(
        err.to_string()
            .contains("is not followed by the schema model"),
        "{err}"
    );
}

#[test]
fn quoted_labels_keep_their_case_spaces_and_doubled_quotes() {
    let model = model_of("CREATE TYPE t AS ENUM ('It''s', 'Jet fuel', 'lower', 'UPPER')").unwrap();
    assert_eq!(
        model.enums[0].labels,
        ["It's", "Jet fuel", "lower", "UPPER"]
    );
}

#[test]
fn comments_on_view_columns_are_accepted_and_not_kept() {
    let mut model = model_of(ORGANIZATION).unwrap();
    apply(&mut model, "
        CREATE VIEW v_organization AS SELECT name FROM organization;
        CREATE MATERIALIZED VIEW IF NOT EXISTS public.mv_count AS SELECT count(*) AS n FROM organization WITH DATA;
        COMMENT ON COLUMN v_organization.name IS 'Legal name';
        COMMENT ON COLUMN mv_count.n IS 'Organizations';
    ").unwrap();
    assert_eq!(model.views, ["v_organization", "mv_count"]);
    apply(
        &mut model,
        "DROP VIEW v_organization; DROP MATERIALIZED VIEW mv_count",
    )
    .unwrap();
    let err = schema_error(
        &mut model,
        "COMMENT ON COLUMN v_organization.name IS 'Legal name'",
    );
    assert!(
        err.contains("unknown table or view `v_organization`"),
        "{err}"
    );
}
