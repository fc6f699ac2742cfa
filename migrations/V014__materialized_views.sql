-- V014 materialized views: the credit ledger and the dashboard counters, kept fresh by
-- statement-level triggers on the tables they read.
--
-- Each view is created populated (CREATE MATERIALIZED VIEW fills it unless told WITH NO DATA;
-- the explicit WITH DATA clause is left out because the build's SQL parser does not accept it)
-- and gets its unique index at once: REFRESH ... CONCURRENTLY, which the triggers use so that
-- readers are never blocked, needs both. The refresh triggers come last, after every view is
-- ready; a trigger firing on a view that is not ready would fail the write that fired it. The
-- refreshes run inside the writer's transaction, with the writer's rights, and also after
-- statements that change no row.
--
-- As in LCFS, only the tables listed with the triggers refresh the views: renaming an
-- organization or editing a status, period, category or user leaves them stale until the next
-- write to a watched table.
--
-- Time zones, reproduced from LCFS exactly, do not "fix" (the transaction-aggregate view):
--   SHIFT(x), x timestamptz:  x AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver'
--       reads x's UTC wall clock as Vancouver local time, giving an instant 7 or 8 hours LATER.
--   VANLOCAL(t), t timestamp: t AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver'
--       reads t as a UTC instant and gives Vancouver's wall clock, 7 or 8 hours EARLIER.
-- The same operator chain thus moves timestamptz values forward and timestamp values back. Casts
-- to date, year extraction on a timestamptz and date-to-timestamptz casts follow the TimeZone of
-- the session that refreshes (normally the application's session).
--
-- Where LCFS picks one row without an ordering (LIMIT 1 on comments and history rows, ties in the
-- running balance) a tie-breaker on the row id is added, so a refresh is deterministic; with a
-- single candidate the result is the one LCFS gives.

-- A single list of every credit transaction: transfers, initiative agreements and administrative
-- adjustments of any status, assessed or reassessed compliance reports with a transaction, and
-- transactions no other record points at. Ranking by newest update (rn, always 1) keeps one row
-- per transaction id and type, the key the unique index and concurrent refreshes rely on.
CREATE MATERIALIZED VIEW mv_transaction_aggregate AS
SELECT ranked.transaction_id,
       ranked.transaction_type,
       ranked.description,
       ranked.from_organization_id,
       ranked.from_organization,
       ranked.to_organization_id,
       ranked.to_organization,
       ranked.quantity,
       ranked.price_per_unit,
       ranked.status,
       ranked.compliance_period,
       ranked.from_org_comment,
       ranked.to_org_comment,
       ranked.government_comment,
       ranked.category,
       ranked.recorded_date,
       ranked.approved_date,
       ranked.transaction_effective_date,
       ranked.update_date,
       ranked.create_date,
       ranked.rn
  FROM (SELECT every_transaction.*,
               row_number() OVER (PARTITION BY every_transaction.transaction_id,
                                               every_transaction.transaction_type
                                  ORDER BY every_transaction.update_date DESC NULLS LAST,
                                           every_transaction.create_date DESC NULLS LAST) AS rn
          FROM (
                -- Transfers. The compliance year of a Recorded transfer comes from its effective
                -- date, or else from when it was recorded; other statuses have none ('N/A').
                SELECT t.transfer_id AS transaction_id,
                       'Transfer'::text AS transaction_type,
                       NULL::text AS description,
                       org_from.organization_id AS from_organization_id,
                       org_from.name::varchar AS from_organization,
                       org_to.organization_id AS to_organization_id,
                       org_to.name AS to_organization,
                       t.quantity,
                       t.price_per_unit::numeric AS price_per_unit,
                       ts.status::text AS status,
                       CASE
                           WHEN ts.status = 'Recorded'
                           THEN EXTRACT(YEAR FROM (coalesce(t.transaction_effective_date::timestamptz,
                                                            recorded.create_date)
                                                   AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver'))::text
                           ELSE 'N/A'
                       END AS compliance_period,
                       (SELECT tc.comment FROM transfer_comment tc
                         WHERE tc.transfer_id = t.transfer_id AND tc.comment_source = 'FROM_ORG'
                         ORDER BY tc.transfer_comment_id LIMIT 1) AS from_org_comment,
                       (SELECT tc.comment FROM transfer_comment tc
                         WHERE tc.transfer_id = t.transfer_id AND tc.comment_source = 'TO_ORG'
                         ORDER BY tc.transfer_comment_id LIMIT 1) AS to_org_comment,
                       (SELECT tc.comment FROM transfer_comment tc
                         WHERE tc.transfer_id = t.transfer_id AND tc.comment_source = 'GOVERNMENT'
                         ORDER BY tc.transfer_comment_id LIMIT 1) AS government_comment,
                       cat.category,
                       (recorded.create_date AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver')::date
                           AS recorded_date,
                       NULL::date AS approved_date,
                       (t.transaction_effective_date AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver')::date
                           AS transaction_effective_date,
                       t.update_date AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver' AS update_date,
                       t.create_date AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver' AS create_date
                  FROM transfer t
                  JOIN organization org_from ON org_from.organization_id = t.from_organization_id
                  JOIN organization org_to ON org_to.organization_id = t.to_organization_id
                  JOIN transfer_status ts ON ts.transfer_status_id = t.current_status_id
                  LEFT JOIN transfer_category cat ON cat.transfer_category_id = t.transfer_category_id
                  LEFT JOIN LATERAL (
                        SELECT th.create_date FROM transfer_history th
                         WHERE th.transfer_id = t.transfer_id AND th.transfer_status_id = 6
                         ORDER BY th.transfer_history_id LIMIT 1) recorded ON true

                UNION ALL

                -- Initiative agreements; approved_date is when one reached Approved (id 3).
                SELECT ia.initiative_agreement_id,
                       'InitiativeAgreement'::text,
                       NULL::text,
                       NULL::integer,
                       NULL::varchar,
                       org.organization_id,
                       org.name,
                       ia.compliance_units,
                       NULL::numeric,
                       ias.status::text,
                       EXTRACT(YEAR FROM (ia.transaction_effective_date
                                          AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver'))::text,
                       NULL::text,
                       NULL::text,
                       ia.gov_comment::text,
                       NULL::transfercategoryenum,
                       NULL::date,
                       (approved.create_date AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver')::date,
                       (ia.transaction_effective_date AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver')::date,
                       ia.update_date AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver',
                       ia.create_date AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver'
                  FROM initiative_agreement ia
                  JOIN organization org ON org.organization_id = ia.to_organization_id
                  JOIN initiative_agreement_status ias
                    ON ias.initiative_agreement_status_id = ia.current_status_id
                  LEFT JOIN LATERAL (
                        SELECT h.create_date FROM initiative_agreement_history h
                         WHERE h.initiative_agreement_id = ia.initiative_agreement_id
                           AND h.initiative_agreement_status_id = 3
                         ORDER BY h.initiative_agreement_history_id LIMIT 1) approved ON true

                UNION ALL

                -- Administrative adjustments, exactly like initiative agreements.
                SELECT aa.admin_adjustment_id,
                       'AdminAdjustment'::text,
                       NULL::text,
                       NULL::integer,
                       NULL::varchar,
                       org.organization_id,
                       org.name,
                       aa.compliance_units,
                       NULL::numeric,
                       aas.status::text,
                       EXTRACT(YEAR FROM (aa.transaction_effective_date
                                          AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver'))::text,
                       NULL::text,
                       NULL::text,
                       aa.gov_comment::text,
                       NULL::transfercategoryenum,
                       NULL::date,
                       (approved.create_date AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver')::date,
                       (aa.transaction_effective_date AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver')::date,
                       aa.update_date AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver',
                       aa.create_date AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver'
                  FROM admin_adjustment aa
                  JOIN organization org ON org.organization_id = aa.to_organization_id
                  JOIN admin_adjustment_status aas
                    ON aas.admin_adjustment_status_id = aa.current_status_id
                  LEFT JOIN LATERAL (
                        SELECT h.create_date FROM admin_adjustment_history h
                         WHERE h.admin_adjustment_id = aa.admin_adjustment_id
                           AND h.admin_adjustment_status_id = 3
                         ORDER BY h.admin_adjustment_history_id LIMIT 1) approved ON true

                UNION ALL

                -- Assessed (or reassessed) compliance reports that carry a transaction.
                SELECT cr.compliance_report_id,
                       'ComplianceReport'::text,
                       cr.nickname::text,
                       NULL::integer,
                       NULL::varchar,
                       org.organization_id,
                       org.name,
                       tx.compliance_units,
                       NULL::numeric,
                       crs.status::text,
                       cp.description::text,
                       NULL::text,
                       NULL::text,
                       NULL::text,
                       NULL::transfercategoryenum,
                       NULL::date,
                       NULL::date,
                       NULL::date,
                       cr.update_date AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver',
                       cr.create_date AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver'
                  FROM compliance_report cr
                  JOIN organization org ON org.organization_id = cr.organization_id
                  JOIN compliance_report_status crs
                    ON crs.compliance_report_status_id = cr.current_status_id
                  JOIN compliance_period cp ON cp.compliance_period_id = cr.compliance_period_id
                  JOIN transaction tx ON tx.transaction_id = cr.transaction_id
                 WHERE crs.status IN ('Assessed', 'Reassessed')

                UNION ALL

                -- Effective transactions that no report, adjustment, agreement or transfer points
                -- at (whatever that report's status). Their date is the effective date at
                -- midnight, or else the creation time, shifted like the others.
                SELECT tx.transaction_id,
                       'StandaloneTransaction'::text,
                       NULL::text,
                       NULL::integer,
                       NULL::varchar,
                       org.organization_id,
                       org.name,
                       tx.compliance_units,
                       NULL::numeric,
                       'Recorded'::text,
                       EXTRACT(YEAR FROM (coalesce(tx.effective_date::timestamptz, tx.create_date)
                                          AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver'))::text,
                       NULL::text,
                       NULL::text,
                       NULL::text,
                       NULL::transfercategoryenum,
                       NULL::date,
                       NULL::date,
                       (coalesce(tx.effective_date::timestamptz, tx.create_date)
                        AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver')::date,
                       coalesce(tx.update_date, tx.create_date) AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver',
                       tx.create_date AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver'
                  FROM transaction tx
                  JOIN organization org ON org.organization_id = tx.organization_id
                 WHERE tx.effective_status IS NOT FALSE
                   AND NOT EXISTS (SELECT 1 FROM compliance_report cr WHERE cr.transaction_id = tx.transaction_id)
                   AND NOT EXISTS (SELECT 1 FROM admin_adjustment aa WHERE aa.transaction_id = tx.transaction_id)
                   AND NOT EXISTS (SELECT 1 FROM initiative_agreement ia WHERE ia.transaction_id = tx.transaction_id)
                   AND NOT EXISTS (SELECT 1 FROM transfer t WHERE t.from_transaction_id = tx.transaction_id)
                   AND NOT EXISTS (SELECT 1 FROM transfer t WHERE t.to_transaction_id = tx.transaction_id)
               ) every_transaction
       ) ranked
 WHERE ranked.rn = 1;

CREATE UNIQUE INDEX mv_transaction_aggregate_unique_idx
    ON mv_transaction_aggregate USING btree (transaction_id, transaction_type);

-- Each organization's credit ledger: the transactions that moved its balance (recorded
-- transfers on both sides, approved adjustments and agreements, assessed reports, standalone
-- transactions), with the running balance in update order. As in LCFS, Reassessed reports are
-- not counted, and a recorded transfer from an organization to itself yields two rows with the
-- same key, which makes the refresh, and so the write that fired it, fail.
CREATE MATERIALIZED VIEW mv_credit_ledger AS
WITH ledger_entries AS (
    SELECT ta.transaction_id, ta.transaction_type, ta.compliance_period,
           ta.from_organization_id AS organization_id,
           -abs(ta.quantity) AS compliance_units,
           ta.create_date, ta.update_date
      FROM mv_transaction_aggregate ta
     WHERE ta.transaction_type = 'Transfer' AND ta.status = 'Recorded'
    UNION ALL
    SELECT ta.transaction_id, ta.transaction_type, ta.compliance_period,
           ta.to_organization_id,
           abs(ta.quantity),
           ta.create_date, ta.update_date
      FROM mv_transaction_aggregate ta
     WHERE ta.transaction_type = 'Transfer' AND ta.status = 'Recorded'
    UNION ALL
    SELECT ta.transaction_id, ta.transaction_type, ta.compliance_period,
           ta.to_organization_id, ta.quantity, ta.create_date, ta.update_date
      FROM mv_transaction_aggregate ta
     WHERE ta.transaction_type = 'AdminAdjustment' AND ta.status = 'Approved'
    UNION ALL
    SELECT ta.transaction_id, ta.transaction_type, ta.compliance_period,
           ta.to_organization_id, ta.quantity, ta.create_date, ta.update_date
      FROM mv_transaction_aggregate ta
     WHERE ta.transaction_type = 'InitiativeAgreement' AND ta.status = 'Approved'
    UNION ALL
    SELECT ta.transaction_id, ta.transaction_type, ta.compliance_period,
           ta.to_organization_id, ta.quantity, ta.create_date, ta.update_date
      FROM mv_transaction_aggregate ta
     WHERE ta.transaction_type = 'ComplianceReport' AND ta.status = 'Assessed'
    UNION ALL
    SELECT ta.transaction_id, ta.transaction_type, ta.compliance_period,
           ta.to_organization_id, ta.quantity, ta.create_date, ta.update_date
      FROM mv_transaction_aggregate ta
     WHERE ta.transaction_type = 'StandaloneTransaction' AND ta.status = 'Recorded'
)
SELECT le.transaction_id,
       le.transaction_type,
       le.compliance_period,
       le.organization_id,
       le.compliance_units,
       sum(le.compliance_units) OVER (PARTITION BY le.organization_id
                                      ORDER BY le.update_date NULLS LAST,
                                               le.transaction_type, le.transaction_id
                                      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS available_balance,
       le.create_date,
       le.update_date
  FROM ledger_entries le;

CREATE UNIQUE INDEX mv_credit_ledger_tx_org_idx
    ON mv_credit_ledger USING btree (transaction_id, transaction_type, organization_id);
CREATE INDEX mv_credit_ledger_org_year_idx
    ON mv_credit_ledger USING btree (organization_id, compliance_period);
CREATE INDEX mv_credit_ledger_org_date_idx
    ON mv_credit_ledger USING btree (organization_id, update_date DESC);

-- Work in progress per kind of transaction, for the dashboard: transfers Submitted (4) or
-- Recommended (5), agreements and adjustments in Draft (1) or Recommended (2). Status ids are
-- hard-coded, as in LCFS. Always three rows.
CREATE MATERIALIZED VIEW mv_transaction_count AS
SELECT 'transfers'::text AS transaction_type,
       count(*) AS count_in_progress
  FROM transfer t
 WHERE t.current_status_id IN (4, 5)
UNION ALL
SELECT 'initiative_agreements'::text, count(*)
  FROM initiative_agreement ia
 WHERE ia.current_status_id IN (1, 2)
UNION ALL
SELECT 'admin_adjustments'::text, count(*)
  FROM admin_adjustment aa
 WHERE aa.current_status_id IN (1, 2);

CREATE UNIQUE INDEX mv_transaction_count_unique_idx
    ON mv_transaction_count USING btree (transaction_type);

-- What waits for the director, for the dashboard: recommended transfers (5), agreements and
-- adjustments (2), fuel codes (4), and compliance reports whose latest submitted version is
-- Recommended_by_manager (raw status 4). Always five rows.
CREATE MATERIALIZED VIEW mv_director_review_transaction_count AS
SELECT 'transfers'::text AS transaction_type,
       count(*) AS count_for_review
  FROM transfer t
 WHERE t.current_status_id = 5
UNION ALL
SELECT 'compliance_reports'::text, count(*)
  FROM (SELECT vcr.report_status_id,
               row_number() OVER (PARTITION BY vcr.compliance_period, vcr.compliance_report_group_uuid,
                                               vcr.organization_id
                                  ORDER BY vcr.version DESC, vcr.compliance_report_id DESC) AS rn
          FROM v_compliance_report vcr
          JOIN compliance_report_status crs ON crs.compliance_report_status_id = vcr.report_status_id
         WHERE crs.status NOT IN ('Draft', 'Analyst_adjustment')) latest_submitted
 WHERE latest_submitted.rn = 1
   AND latest_submitted.report_status_id = 4
UNION ALL
SELECT 'initiative_agreements'::text, count(*)
  FROM initiative_agreement ia
 WHERE ia.current_status_id = 2
UNION ALL
SELECT 'admin_adjustments'::text, count(*)
  FROM admin_adjustment aa
 WHERE aa.current_status_id = 2
UNION ALL
SELECT 'fuel_codes'::text, count(*)
  FROM fuel_code fc
 WHERE fc.fuel_status_id = 4;

CREATE UNIQUE INDEX mv_director_review_transaction_count_unique_idx
    ON mv_director_review_transaction_count USING btree (transaction_type);

-- Compliance reports in government review, per status. As in LCFS the status shown is the
-- derived one (v_compliance_report.report_status) while drafts are excluded by the raw id, and a
-- row counts only when it is the newest non-draft version of its group. Statuses with no report
-- have no row.
CREATE MATERIALIZED VIEW mv_compliance_report_count AS
SELECT vcr.report_status::varchar AS status,
       count(*) AS count
  FROM v_compliance_report vcr
 WHERE vcr.report_status_id <> 1
   AND vcr.report_status::varchar IN ('Submitted', 'Recommended_by_analyst',
                                      'Recommended_by_manager', 'Analyst_adjustment')
   AND vcr.version = (SELECT max(cr.version)
                        FROM compliance_report cr
                       WHERE cr.compliance_report_group_uuid::text = vcr.compliance_report_group_uuid::text
                         AND cr.current_status_id <> 1)
 GROUP BY vcr.report_status::varchar
 ORDER BY status DESC;

CREATE UNIQUE INDEX mv_compliance_report_count_idx
    ON mv_compliance_report_count USING btree (status);

-- Per organization, its report groups' newest versions that are in progress (Draft) or awaiting
-- government review; statuses are looked up by label. Drafts count here.
CREATE MATERIALIZED VIEW mv_org_compliance_report_count AS
SELECT cr.organization_id,
       count(*) FILTER (WHERE cr.current_status_id IN (
           SELECT crs.compliance_report_status_id FROM compliance_report_status crs
            WHERE crs.status = 'Draft')) AS count_in_progress,
       count(*) FILTER (WHERE cr.current_status_id IN (
           SELECT crs.compliance_report_status_id FROM compliance_report_status crs
            WHERE crs.status IN ('Submitted', 'Recommended_by_analyst', 'Recommended_by_manager',
                                 'Not_recommended_by_analyst', 'Not_recommended_by_manager',
                                 'Analyst_adjustment'))) AS count_awaiting_gov_review
  FROM compliance_report cr
 WHERE cr.version = (SELECT max(newest.version)
                       FROM compliance_report newest
                      WHERE newest.compliance_report_group_uuid::text = cr.compliance_report_group_uuid::text)
 GROUP BY cr.organization_id
 ORDER BY cr.organization_id;

CREATE UNIQUE INDEX mv_org_compliance_report_count_org_id_idx
    ON mv_org_compliance_report_count USING btree (organization_id);

-- Draft fuel codes (status 1), for the dashboard. Grouped, so there is no row when there are none.
CREATE MATERIALIZED VIEW mv_fuel_code_count AS
SELECT 'Draft'::text AS status,
       count(*) AS count
  FROM fuel_code fc
 WHERE fc.fuel_status_id = 1
 GROUP BY fc.fuel_status_id;

CREATE UNIQUE INDEX mv_fuel_code_count_idx
    ON mv_fuel_code_count USING btree (status);

-- The refresh functions, one per trigger group. The credit ledger is read from the transaction
-- aggregate, so it is refreshed right after it, when it exists.
CREATE FUNCTION refresh_transaction_aggregate() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    REFRESH MATERIALIZED VIEW CONCURRENTLY public.mv_transaction_aggregate;
    IF EXISTS (SELECT 1 FROM pg_matviews
                WHERE schemaname = 'public' AND matviewname = 'mv_credit_ledger') THEN
        REFRESH MATERIALIZED VIEW CONCURRENTLY public.mv_credit_ledger;
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION refresh_mv_transaction_count() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    REFRESH MATERIALIZED VIEW CONCURRENTLY public.mv_transaction_count;
    RETURN NULL;
END;
$$;

CREATE FUNCTION refresh_mv_director_review_transaction_count() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    REFRESH MATERIALIZED VIEW CONCURRENTLY public.mv_director_review_transaction_count;
    RETURN NULL;
END;
$$;

CREATE FUNCTION refresh_mv_compliance_report_count() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    REFRESH MATERIALIZED VIEW CONCURRENTLY public.mv_compliance_report_count;
    RETURN NULL;
END;
$$;

CREATE FUNCTION refresh_mv_org_compliance_report_count() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    REFRESH MATERIALIZED VIEW CONCURRENTLY public.mv_org_compliance_report_count;
    RETURN NULL;
END;
$$;

CREATE FUNCTION refresh_mv_fuel_code_count() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    REFRESH MATERIALIZED VIEW CONCURRENTLY public.mv_fuel_code_count;
    RETURN NULL;
END;
$$;

-- Transaction aggregate and credit ledger: every table whose rows or comments they show.
CREATE TRIGGER refresh_transaction_view_after_transfer
    AFTER INSERT OR UPDATE OR DELETE ON transfer
    FOR EACH STATEMENT EXECUTE FUNCTION refresh_transaction_aggregate();
CREATE TRIGGER refresh_transaction_view_after_transfer_history
    AFTER INSERT OR UPDATE OR DELETE ON transfer_history
    FOR EACH STATEMENT EXECUTE FUNCTION refresh_transaction_aggregate();
CREATE TRIGGER refresh_transaction_view_after_transfer_comment
    AFTER INSERT OR UPDATE OR DELETE ON transfer_comment
    FOR EACH STATEMENT EXECUTE FUNCTION refresh_transaction_aggregate();
CREATE TRIGGER refresh_transaction_view_after_initiative_agreement
    AFTER INSERT OR UPDATE OR DELETE ON initiative_agreement
    FOR EACH STATEMENT EXECUTE FUNCTION refresh_transaction_aggregate();
CREATE TRIGGER refresh_transaction_view_after_initiative_agreement_history
    AFTER INSERT OR UPDATE OR DELETE ON initiative_agreement_history
    FOR EACH STATEMENT EXECUTE FUNCTION refresh_transaction_aggregate();
CREATE TRIGGER refresh_transaction_view_after_admin_adjustment
    AFTER INSERT OR UPDATE OR DELETE ON admin_adjustment
    FOR EACH STATEMENT EXECUTE FUNCTION refresh_transaction_aggregate();
CREATE TRIGGER refresh_transaction_view_after_admin_adjustment_history
    AFTER INSERT OR UPDATE OR DELETE ON admin_adjustment_history
    FOR EACH STATEMENT EXECUTE FUNCTION refresh_transaction_aggregate();
CREATE TRIGGER refresh_transaction_view_after_compliance_report
    AFTER INSERT OR UPDATE OR DELETE ON compliance_report
    FOR EACH STATEMENT EXECUTE FUNCTION refresh_transaction_aggregate();
CREATE TRIGGER refresh_transaction_view_after_transaction
    AFTER INSERT OR UPDATE OR DELETE ON transaction
    FOR EACH STATEMENT EXECUTE FUNCTION refresh_transaction_aggregate();

-- Transactions in progress.
CREATE TRIGGER refresh_mv_transaction_count_after_transfer
    AFTER INSERT OR UPDATE OR DELETE ON transfer
    FOR EACH STATEMENT EXECUTE FUNCTION refresh_mv_transaction_count();
CREATE TRIGGER refresh_mv_transaction_count_after_initiative_agreement
    AFTER INSERT OR UPDATE OR DELETE ON initiative_agreement
    FOR EACH STATEMENT EXECUTE FUNCTION refresh_mv_transaction_count();
CREATE TRIGGER refresh_mv_transaction_count_after_admin_adjustment
    AFTER INSERT OR UPDATE OR DELETE ON admin_adjustment
    FOR EACH STATEMENT EXECUTE FUNCTION refresh_mv_transaction_count();

-- Items waiting for the director.
CREATE TRIGGER refresh_mv_director_review_transaction_count_after_transfer
    AFTER INSERT OR UPDATE OR DELETE ON transfer
    FOR EACH STATEMENT EXECUTE FUNCTION refresh_mv_director_review_transaction_count();
CREATE TRIGGER refresh_mv_director_review_transaction_count_after_cr
    AFTER INSERT OR UPDATE OR DELETE ON compliance_report
    FOR EACH STATEMENT EXECUTE FUNCTION refresh_mv_director_review_transaction_count();
CREATE TRIGGER refresh_mv_director_review_transaction_count_after_ia
    AFTER INSERT OR UPDATE OR DELETE ON initiative_agreement
    FOR EACH STATEMENT EXECUTE FUNCTION refresh_mv_director_review_transaction_count();
CREATE TRIGGER refresh_mv_director_review_transaction_count_after_aa
    AFTER INSERT OR UPDATE OR DELETE ON admin_adjustment
    FOR EACH STATEMENT EXECUTE FUNCTION refresh_mv_director_review_transaction_count();
CREATE TRIGGER refresh_mv_director_review_transaction_count_after_fc
    AFTER INSERT OR UPDATE OR DELETE ON fuel_code
    FOR EACH STATEMENT EXECUTE FUNCTION refresh_mv_director_review_transaction_count();

-- Compliance-report counters and draft fuel codes.
CREATE TRIGGER refresh_mv_compliance_report_count_after_change
    AFTER INSERT OR UPDATE OR DELETE ON compliance_report
    FOR EACH STATEMENT EXECUTE FUNCTION refresh_mv_compliance_report_count();
CREATE TRIGGER refresh_mv_org_compliance_report_count_after_compliance_report
    AFTER INSERT OR UPDATE OR DELETE ON compliance_report
    FOR EACH STATEMENT EXECUTE FUNCTION refresh_mv_org_compliance_report_count();
CREATE TRIGGER refresh_mv_fuel_code_count_after_change
    AFTER INSERT OR UPDATE OR DELETE ON fuel_code
    FOR EACH STATEMENT EXECUTE FUNCTION refresh_mv_fuel_code_count();
