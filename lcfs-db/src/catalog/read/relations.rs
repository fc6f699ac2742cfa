//! Tables, views, materialized views and what hangs off them: columns, constraints, indexes,
//! triggers, sequences. The attribute names are those of the LCFS reference's `schema.json`,
//! so that the reference compares with a live catalog attribute by attribute. A view's
//! definition is the server's printed text, compared by meaning in `definitions`.

/// Each query follows [`super::SCOPE`] and answers (kind, name, attributes).
pub(super) const QUERIES: &[&str] = &[
    "SELECT CASE r.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'table' END,
            r.qname,
            CASE WHEN r.relkind IN ('v', 'm')
                 THEN jsonb_build_object('definition', btrim(pg_get_viewdef(r.oid), E' \\t\\r\\n'))
                 ELSE '{}'::jsonb END
     FROM rels r WHERE r.relkind <> 'S'",
    // The ordinal is dense (1..n), so a column dropped long ago leaves no trace.
    "SELECT 'column', r.qname || '.' || a.attname,
            jsonb_build_object(
              'ordinal', row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum),
              'type', format_type(a.atttypid, a.atttypmod),
              'nullable', NOT a.attnotnull,
              'default', pg_get_expr(ad.adbin, ad.adrelid),
              'identity', CASE a.attidentity WHEN 'a' THEN 'ALWAYS' WHEN 'd' THEN 'BY DEFAULT' END,
              'generated', CASE a.attgenerated WHEN 's' THEN 'STORED' END,
              'collation', CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation
                                THEN (SELECT collname FROM pg_collation WHERE oid = a.attcollation) END)
     FROM rels r
     JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
     JOIN pg_type t ON t.oid = a.atttypid
     LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
     WHERE r.relkind <> 'S'",
    // PostgreSQL 18 also records each NOT NULL as a constraint (contype 'n', named
    // `<table>_<column>_not_null`); earlier versions only set `attnotnull`. The one place that
    // tells versions apart: NOT NULL is the column's `nullable` on every version, and these
    // constraints are left out, so the catalog reads the same on 15 to 18
    // (tests/server_versions.rs).
    "SELECT 'constraint', r.qname || '.' || con.conname,
            jsonb_build_object(
              'type', CASE con.contype WHEN 'p' THEN 'PRIMARY KEY' WHEN 'f' THEN 'FOREIGN KEY'
                                       WHEN 'u' THEN 'UNIQUE' WHEN 'c' THEN 'CHECK'
                                       WHEN 'x' THEN 'EXCLUDE' END,
              'columns', (SELECT coalesce(jsonb_agg(att.attname ORDER BY k.ord), '[]')
                          FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                          JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = k.attnum),
              'definition', pg_get_constraintdef(con.oid, true),
              'deferrable', con.condeferrable,
              'deferred', con.condeferred,
              'validated', con.convalidated)
            || CASE WHEN con.contype = 'f' THEN jsonb_build_object(
              'ref_schema', rn.nspname,
              'ref_table', rc.relname,
              'ref_columns', (SELECT coalesce(jsonb_agg(att.attname ORDER BY k.ord), '[]')
                              FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                              JOIN pg_attribute att ON att.attrelid = con.confrelid AND att.attnum = k.attnum),
              'on_delete', CASE con.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT'
                                WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END,
              'on_update', CASE con.confupdtype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT'
                                WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END,
              'match', CASE con.confmatchtype WHEN 'f' THEN 'FULL' WHEN 'p' THEN 'PARTIAL' ELSE 'SIMPLE' END)
            ELSE '{}'::jsonb END
     FROM rels r
     JOIN pg_constraint con ON con.conrelid = r.oid AND con.contype IN ('p', 'f', 'u', 'c', 'x')
     LEFT JOIN pg_class rc ON rc.oid = con.confrelid
     LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace",
    "SELECT 'index', substr(r.qname, 1, length(r.qname) - length(r.relname)) || ic.relname,
            jsonb_build_object(
              'table', r.qname,
              'definition', pg_get_indexdef(i.indexrelid),
              'unique', i.indisunique,
              'primary', i.indisprimary,
              'constraint', (SELECT con.conname FROM pg_constraint con
                             WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                               AND con.contype IN ('p', 'u', 'x') LIMIT 1),
              'valid', i.indisvalid)
     FROM rels r JOIN pg_index i ON i.indrelid = r.oid JOIN pg_class ic ON ic.oid = i.indexrelid",
    // Internal triggers (those behind foreign keys) belong to their constraint.
    "SELECT 'trigger', r.qname || '.' || tg.tgname,
            jsonb_build_object(
              'function', fn.nspname || '.' || p.proname,
              'timing', CASE WHEN tg.tgtype & 64 <> 0 THEN 'INSTEAD OF'
                             WHEN tg.tgtype & 2 <> 0 THEN 'BEFORE' ELSE 'AFTER' END,
              'events', (SELECT jsonb_agg(e ORDER BY o) FROM (VALUES
                           (1, CASE WHEN tg.tgtype & 4 <> 0 THEN 'INSERT' END),
                           (2, CASE WHEN tg.tgtype & 16 <> 0 THEN 'UPDATE' END),
                           (3, CASE WHEN tg.tgtype & 8 <> 0 THEN 'DELETE' END),
                           (4, CASE WHEN tg.tgtype & 32 <> 0 THEN 'TRUNCATE' END)) v(o, e)
                         WHERE e IS NOT NULL),
              'level', CASE WHEN tg.tgtype & 1 <> 0 THEN 'ROW' ELSE 'STATEMENT' END,
              'enabled', CASE tg.tgenabled WHEN 'O' THEN 'ORIGIN' WHEN 'D' THEN 'DISABLED'
                                           WHEN 'R' THEN 'REPLICA' WHEN 'A' THEN 'ALWAYS' END,
              'definition', pg_get_triggerdef(tg.oid, true))
     FROM rels r
     JOIN pg_trigger tg ON tg.tgrelid = r.oid AND NOT tg.tgisinternal
     JOIN pg_proc p ON p.oid = tg.tgfoid
     JOIN pg_namespace fn ON fn.oid = p.pronamespace",
    "SELECT 'sequence', r.qname,
            jsonb_build_object(
              'data_type', format_type(s.seqtypid, NULL),
              'start', s.seqstart,
              'increment', s.seqincrement,
              'min', s.seqmin,
              'max', s.seqmax,
              'cache', s.seqcache,
              'cycle', s.seqcycle,
              'owned_by', (SELECT tc.relname || '.' || a.attname
                           FROM pg_depend d
                           JOIN pg_class tc ON tc.oid = d.refobjid
                           JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                           WHERE d.classid = 'pg_class'::regclass AND d.objid = r.oid
                             AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
                           LIMIT 1),
              'identity', EXISTS (SELECT 1 FROM pg_depend d
                                  WHERE d.classid = 'pg_class'::regclass AND d.objid = r.oid
                                    AND d.deptype = 'i'))
     FROM rels r JOIN pg_sequence s ON s.seqrelid = r.oid",
];
