//! Who may read or change what the adoption drops and creates again, or moves: read before it
//! acts and given back after, so a takeover changes nobody's access (the application's role
//! keeps owning the views its triggers refresh; the reporting role keeps what it reads).

use tokio_postgres::Client;

use crate::Error;
use crate::catalog::ARCHIVE_SCHEMA;

/// For each of `relations` (in public) as they are now, to run after they are created again:
/// `REVOKE` of what the adopting role's default privileges give a new relation and the old one
/// did not have (created again by `lcfs`, LCFS's first database would otherwise let the reporting
/// role read four views it does not read), `ALTER MATERIALIZED VIEW … OWNER TO …` when the
/// adopting role is not the owner, and one `GRANT` per grantee and privilege it had.
pub(crate) async fn owners_and_grants(
    client: &Client,
    relations: &[String],
) -> Result<Vec<String>, Error> {
    let rows = client
        .query(
            "SELECT s FROM (
               SELECT c.relname, -1 AS o, coalesce(r.rolname, 'PUBLIC') AS g, d.privilege_type AS p,
                      format('REVOKE %s ON %s FROM %s', d.privilege_type, c.oid::regclass,
                             CASE d.grantee WHEN 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END)
                        AS s
                 FROM pg_class c
                 CROSS JOIN (SELECT a.grantee, a.privilege_type
                               FROM pg_default_acl da, aclexplode(da.defaclacl) a
                              WHERE da.defaclrole = (SELECT oid FROM pg_roles
                                                      WHERE rolname = current_user)
                                AND da.defaclobjtype = 'r'
                                AND da.defaclnamespace = 'public'::regnamespace) d
                 LEFT JOIN pg_roles r ON r.oid = d.grantee
                WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY ($1)
                  AND NOT EXISTS (SELECT 1 FROM aclexplode(c.relacl) o
                                   WHERE o.grantee = d.grantee
                                     AND o.privilege_type = d.privilege_type)
               UNION ALL
               SELECT c.relname, 0 AS o, '' AS g, '' AS p,
                      format('ALTER MATERIALIZED VIEW %s OWNER TO %I', c.oid::regclass,
                             pg_get_userbyid(c.relowner))
                 FROM pg_class c
                WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY ($1)
                  AND c.relkind = 'm' AND c.relowner <> (SELECT oid FROM pg_roles
                                                          WHERE rolname = current_user)
               UNION ALL
               SELECT c.relname, 1, coalesce(r.rolname, 'PUBLIC'), a.privilege_type,
                      format('GRANT %s ON %s TO %s%s', a.privilege_type, c.oid::regclass,
                             CASE a.grantee WHEN 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END,
                             CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)
                 FROM pg_class c, aclexplode(c.relacl) a
                 LEFT JOIN pg_roles r ON r.oid = a.grantee
                WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY ($1)
                  AND a.grantee <> c.relowner
             ) access ORDER BY relname, o, g, p",
            &[&relations],
        )
        .await
        .map_err(|e| Error::postgres("reading the access to the materialized views", e))?;
    Ok(rows.iter().map(|row| row.get(0)).collect())
}

/// `GRANT USAGE ON SCHEMA` the archive to every role but the owner holding a privilege on one
/// of `tables` (in public, about to move there), so it still reaches them.
pub(crate) async fn archive_usage(
    client: &Client,
    tables: &[String],
) -> Result<Vec<String>, Error> {
    let rows = client
        .query(
            &format!(
                "SELECT DISTINCT format('GRANT USAGE ON SCHEMA {ARCHIVE_SCHEMA} TO %s',
                          CASE a.grantee WHEN 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END) AS s
                   FROM pg_class c, aclexplode(c.relacl) a
                   LEFT JOIN pg_roles r ON r.oid = a.grantee
                  WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY ($1)
                    AND a.grantee <> c.relowner
                  ORDER BY s"
            ),
            &[&tables],
        )
        .await
        .map_err(|e| Error::postgres("reading the access to the leftover tables", e))?;
    Ok(rows.iter().map(|row| row.get(0)).collect())
}

/// `REVOKE` of what the adopting role's default privileges give `table`, a table it is about to
/// create in public (the history): the migrations' history is readable by nobody else on a
/// database `upgrade` built, and an adopted one is no different.
pub(crate) async fn default_grants_undone(
    client: &Client,
    table: &str,
) -> Result<Vec<String>, Error> {
    let rows = client
        .query(
            "SELECT format('REVOKE %s ON %s FROM %s', a.privilege_type, $1::text,
                           CASE a.grantee WHEN 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END)
               FROM pg_default_acl d, aclexplode(d.defaclacl) a
               LEFT JOIN pg_roles r ON r.oid = a.grantee
              WHERE d.defaclrole = (SELECT oid FROM pg_roles WHERE rolname = current_user)
                AND d.defaclobjtype = 'r' AND d.defaclnamespace = 'public'::regnamespace
              ORDER BY 1",
            &[&table],
        )
        .await
        .map_err(|e| Error::postgres("reading the default privileges", e))?;
    Ok(rows.iter().map(|row| row.get(0)).collect())
}
