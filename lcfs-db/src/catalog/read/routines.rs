//! Schemas, extensions, enum types and functions. A function is named by its identity
//! arguments and carries an md5 of its body with runs of whitespace made one space, so a
//! re-indented body compares equal and any other edit does not.

/// Each query follows [`super::SCOPE`] and answers (kind, name, attributes).
pub(super) const QUERIES: &[&str] = &[
    "SELECT 'schema', ns.nspname, '{}'::jsonb FROM ns",
    // The version is left out: it follows the server's packages, not the migrations.
    "SELECT 'extension', e.extname::text, jsonb_build_object('schema', n.nspname)
     FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace",
    "SELECT 'enum', ns.prefix || t.typname,
            jsonb_build_object('labels', (SELECT jsonb_agg(e.enumlabel ORDER BY e.enumsortorder)
                                          FROM pg_enum e WHERE e.enumtypid = t.oid))
     FROM pg_type t JOIN ns ON ns.oid = t.typnamespace
     WHERE t.typtype = 'e'
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                       AND d.objid = t.oid AND d.deptype = 'e')",
    "SELECT 'function', ns.prefix || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
            jsonb_build_object(
              'kind', CASE p.prokind WHEN 'f' THEN 'function' WHEN 'p' THEN 'procedure'
                                     WHEN 'a' THEN 'aggregate' WHEN 'w' THEN 'window' END,
              'arguments', pg_get_function_arguments(p.oid),
              'returns', pg_get_function_result(p.oid),
              'language', l.lanname,
              'volatility', CASE p.provolatile WHEN 'i' THEN 'IMMUTABLE' WHEN 's' THEN 'STABLE'
                                               ELSE 'VOLATILE' END,
              'security_definer', p.prosecdef,
              'strict', p.proisstrict,
              'body_md5', md5(regexp_replace(btrim(coalesce(p.prosrc, ''), E' \\t\\r\\n'),
                                             '\\s+', ' ', 'g')))
     FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
     WHERE NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                       AND d.objid = p.oid AND d.deptype = 'e')",
];
