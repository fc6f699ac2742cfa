//! Comments, grants and the roles that hold them. A grant is what one grantee holds on one
//! object beyond the owner's defaults, or by default privileges on what is created in a schema;
//! owners and the roles whose default privileges they are are never named, since they differ
//! between servers (`lcfs` in production, `postgres` in tests) while the migrations are the same.

/// Each query follows [`super::SCOPE`] and answers (kind, name, attributes).
pub(super) const QUERIES: &[&str] = &[
    "SELECT 'comment', c.target, jsonb_build_object('text', c.description) FROM (
       SELECT CASE WHEN d.objsubid > 0 THEN 'column ' || r.qname || '.' || a.attname
                   ELSE CASE r.relkind WHEN 'v' THEN 'view ' WHEN 'm' THEN 'materialized view '
                                       WHEN 'S' THEN 'sequence ' ELSE 'table ' END || r.qname
              END AS target, d.description
       FROM rels r
       JOIN pg_description d ON d.classoid = 'pg_class'::regclass AND d.objoid = r.oid
       LEFT JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum = d.objsubid
       UNION ALL
       SELECT 'index ' || substr(r.qname, 1, length(r.qname) - length(r.relname)) || ic.relname,
              d.description
       FROM rels r JOIN pg_index i ON i.indrelid = r.oid JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_description d ON d.classoid = 'pg_class'::regclass AND d.objoid = ic.oid
       UNION ALL
       SELECT 'constraint ' || r.qname || '.' || con.conname, d.description
       FROM rels r JOIN pg_constraint con ON con.conrelid = r.oid
       JOIN pg_description d ON d.classoid = 'pg_constraint'::regclass AND d.objoid = con.oid
       UNION ALL
       SELECT 'trigger ' || r.qname || '.' || tg.tgname, d.description
       FROM rels r JOIN pg_trigger tg ON tg.tgrelid = r.oid
       JOIN pg_description d ON d.classoid = 'pg_trigger'::regclass AND d.objoid = tg.oid
       UNION ALL
       SELECT 'function ' || ns.prefix || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
              d.description
       FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
       JOIN pg_description d ON d.classoid = 'pg_proc'::regclass AND d.objoid = p.oid
       WHERE NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass
                         AND e.objid = p.oid AND e.deptype = 'e')
       UNION ALL
       SELECT 'type ' || ns.prefix || t.typname, d.description
       FROM pg_type t JOIN ns ON ns.oid = t.typnamespace
       JOIN pg_description d ON d.classoid = 'pg_type'::regclass AND d.objoid = t.oid
       WHERE NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_type'::regclass
                         AND e.objid = t.oid AND e.deptype = 'e')
       UNION ALL
       SELECT 'schema ' || ns.nspname, d.description
       FROM ns JOIN pg_description d ON d.classoid = 'pg_namespace'::regclass AND d.objoid = ns.oid
     ) c",
    ", acl AS (
       SELECT CASE r.relkind WHEN 'v' THEN 'view ' WHEN 'm' THEN 'materialized view '
                             WHEN 'S' THEN 'sequence ' WHEN 'f' THEN 'foreign table '
                             ELSE 'table ' END || r.qname AS object,
              a.grantee, a.privilege_type, a.is_grantable
       FROM rels r, aclexplode(r.relacl) a
       WHERE a.grantee <> r.relowner
         AND NOT EXISTS (SELECT 1 FROM aclexplode(acldefault(
                           CASE WHEN r.relkind = 'S' THEN 's' ELSE 'r' END::\"char\", r.relowner)) d
                         WHERE d.grantee = a.grantee AND d.privilege_type = a.privilege_type)
       UNION ALL
       SELECT 'function ' || ns.prefix || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
              a.grantee, a.privilege_type, a.is_grantable
       FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace, aclexplode(p.proacl) a
       WHERE a.grantee <> p.proowner
         AND NOT EXISTS (SELECT 1 FROM aclexplode(acldefault('f', p.proowner)) d
                         WHERE d.grantee = a.grantee AND d.privilege_type = a.privilege_type)
         AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass
                         AND e.objid = p.oid AND e.deptype = 'e')
       UNION
       SELECT 'default privileges on ' || CASE d.defaclobjtype WHEN 'r' THEN 'tables'
                WHEN 'S' THEN 'sequences' WHEN 'f' THEN 'functions' WHEN 'T' THEN 'types'
                ELSE 'schemas' END || ' in schema ' || ns.nspname,
              a.grantee, a.privilege_type, a.is_grantable
       FROM pg_default_acl d JOIN ns ON ns.oid = d.defaclnamespace, aclexplode(d.defaclacl) a
     )
     SELECT 'grant',
            acl.object || ' to ' || CASE acl.grantee WHEN 0 THEN 'PUBLIC' ELSE pg_get_userbyid(acl.grantee) END,
            jsonb_build_object('privileges', jsonb_agg(acl.privilege_type
              || CASE WHEN acl.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END
              ORDER BY acl.privilege_type))
     FROM acl GROUP BY acl.object, acl.grantee
     UNION ALL
     SELECT 'role', r.rolname::text,
            jsonb_build_object('login', r.rolcanlogin, 'superuser', r.rolsuper,
                               'createdb', r.rolcreatedb, 'createrole', r.rolcreaterole,
                               'inherit', r.rolinherit, 'replication', r.rolreplication,
                               'bypassrls', r.rolbypassrls)
     FROM pg_roles r WHERE r.oid IN (SELECT grantee FROM acl)",
];
