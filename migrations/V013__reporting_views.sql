-- V013 reporting views: the compliance-report list the backend reads, and the views behind the
-- Metabase reports (charging equipment, logins, fuels for other uses, notional transfers,
-- duplicate checks).
--
-- Each view is created after every view it reads. Text comparisons and sorts use the database
-- collation, as in LCFS (C.UTF-8 there, so byte order).
--
-- Where LCFS picks one row out of several without saying which (LIMIT 1 or a window ordering with
-- no tie-breaker), these views add a tie-breaker on the row id, so the result no longer depends on
-- physical row order; when there is a single candidate the result is the one LCFS gives.
--
-- Several behaviours below look wrong but are what LCFS does and what its reports show; each is
-- marked "As in LCFS" so nobody tidies it away.

-- The main compliance-report list (the backend's ComplianceReportListView): per report group the
-- latest version, plus the version before it while a supplemental or an analyst adjustment is in
-- progress (latest is Draft or Analyst_adjustment) or after a government reassessment, so the last
-- assessed report stays visible. A Draft supplemental the government initiated shows its
-- predecessor as Supplemental_requested. Reports with a missing status are left out throughout.
-- LCFS also applies a DISTINCT over all columns that can never remove a row; it is left out.
CREATE VIEW v_compliance_report AS
WITH latest_per_group AS (
    SELECT DISTINCT ON (cr.compliance_report_group_uuid)
           cr.compliance_report_group_uuid,
           crs.status                AS latest_status,
           cr.supplemental_initiator AS latest_supplemental_initiator,
           cr.create_date            AS latest_supplemental_create_date
      FROM compliance_report cr
      JOIN compliance_report_status crs ON crs.compliance_report_status_id = cr.current_status_id
     ORDER BY cr.compliance_report_group_uuid, cr.version DESC, cr.compliance_report_id DESC
),
ranked AS (
    SELECT cr.compliance_report_id,
           cr.compliance_report_group_uuid,
           cr.version,
           cr.compliance_period_id,
           cr.organization_id,
           cr.nickname,
           cr.current_status_id,
           crs.status,
           cr.update_date,
           cr.supplemental_initiator,
           cr.reporting_frequency,
           cr.legacy_id,
           cr.transaction_id,
           cr.assessment_statement,
           cr.assigned_analyst_id,
           lg.latest_status,
           lg.latest_supplemental_initiator,
           lg.latest_supplemental_create_date,
           row_number() OVER (PARTITION BY cr.compliance_report_group_uuid
                              ORDER BY cr.version DESC, cr.compliance_report_id DESC) AS version_rank
      FROM compliance_report cr
      JOIN compliance_report_status crs ON crs.compliance_report_status_id = cr.current_status_id
      JOIN latest_per_group lg
        ON lg.compliance_report_group_uuid::text = cr.compliance_report_group_uuid::text
)
SELECT r.compliance_report_id,
       r.compliance_report_group_uuid,
       r.version,
       cp.compliance_period_id,
       cp.description AS compliance_period,
       o.organization_id,
       o.name AS organization_name,
       r.nickname AS report_type,
       r.current_status_id AS report_status_id,
       CASE
           WHEN r.latest_status = 'Draft'
                AND r.version_rank = 2
                AND r.latest_supplemental_initiator = 'GOVERNMENT_INITIATED'
           THEN 'Supplemental_requested'::compliancereportstatusenum
           ELSE r.status
       END AS report_status,
       r.update_date,
       r.supplemental_initiator,
       r.reporting_frequency,
       r.legacy_id,
       r.transaction_id,
       r.assessment_statement,
       r.version_rank = 1 AS is_latest,
       r.latest_supplemental_initiator AS latest_report_supplemental_initiator,
       r.latest_supplemental_create_date,
       r.latest_status,
       r.assigned_analyst_id,
       up.first_name AS assigned_analyst_first_name,
       up.last_name AS assigned_analyst_last_name
  FROM ranked r
  JOIN compliance_period cp ON cp.compliance_period_id = r.compliance_period_id
  JOIN organization o ON o.organization_id = r.organization_id
  LEFT JOIN user_profile up ON up.user_profile_id = r.assigned_analyst_id
 WHERE r.version_rank = 1
    OR (r.version_rank = 2
        AND (r.latest_status IN ('Draft', 'Analyst_adjustment')
             OR r.latest_supplemental_initiator = 'GOVERNMENT_REASSESSMENT'))
 ORDER BY r.compliance_report_group_uuid, r.version DESC;

-- Every status label of the credit-transaction kinds with its timestamps, duplicates removed
-- across the four sources (so one label from two tables with different dates gives two rows).
CREATE VIEW transaction_status_view AS
SELECT ias.status::text AS status, ias.create_date, ias.update_date
  FROM initiative_agreement_status ias
UNION
SELECT aas.status::text, aas.create_date, aas.update_date
  FROM admin_adjustment_status aas
UNION
SELECT ts.status::text, ts.create_date, ts.update_date
  FROM transfer_status ts
UNION
SELECT crs.status::text, crs.create_date, crs.update_date
  FROM compliance_report_status crs
 WHERE crs.status = 'Assessed';

-- Charging equipment (FSE) reporting rows: every version of every piece of equipment, placed at
-- the latest version of its site, with the compliance data recorded for that equipment version.
-- As in LCFS: every equipment version is listed, not only the latest; the site is found through
-- the equipment group's latest row; latitude and longitude are the site's; and the power output
-- is chosen by level and intended users only, because intended uses never narrow the choice.
-- Capacity utilization = kWh / (power x 24 h x days supplied, both ends counted) x 100, rounded.
CREATE VIEW v_fse_reporting_base AS
WITH latest_site_version AS (
    SELECT cs.group_uuid, cs.organization_id, max(cs.version) AS latest_version
      FROM charging_site cs
     GROUP BY cs.group_uuid, cs.organization_id
),
latest_equipment AS (
    SELECT ranked.equipment_group_uuid, ranked.site_group_uuid, ranked.site_version
      FROM (SELECT e.group_uuid AS equipment_group_uuid,
                   lsv.group_uuid AS site_group_uuid,
                   lsv.latest_version AS site_version,
                   row_number() OVER (PARTITION BY e.group_uuid
                                      ORDER BY e.version DESC, e.charging_equipment_id DESC,
                                               lsv.organization_id DESC) AS rn
              FROM charging_equipment e
              JOIN charging_site s ON s.charging_site_id = e.charging_site_id
              JOIN latest_site_version lsv ON lsv.group_uuid::text = s.group_uuid::text) ranked
     WHERE ranked.rn = 1
)
SELECT DISTINCT
       cs.organization_id,
       ce.charging_equipment_id,
       ce.serial_number,
       ce.manufacturer,
       ce.model,
       (cs.site_code::text || '-' || ce.equipment_number::text) AS registration_number,
       cs.site_name,
       cs.charging_site_id,
       ce.notes AS equipment_notes,
       crce.supply_from_date,
       crce.supply_to_date,
       crce.kwh_usage,
       crce.compliance_notes,
       crce.charging_equipment_compliance_id,
       crce.compliance_report_id,
       crce.compliance_report_group_uuid,
       crce.is_active,
       coalesce(crce.charging_equipment_version, ce.version) AS charging_equipment_version,
       cs.street_address,
       cs.city,
       cs.postal_code,
       cs.latitude,
       cs.longitude,
       loe.name AS level_of_equipment,
       ce.level_of_equipment_id,
       ce.ports,
       cs.allocating_organization_name,
       (SELECT array_agg(eut.type ORDER BY eut.type)
          FROM charging_equipment_intended_use_association iua
          JOIN end_use_type eut ON eut.end_use_type_id = iua.end_use_type_id
         WHERE iua.charging_equipment_id = ce.charging_equipment_id) AS intended_uses,
       (SELECT array_agg(usr.type_name ORDER BY usr.type_name)
          FROM charging_equipment_intended_user_association iusa
          JOIN end_user_type usr ON usr.end_user_type_id = iusa.end_user_type_id
         WHERE iusa.charging_equipment_id = ce.charging_equipment_id) AS intended_users,
       power.charger_power_output AS power_output,
       CASE
           WHEN crce.kwh_usage IS NULL
                OR crce.supply_from_date IS NULL
                OR crce.supply_to_date IS NULL
                OR power.charger_power_output IS NULL
                OR power.charger_power_output <= 0
                OR crce.supply_to_date::date < crce.supply_from_date::date
           THEN NULL
           ELSE round(crce.kwh_usage::numeric
                      / (power.charger_power_output * 24
                         * ((crce.supply_to_date::date - crce.supply_from_date::date) + 1))
                      * 100)::integer
       END AS capacity_utilization_percent,
       ces.status AS charging_equipment_status
  FROM charging_equipment ce
  JOIN latest_equipment le ON le.equipment_group_uuid::text = ce.group_uuid::text
  JOIN charging_site cs
    ON cs.group_uuid::text = le.site_group_uuid::text
   AND cs.version = le.site_version
  JOIN level_of_equipment loe ON loe.level_of_equipment_id = ce.level_of_equipment_id
  JOIN charging_equipment_status ces ON ces.charging_equipment_status_id = ce.status_id
  LEFT JOIN compliance_report_charging_equipment crce
    ON crce.charging_equipment_id = ce.charging_equipment_id
   AND crce.charging_equipment_version = ce.version
  LEFT JOIN LATERAL (
        SELECT cpo.charger_power_output
          FROM charging_power_output cpo
          JOIN end_user_type cpo_user ON cpo_user.end_user_type_id = cpo.end_user_type_id
         WHERE cpo.level_of_equipment_id = ce.level_of_equipment_id
           AND cpo_user.type_name IN (SELECT usr.type_name
                                        FROM charging_equipment_intended_user_association iusa
                                        JOIN end_user_type usr
                                          ON usr.end_user_type_id = iusa.end_user_type_id
                                       WHERE iusa.charging_equipment_id = ce.charging_equipment_id)
         ORDER BY cpo.display_order NULLS FIRST, cpo.charging_power_output_id
         LIMIT 1) power ON true;

-- One row per compliance report and equipment group of the report's organization: the compliance
-- data recorded in that report's group when there is some (matched row), otherwise the
-- equipment's best row (active first, then newest version). As in LCFS: matching is by report
-- group, not report id, so every version of a report shows the same data; the columns are filled
-- one by one from the fallback row where the matched row has NULL; drafts are included.
CREATE VIEW v_fse_reporting_base_pref AS
WITH report_context AS (
    SELECT cr.compliance_report_id, cr.organization_id, cr.compliance_report_group_uuid
      FROM compliance_report cr
),
base_rows AS (
    SELECT b.*, ce.group_uuid AS equipment_group_uuid
      FROM v_fse_reporting_base b
      JOIN charging_equipment ce
        ON ce.charging_equipment_id = b.charging_equipment_id
       AND ce.version = b.charging_equipment_version
),
fallback_rows AS (
    SELECT DISTINCT ON (br.organization_id, br.equipment_group_uuid) br.*
      FROM base_rows br
     ORDER BY br.organization_id, br.equipment_group_uuid,
              (br.is_active IS TRUE) DESC, br.charging_equipment_version DESC,
              br.charging_equipment_id DESC, br.charging_equipment_compliance_id DESC
),
matched_rows AS (
    SELECT DISTINCT ON (br.organization_id, br.compliance_report_group_uuid, br.equipment_group_uuid) br.*
      FROM base_rows br
     WHERE br.compliance_report_id IS NOT NULL
     ORDER BY br.organization_id, br.compliance_report_group_uuid, br.equipment_group_uuid,
              (br.is_active IS TRUE) DESC, br.charging_equipment_version DESC,
              br.charging_equipment_id DESC, br.charging_equipment_compliance_id DESC
)
SELECT DISTINCT
       rc.organization_id,
       rc.compliance_report_id,
       rc.compliance_report_group_uuid,
       coalesce(m.charging_equipment_id, f.charging_equipment_id) AS charging_equipment_id,
       coalesce(m.serial_number, f.serial_number) AS serial_number,
       coalesce(m.manufacturer, f.manufacturer) AS manufacturer,
       coalesce(m.model, f.model) AS model,
       coalesce(m.registration_number, f.registration_number) AS registration_number,
       coalesce(m.site_name, f.site_name) AS site_name,
       coalesce(m.charging_site_id, f.charging_site_id) AS charging_site_id,
       coalesce(m.equipment_notes, f.equipment_notes) AS equipment_notes,
       m.supply_from_date,
       m.supply_to_date,
       m.kwh_usage,
       m.compliance_notes,
       m.charging_equipment_compliance_id,
       m.is_active,
       coalesce(m.charging_equipment_version, f.charging_equipment_version) AS charging_equipment_version,
       coalesce(m.street_address, f.street_address) AS street_address,
       coalesce(m.city, f.city) AS city,
       coalesce(m.postal_code, f.postal_code) AS postal_code,
       coalesce(m.latitude, f.latitude) AS latitude,
       coalesce(m.longitude, f.longitude) AS longitude,
       coalesce(m.level_of_equipment, f.level_of_equipment) AS level_of_equipment,
       coalesce(m.level_of_equipment_id, f.level_of_equipment_id) AS level_of_equipment_id,
       coalesce(m.ports, f.ports) AS ports,
       coalesce(m.allocating_organization_name, f.allocating_organization_name) AS allocating_organization_name,
       coalesce(m.intended_uses, f.intended_uses) AS intended_uses,
       coalesce(m.intended_users, f.intended_users) AS intended_users,
       coalesce(m.power_output, f.power_output) AS power_output,
       coalesce(m.capacity_utilization_percent, f.capacity_utilization_percent) AS capacity_utilization_percent,
       coalesce(m.charging_equipment_status, f.charging_equipment_status) AS charging_equipment_status
  FROM report_context rc
  JOIN fallback_rows f ON f.organization_id = rc.organization_id
  LEFT JOIN matched_rows m
    ON m.organization_id = rc.organization_id
   AND m.compliance_report_group_uuid::text = rc.compliance_report_group_uuid::text
   AND m.equipment_group_uuid::text = f.equipment_group_uuid::text;

-- One row per login attempt with the calendar parts the login reports group by, all taken in the
-- session time zone, and the kind of account from the Keycloak user id.
CREATE VIEW vw_user_login_analytics_base AS
SELECT ulh.keycloak_email,
       ulh.keycloak_user_id,
       ulh.is_login_successful,
       ulh.login_error_message,
       ulh.create_date,
       ulh.create_date::date AS login_date,
       date_trunc('week', ulh.create_date::date::timestamptz) AS login_week,
       date_trunc('month', ulh.create_date::date::timestamptz) AS login_month,
       date_trunc('year', ulh.create_date::date::timestamptz) AS login_year,
       EXTRACT(YEAR FROM ulh.create_date) AS year_number,
       EXTRACT(MONTH FROM ulh.create_date) AS month_number,
       EXTRACT(DOW FROM ulh.create_date) AS day_of_week,
       CASE
           WHEN lower(ulh.keycloak_user_id) LIKE '%bceid%' THEN 'BCeID'
           WHEN lower(ulh.keycloak_user_id) LIKE '%idir%' THEN 'IDIR'
           ELSE 'Other'
       END AS user_type,
       lower(ulh.keycloak_user_id) LIKE '%bceid%' AS is_bceid_user,
       lower(ulh.keycloak_user_id) LIKE '%idir%' AS is_idir_user
  FROM user_login_history ulh;

-- BCeID (supplier) logins per day. A login whose success flag is NULL counts in the totals only.
CREATE VIEW vw_bceid_daily_login_summary AS
SELECT la.login_date,
       count(*) FILTER (WHERE la.is_login_successful) AS successful_logins,
       count(DISTINCT la.keycloak_email) FILTER (WHERE la.is_login_successful) AS unique_successful_users,
       count(*) FILTER (WHERE NOT la.is_login_successful) AS failed_logins,
       count(DISTINCT la.keycloak_email) FILTER (WHERE NOT la.is_login_successful) AS unique_failed_users,
       count(*) AS total_login_attempts,
       count(DISTINCT la.keycloak_email) AS total_unique_users,
       round((count(*) FILTER (WHERE la.is_login_successful)::double precision
              / nullif(count(*), 0)::double precision * 100)::numeric, 2) AS success_rate_percent
  FROM vw_user_login_analytics_base la
 WHERE la.is_bceid_user
 GROUP BY la.login_date;

-- Per BCeID user: how often and how successfully they log in, from their per-day figures.
CREATE VIEW vw_bceid_user_statistics AS
WITH daily AS (
    SELECT la.keycloak_email,
           la.login_date,
           count(*) AS logins,
           count(*) FILTER (WHERE la.is_login_successful) AS successful_logins,
           count(*) FILTER (WHERE NOT la.is_login_successful) AS failed_logins
      FROM vw_user_login_analytics_base la
     WHERE la.is_bceid_user
     GROUP BY la.keycloak_email, la.login_date
)
SELECT d.keycloak_email,
       round(avg(d.logins), 2) AS avg_logins_per_day,
       count(DISTINCT d.login_date) AS total_login_days,
       sum(d.logins) AS total_logins,
       sum(d.successful_logins) AS total_successful_logins,
       sum(d.failed_logins) AS total_failed_logins,
       min(d.login_date) AS first_login_date,
       max(d.login_date) AS last_login_date,
       max(d.login_date) - min(d.login_date) + 1 AS days_since_first_login,
       round((count(DISTINCT d.login_date)::double precision
              / nullif(max(d.login_date) - min(d.login_date) + 1, 0)::double precision * 100)::numeric,
             2) AS login_frequency_percent,
       round((sum(d.successful_logins)::double precision
              / nullif(sum(d.logins), 0)::double precision * 100)::numeric, 2) AS user_success_rate_percent
  FROM daily d
 GROUP BY d.keycloak_email;

-- Latest version of each submitted report group, one row per period, group and organization;
-- Draft and Analyst_adjustment are judged on the raw status, report_status is the derived one.
CREATE VIEW vw_compliance_report_analytics_base AS
SELECT ranked.compliance_report_id,
       ranked.compliance_report_group_uuid,
       ranked.version,
       ranked.compliance_period_id,
       ranked.compliance_period,
       ranked.organization_id,
       ranked.organization_name,
       ranked.report_type,
       ranked.report_status_id,
       ranked.report_status,
       ranked.update_date,
       ranked.supplemental_initiator,
       ranked.rn
  FROM (SELECT vcr.compliance_report_id,
               vcr.compliance_report_group_uuid,
               vcr.version,
               vcr.compliance_period_id,
               vcr.compliance_period,
               vcr.organization_id,
               vcr.organization_name,
               vcr.report_type,
               vcr.report_status_id,
               vcr.report_status,
               vcr.update_date,
               vcr.supplemental_initiator,
               row_number() OVER (PARTITION BY vcr.compliance_period, vcr.compliance_report_group_uuid,
                                               vcr.organization_id
                                  ORDER BY vcr.version DESC, vcr.compliance_report_id DESC) AS rn
          FROM v_compliance_report vcr
          JOIN compliance_report_status crs ON crs.compliance_report_status_id = vcr.report_status_id
         WHERE crs.status NOT IN ('Draft', 'Analyst_adjustment')) ranked
 WHERE ranked.rn = 1;

-- The newest version of each report group with its highest version number.
CREATE VIEW vw_compliance_report_chained AS
SELECT cr.compliance_report_group_uuid AS group_uuid,
       max(cr.version) AS max_version
  FROM compliance_report cr
 GROUP BY cr.compliance_report_group_uuid;

-- Electricity allocated to a trading partner, and whether the reporting organization reported
-- charging equipment (FSE) run by a partner of that name. As in LCFS, every allocation row counts
-- (old versions and DELETE rows included) as long as its report is listed and not a draft.
CREATE VIEW vw_electricity_allocation_fse_match AS
WITH electricity_allocations AS (
    SELECT DISTINCT
           vcr.compliance_period,
           vcr.organization_name,
           aa.transaction_partner,
           coalesce(ft.fuel_type, aa.fuel_type_other::text) AS fuel_type_name,
           aa.quantity,
           aa.units
      FROM allocation_agreement aa
      JOIN v_compliance_report vcr
        ON vcr.compliance_report_id = aa.compliance_report_id
       AND vcr.report_status <> 'Draft'
      LEFT JOIN fuel_type ft ON ft.fuel_type_id = aa.fuel_type_id
     WHERE lower(coalesce(ft.fuel_type, aa.fuel_type_other::text)) LIKE '%electricity%'
),
fse_organizations AS (
    SELECT vcr.compliance_period,
           vcr.organization_name AS reporting_organization,
           fse.organization_name AS fse_organization_name,
           count(*) AS equipment_count
      FROM final_supply_equipment fse
      JOIN v_compliance_report vcr
        ON vcr.compliance_report_id = fse.compliance_report_id
       AND vcr.report_status <> 'Draft'
     GROUP BY vcr.compliance_period, vcr.organization_name, fse.organization_name
)
SELECT ea.compliance_period AS "Compliance Year",
       ea.organization_name AS "Reporting Organization",
       ea.transaction_partner AS "Legal Name of Transaction Partner",
       ea.fuel_type_name AS "Fuel Type",
       ea.quantity AS "Quantity",
       ea.units AS "Units",
       fo.fse_organization_name AS "FSE Organization Name",
       coalesce(fo.equipment_count, 0) AS "FSE Equipment Count",
       CASE WHEN fo.fse_organization_name IS NOT NULL THEN 'Matched' ELSE 'Missing FSE Data' END
           AS "FSE Match Status"
  FROM electricity_allocations ea
  LEFT JOIN fse_organizations fo
    ON fo.compliance_period::text = ea.compliance_period::text
   AND fo.reporting_organization::text = ea.organization_name::text
   AND lower(trim(fo.fse_organization_name)) = lower(trim(ea.transaction_partner))
 ORDER BY ea.compliance_period DESC, ea.organization_name, ea.transaction_partner;

-- Metabase FSE listing with friendly column names: the preferred FSE rows of every report group
-- whose latest version is not a draft, with that latest version's report details. As in LCFS,
-- there is no DISTINCT: a group with N report versions lists each equipment row N times.
CREATE VIEW vw_fse_base AS
SELECT cp.compliance_period_id AS "Compliance Period ID",
       cp.description AS "Compliance Year",
       o.organization_id AS "Organization ID",
       o.name AS "Organization",
       o.operating_name AS "Organization Operating Name",
       fse.registration_number AS "Registration Number",
       vcr.compliance_report_id AS "Compliance Report ID",
       vcr.compliance_report_group_uuid AS "Compliance Report Group UUID",
       vcr.version AS "Report Version",
       vcr.report_type AS "Report Type",
       vcr.supplemental_initiator AS "Supplemental Initiator",
       vcr.report_status AS "Report Status",
       fse.site_name AS "Site Name",
       fse.supply_from_date AS "Supply From Date",
       fse.supply_to_date AS "Supply To Date",
       fse.kwh_usage AS "kWh Usage",
       fse.serial_number AS "Serial #",
       fse.manufacturer AS "Manufacturer",
       fse.model AS "Model",
       fse.level_of_equipment AS "Level of Equipment",
       fse.ports AS "Ports",
       coalesce(array_to_string(fse.intended_uses, ', '), '') AS "Intended Use",
       coalesce(array_to_string(fse.intended_users, ', '), '') AS "Intended Users",
       fse.allocating_organization_name AS "Allocating Organization",
       fse.street_address AS "Street Address",
       fse.city AS "City",
       fse.postal_code AS "Postal Code",
       fse.latitude AS "Latitude",
       fse.longitude AS "Longitude",
       fse.power_output AS "Power Output (kW)",
       fse.capacity_utilization_percent AS "Capacity Utilization %",
       fse.charging_equipment_status AS "Charging Equipment Status",
       fse.equipment_notes AS "Equipment Notes",
       fse.compliance_notes AS "Compliance Notes"
  FROM v_fse_reporting_base_pref fse
  JOIN v_compliance_report vcr
    ON vcr.compliance_report_group_uuid::text = fse.compliance_report_group_uuid::text
   AND vcr.is_latest
  JOIN organization o ON o.organization_id = vcr.organization_id
  JOIN compliance_period cp ON cp.compliance_period_id = vcr.compliance_period_id
 WHERE vcr.report_status <> 'Draft'
 ORDER BY cp.description DESC, o.name, fse.supply_from_date, fse.serial_number;

-- Legacy FSE rows (final_supply_equipment) reported by more than one organization in the same
-- year, by full address and by operating-organization name. As in LCFS, the raw values are part
-- of each group's key, so spellings that differ only in case or spaces stay apart.
CREATE VIEW vw_fse_duplicate_check AS
WITH base AS (
    SELECT fse.street_address,
           fse.city,
           fse.postal_code,
           fse.organization_name,
           lower(trim(fse.organization_name)) AS normalized_organization_name,
           lower(trim(fse.street_address)) || ', ' || lower(trim(fse.city)) || ', '
               || lower(trim(fse.postal_code)) AS normalized_full_address,
           vcr.compliance_period AS compliance_year,
           o.organization_code,
           vcr.compliance_report_id
      FROM final_supply_equipment fse
      JOIN v_compliance_report vcr
        ON vcr.compliance_report_id = fse.compliance_report_id
       AND vcr.report_status <> 'Draft'
      JOIN organization o ON o.organization_id = vcr.organization_id
      JOIN compliance_period cp ON cp.compliance_period_id = vcr.compliance_period_id
),
address_duplicates AS (
    SELECT b.street_address, b.city, b.postal_code, b.compliance_year,
           count(DISTINCT b.compliance_report_id) AS report_count,
           string_agg(DISTINCT b.compliance_report_id::text, ', ' ORDER BY b.compliance_report_id::text) AS report_ids,
           string_agg(DISTINCT b.organization_code::text, ', ' ORDER BY b.organization_code::text) AS organization_codes
      FROM base b
     GROUP BY b.street_address, b.city, b.postal_code, b.normalized_full_address, b.compliance_year
    HAVING count(DISTINCT b.organization_code) > 1
),
name_duplicates AS (
    SELECT b.organization_name, b.compliance_year,
           count(DISTINCT b.compliance_report_id) AS report_count,
           string_agg(DISTINCT b.compliance_report_id::text, ', ' ORDER BY b.compliance_report_id::text) AS report_ids,
           string_agg(DISTINCT b.organization_code::text, ', ' ORDER BY b.organization_code::text) AS organization_codes
      FROM base b
     GROUP BY b.organization_name, b.normalized_organization_name, b.compliance_year
    HAVING count(DISTINCT b.organization_code) > 1
)
SELECT 'Full Address Duplicate' AS "Issue Type",
       concat(ad.street_address, ', ', ad.city, ', ', ad.postal_code) AS "Duplicate Value",
       ad.compliance_year AS "Year",
       ad.report_count AS "Number of Compliance Reports",
       ad.report_ids AS "Compliance Report IDs",
       ad.organization_codes AS "Organization Codes"
  FROM address_duplicates ad
UNION ALL
SELECT 'Organization Name Duplicate',
       nd.organization_name,
       nd.compliance_year,
       nd.report_count,
       nd.report_ids,
       nd.organization_codes
  FROM name_duplicates nd
 ORDER BY "Year" DESC, "Issue Type", "Number of Compliance Reports" DESC;

-- Fuels supplied for other uses (schedule C), newest version of each item, from non-draft
-- reports. As in LCFS: an item whose newest version is a DELETE, or belongs to a draft, is not
-- shown (no fallback to an older version); rows without a provision of the act are dropped;
-- version is the report's; a missing fuel code shows as '' (prefix and suffix run together).
CREATE VIEW vw_fuels_other_use_base AS
WITH latest_other_uses AS (
    SELECT ou.*
      FROM other_uses ou
      JOIN (SELECT group_uuid, max(version) AS max_version
              FROM other_uses
             GROUP BY group_uuid) newest
        ON newest.group_uuid::text = ou.group_uuid::text
       AND newest.max_version = ou.version
     WHERE ou.action_type <> 'DELETE'
)
SELECT ou.other_uses_id,
       ou.compliance_report_id,
       ft.fuel_type,
       fc.category,
       ou.ci_of_fuel,
       coalesce(fcp.prefix, '') || coalesce(fcode.fuel_suffix, '') AS fuel_code,
       ou.quantity_supplied,
       ou.units,
       eut.name AS expected_use,
       coalesce(ou.rationale, 'N/A') AS rationale,
       cp.description AS compliance_period,
       o.name AS organization_name,
       crs.status::text AS status,
       cr.version,
       pota.description AS provision_of_the_act,
       ou.create_date,
       ou.update_date,
       ou.create_user,
       ou.update_user,
       cr.compliance_period_id,
       cr.organization_id,
       cr.current_status_id
  FROM latest_other_uses ou
  JOIN compliance_report cr ON cr.compliance_report_id = ou.compliance_report_id
  JOIN fuel_type ft ON ft.fuel_type_id = ou.fuel_type_id
  JOIN fuel_category fc ON fc.fuel_category_id = ou.fuel_category_id
  JOIN expected_use_type eut ON eut.expected_use_type_id = ou.expected_use_id
  JOIN provision_of_the_act pota ON pota.provision_of_the_act_id = ou.provision_of_the_act_id
  LEFT JOIN fuel_code fcode ON fcode.fuel_code_id = ou.fuel_code_id
  LEFT JOIN fuel_code_prefix fcp ON fcp.fuel_code_prefix_id = fcode.prefix_id
  JOIN compliance_period cp ON cp.compliance_period_id = cr.compliance_period_id
  JOIN organization o ON o.organization_id = cr.organization_id
  JOIN compliance_report_status crs ON crs.compliance_report_status_id = cr.current_status_id
 WHERE crs.status <> 'Draft'
 ORDER BY cp.description DESC, o.name, ft.fuel_type, fc.category;

-- Failed logins with an error message, by year, message and kind of account. As in LCFS, the
-- monthly average is taken over rows, not months: a month with k failures weighs k times.
CREATE VIEW vw_login_failures_analysis AS
WITH failures AS (
    SELECT la.year_number,
           la.login_error_message,
           la.user_type,
           la.keycloak_email,
           la.login_date,
           count(*) OVER (PARTITION BY la.year_number, la.login_month, la.login_error_message,
                                       la.user_type) AS monthly_failures
      FROM vw_user_login_analytics_base la
     WHERE la.is_login_successful = false
       AND la.login_error_message IS NOT NULL
)
SELECT f.year_number,
       f.login_error_message,
       f.user_type,
       count(*) AS total_failures,
       count(DISTINCT f.keycloak_email) AS unique_users_with_failures,
       count(DISTINCT f.login_date) AS days_with_failures,
       round(avg(f.monthly_failures), 2) AS avg_failures_per_month,
       max(f.monthly_failures) AS max_failures_in_month,
       min(f.monthly_failures) AS min_failures_in_month
  FROM failures f
 GROUP BY f.year_number, f.login_error_message, f.user_type;

-- Notional transfers (schedule B) of non-draft reports: per report group, trading partner, fuel
-- category and direction, the row of the newest report version. As in LCFS there is no
-- action_type filter, so a DELETE row can be the one shown. Quantity is the sum of the quarterly
-- figures when any is given (missing quarters as 0), otherwise the annual quantity.
CREATE VIEW vw_notional_transfer_base AS
WITH ranked AS (
    SELECT nt.notional_transfer_id,
           nt.compliance_report_id,
           nt.legal_name,
           nt.address_for_service,
           nt.fuel_category_id,
           nt.received_or_transferred,
           nt.quantity,
           nt.q1_quantity,
           nt.q2_quantity,
           nt.q3_quantity,
           nt.q4_quantity,
           nt.create_date,
           nt.update_date,
           nt.create_user,
           nt.update_user,
           row_number() OVER (PARTITION BY cr.compliance_report_group_uuid, nt.legal_name,
                                           nt.fuel_category_id, nt.received_or_transferred
                              ORDER BY cr.version DESC, nt.version DESC,
                                       nt.notional_transfer_id DESC) AS rn
      FROM notional_transfer nt
      JOIN compliance_report cr ON cr.compliance_report_id = nt.compliance_report_id
      JOIN compliance_report_status crs ON crs.compliance_report_status_id = cr.current_status_id
     WHERE crs.status <> 'Draft'
),
latest AS (
    SELECT r.*,
           CASE
               WHEN r.q1_quantity IS NOT NULL OR r.q2_quantity IS NOT NULL
                    OR r.q3_quantity IS NOT NULL OR r.q4_quantity IS NOT NULL
               THEN coalesce(r.q1_quantity, 0) + coalesce(r.q2_quantity, 0)
                    + coalesce(r.q3_quantity, 0) + coalesce(r.q4_quantity, 0)
               ELSE r.quantity
           END AS total_quantity
      FROM ranked r
     WHERE r.rn = 1
)
SELECT l.notional_transfer_id,
       l.compliance_report_id,
       l.legal_name AS "Legal Name of Trading Partner",
       l.address_for_service AS "Address for Service",
       fc.category AS "Fuel Category",
       l.received_or_transferred::text AS "Received or Transferred",
       l.total_quantity AS "Quantity",
       l.quantity AS annual_quantity,
       l.q1_quantity AS "Q1 Quantity",
       l.q2_quantity AS "Q2 Quantity",
       l.q3_quantity AS "Q3 Quantity",
       l.q4_quantity AS "Q4 Quantity",
       cp.description AS "Compliance Period",
       o.name AS "Organization Name",
       crs.status::text AS "Report Status",
       cr.version AS "Report Version",
       l.create_date,
       l.update_date,
       l.create_user,
       l.update_user,
       cr.compliance_period_id,
       cr.organization_id,
       cr.current_status_id
  FROM latest l
  JOIN compliance_report cr ON cr.compliance_report_id = l.compliance_report_id
  JOIN fuel_category fc ON fc.fuel_category_id = l.fuel_category_id
  JOIN compliance_period cp ON cp.compliance_period_id = cr.compliance_period_id
  JOIN organization o ON o.organization_id = cr.organization_id
  JOIN compliance_report_status crs ON crs.compliance_report_status_id = cr.current_status_id
 ORDER BY cp.description DESC, o.name, l.legal_name, fc.category;

-- Reports waiting for government review and how long they have been in their status: the most
-- recent non-draft history entry per report group, for reports not yet decided. days_in_status
-- is measured from now(), so it changes with the time of the query.
CREATE VIEW vw_reports_waiting_review AS
WITH latest_history AS (
    SELECT ranked.compliance_report_id, ranked.status_since
      FROM (SELECT ab.compliance_report_id,
                   h.create_date AS status_since,
                   row_number() OVER (PARTITION BY ab.compliance_report_group_uuid
                                      ORDER BY h.create_date DESC,
                                               h.compliance_report_history_id DESC) AS rn
              FROM vw_compliance_report_analytics_base ab
              JOIN compliance_report_history h
                ON h.compliance_report_id = ab.compliance_report_id
               AND h.status_id <> 1) ranked
     WHERE ranked.rn = 1
)
SELECT cp.description AS "Compliance Period",
       o.name AS organization,
       ab.compliance_report_id,
       crs.status,
       date_part('epoch', now() - lh.status_since) / 86400 AS days_in_status
  FROM latest_history lh
  JOIN vw_compliance_report_analytics_base ab ON ab.compliance_report_id = lh.compliance_report_id
  JOIN compliance_report_status crs ON crs.compliance_report_status_id = ab.report_status_id
  JOIN compliance_period cp ON cp.compliance_period_id = ab.compliance_period_id
  JOIN organization o ON o.organization_id = ab.organization_id
 WHERE crs.status::text NOT IN ('Assessed', 'Exempted', 'Rejected',
                                'Not_recommended_by_analyst', 'Not_recommended_by_manager')
 ORDER BY days_in_status DESC NULLS LAST;

-- Credit transactions as they stand, released reservations left out (and, by the comparison, any
-- transaction without an action).
CREATE VIEW vw_transaction_base AS
SELECT t.transaction_id,
       t.compliance_units,
       t.organization_id,
       t.transaction_action,
       t.create_date,
       t.update_date,
       t.create_user,
       t.update_user,
       t.effective_date,
       t.effective_status,
       t.expiration_date
  FROM transaction t
 WHERE t.transaction_action <> 'Released';

-- Recorded transfers with a price, for the credit-market reports. The effective date is the
-- Vancouver calendar date: of the transfer's effective date read as UTC, or else of the Recorded
-- history row's update_date. As in LCFS, each Recorded history row gives its own row, and zero or
-- missing prices are left out. LCFS also left-joins the transfer's two transactions by key without
-- reading them; such joins cannot change the rows, so they are not repeated here.
CREATE VIEW vw_transfer_base AS
SELECT t.transfer_id,
       ts.status,
       CASE
           WHEN t.transaction_effective_date IS NOT NULL
           THEN (t.transaction_effective_date AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver')::date
           ELSE (th.update_date AT TIME ZONE 'America/Vancouver')::date
       END AS calculated_effective_date,
       org_from.name AS from_organization,
       org_to.name AS to_organization,
       t.price_per_unit,
       t.quantity,
       t.price_per_unit::double precision * t.quantity::double precision AS transfer_value,
       tc.category::text AS transfer_category
  FROM transfer t
  JOIN transfer_status ts ON ts.transfer_status_id = t.current_status_id
  LEFT JOIN organization org_from ON org_from.organization_id = t.from_organization_id
  LEFT JOIN organization org_to ON org_to.organization_id = t.to_organization_id
  LEFT JOIN transfer_history th
    ON th.transfer_id = t.transfer_id
   AND th.transfer_status_id = 6
  LEFT JOIN transfer_category tc ON tc.transfer_category_id = t.transfer_category_id
 WHERE t.price_per_unit <> 0
   AND ts.status = 'Recorded';

-- Allocation agreements (schedule A) whose partner address or partner name appears under more
-- than one organization in the same year, from the newest non-deleted version of each agreement
-- in non-draft reports. As in LCFS, the raw value is part of each group's key, so spellings that
-- differ only in case or spaces stay apart.
CREATE VIEW vw_allocation_agreement_duplicate_check AS
WITH latest_agreements AS (
    SELECT DISTINCT ON (aa.group_uuid) aa.*
      FROM allocation_agreement aa
     WHERE aa.action_type <> 'DELETE'
     ORDER BY aa.group_uuid, aa.version DESC, aa.allocation_agreement_id DESC
),
base AS (
    SELECT aa.postal_address,
           lower(trim(aa.postal_address)) AS normalized_address,
           aa.transaction_partner,
           lower(trim(aa.transaction_partner)) AS normalized_partner,
           cp.description AS compliance_year,
           o.organization_code,
           vcr.compliance_report_id
      FROM latest_agreements aa
      JOIN v_compliance_report vcr
        ON vcr.compliance_report_id = aa.compliance_report_id
       AND vcr.report_status <> 'Draft'
      JOIN organization o ON o.organization_id = vcr.organization_id
      JOIN compliance_period cp ON cp.compliance_period_id = vcr.compliance_period_id
),
address_duplicates AS (
    SELECT b.postal_address, b.compliance_year,
           count(DISTINCT b.compliance_report_id) AS report_count,
           string_agg(DISTINCT b.compliance_report_id::text, ', ' ORDER BY b.compliance_report_id::text) AS report_ids,
           string_agg(DISTINCT b.organization_code::text, ', ' ORDER BY b.organization_code::text) AS organization_codes
      FROM base b
     GROUP BY b.postal_address, b.normalized_address, b.compliance_year
    HAVING count(DISTINCT b.organization_code) > 1
),
name_duplicates AS (
    SELECT b.transaction_partner, b.compliance_year,
           count(DISTINCT b.compliance_report_id) AS report_count,
           string_agg(DISTINCT b.compliance_report_id::text, ', ' ORDER BY b.compliance_report_id::text) AS report_ids,
           string_agg(DISTINCT b.organization_code::text, ', ' ORDER BY b.organization_code::text) AS organization_codes
      FROM base b
     GROUP BY b.transaction_partner, b.normalized_partner, b.compliance_year
    HAVING count(DISTINCT b.organization_code) > 1
)
SELECT 'Address Duplicate' AS "Issue Type",
       ad.postal_address AS "Duplicate Value",
       ad.compliance_year AS "Year",
       ad.report_count AS "Number of Compliance Reports",
       ad.report_ids AS "Compliance Report IDs",
       ad.organization_codes AS "Organization Codes"
  FROM address_duplicates ad
UNION ALL
SELECT 'Allocator Name Duplicate',
       nd.transaction_partner,
       nd.compliance_year,
       nd.report_count,
       nd.report_ids,
       nd.organization_codes
  FROM name_duplicates nd
 ORDER BY "Year" DESC, "Issue Type", "Number of Compliance Reports" DESC;
