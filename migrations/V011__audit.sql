-- V011 audit: the audit log and the machinery that fills it.
--
-- Every row written to an audited table leaves one audit_log row: the operation, the first
-- primary-key column's value, the whole old and new rows as jsonb, the changed fields, and the
-- application user taken from the session setting app.username.
--
-- Intentional differences from LCFS (everything LCFS has is still here, with the same names):
--   1. The eight CI-application tables (ci_application*, pathway*) are audited too. LCFS created
--      them after its one call to ensure_audit_triggers, so their changes went unrecorded; their
--      triggers follow the same naming rule as every other audit trigger.
--   2. audit_trigger_func finds the primary key through pg_index by the trigger's own relation,
--      not through information_schema by bare table name: same column (the first key column), but
--      it no longer depends on the caller's privileges or on same-named tables in other schemas,
--      and a table without a primary key fails with an error that names it.
--   3. A key whose text is not valid JSON (a text key such as organization_code 'AB12' in
--      final_supply_equipment_reg_number) is stored in row_id as a JSON string. LCFS fails the
--      write with "invalid input syntax for type json"; every key LCFS can store is stored the
--      same way (integers as numbers, a digit-only code '1234' as the number 1234).
--   4. ensure_audit_triggers also skips this project's migration history table (any table whose
--      name ends in schema_history), as LCFS skips alembic_version.
--   5. The triggers are created after the reference rows are loaded, so a fresh database starts
--      with an empty audit_log (LCFS seeded with its triggers on and kept 1274 rows with no user).

CREATE TABLE audit_log (
    audit_log_id serial,
    table_name   text        NOT NULL,
    operation    text        NOT NULL,
    row_id       jsonb       NOT NULL,
    old_values   jsonb,
    new_values   jsonb,
    delta        jsonb,
    create_date  timestamptz DEFAULT now(),
    update_date  timestamptz DEFAULT now(),
    create_user  varchar,
    update_user  varchar,
    CONSTRAINT pk_audit_log PRIMARY KEY (audit_log_id)
);
COMMENT ON TABLE audit_log IS 'One row per inserted, updated or deleted row of an audited table: old and new values, the changed fields and the application user.';

-- Lookups by time, by user, by operation, and containment searches on the changed fields.
CREATE INDEX idx_audit_log_create_date ON audit_log USING btree (create_date);
CREATE INDEX idx_audit_log_create_user ON audit_log USING btree (create_user);
CREATE INDEX idx_audit_log_delta ON audit_log USING gin (delta);
CREATE INDEX idx_audit_log_operation ON audit_log USING btree (operation);

-- The pairs of new_row that old_row does not hold with the same value: changed and added keys
-- with their new values (a value changed to SQL NULL appears as JSON null); keys only in old_row
-- are left out. NULL, not '{}', when nothing differs, so a no-op update has a NULL delta.
CREATE FUNCTION jsonb_diff(old_row jsonb, new_row jsonb) RETURNS jsonb
LANGUAGE plpgsql
AS $$
DECLARE
    changed jsonb;
BEGIN
    SELECT jsonb_object_agg(d.key, d.value)
      INTO changed
      FROM (SELECT n.key, n.value FROM jsonb_each(new_row) AS n
            EXCEPT
            SELECT o.key, o.value FROM jsonb_each(old_row) AS o) AS d;
    RETURN changed;
END;
$$;

-- The name the audit trigger calls; kept separate from jsonb_diff because LCFS exposes both.
CREATE FUNCTION generate_json_delta(old_row jsonb, new_row jsonb) RETURNS jsonb
LANGUAGE plpgsql
AS $$
BEGIN
    RETURN jsonb_diff(old_row, new_row);
END;
$$;

-- Row-level AFTER trigger body for every audited table. row_id holds only the first primary-key
-- column (composite keys log their leading column), read from NEW, or from OLD on DELETE, and
-- parsed from its text form as JSON. The user is app.username exactly as the session has it:
-- NULL when never set, '' after a RESET, with no fallback.
CREATE FUNCTION audit_trigger_func() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    key_column name;
    key_text   text;
    key_json   jsonb;
    old_json   jsonb;
    new_json   jsonb;
    app_user   text := current_setting('app.username', true);
BEGIN
    SELECT a.attname
      INTO key_column
      FROM pg_index i
      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
     WHERE i.indrelid = TG_RELID
       AND i.indisprimary;
    IF key_column IS NULL THEN
        RAISE EXCEPTION 'audit_trigger_func: table %.% has no primary key to record as row_id',
            TG_TABLE_SCHEMA, TG_TABLE_NAME;
    END IF;

    IF TG_OP = 'DELETE' THEN
        old_json := to_jsonb(OLD);
        EXECUTE format('SELECT ($1).%I::text', key_column) INTO key_text USING OLD;
    ELSE
        IF TG_OP = 'UPDATE' THEN
            old_json := to_jsonb(OLD);
        END IF;
        new_json := to_jsonb(NEW);
        EXECUTE format('SELECT ($1).%I::text', key_column) INTO key_text USING NEW;
    END IF;

    -- Integer keys, the common case, parse without the cost of an exception block.
    IF key_text ~ '^-?(0|[1-9][0-9]*)$' THEN
        key_json := key_text::jsonb;
    ELSE
        BEGIN
            key_json := key_text::jsonb;
        EXCEPTION WHEN invalid_text_representation THEN
            key_json := to_jsonb(key_text);
        END;
    END IF;

    INSERT INTO audit_log (table_name, operation, row_id, old_values, new_values, delta,
                           create_user, update_user)
    VALUES (TG_TABLE_NAME, TG_OP, key_json, old_json, new_json,
            CASE WHEN TG_OP = 'UPDATE' THEN generate_json_delta(old_json, new_json) END,
            app_user, app_user);
    RETURN NULL;
END;
$$;

-- Gives every public table that has no audit trigger yet the standard one, named
-- audit_<table>_insert_update_delete cut to PostgreSQL's 63 characters. Idempotent: a table
-- already calling audit_trigger_func from any trigger, whatever its name, is left alone.
CREATE FUNCTION ensure_audit_triggers() RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    audit_func oid;
    audited    record;
BEGIN
    SELECT p.oid
      INTO audit_func
      FROM pg_proc p
      JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = 'public'
       AND p.proname = 'audit_trigger_func';
    IF audit_func IS NULL THEN
        RETURN;
    END IF;

    FOR audited IN
        SELECT t.tablename
          FROM pg_tables t
         WHERE t.schemaname = 'public'
           AND t.tablename NOT IN ('audit_log', 'alembic_version')
           AND t.tablename NOT LIKE '%schema\_history'
           AND NOT EXISTS (SELECT 1
                             FROM pg_trigger tg
                            WHERE tg.tgrelid = format('public.%I', t.tablename)::regclass
                              AND tg.tgfoid = audit_func
                              AND NOT tg.tgisinternal)
         ORDER BY t.tablename
    LOOP
        EXECUTE format(
            'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON public.%I '
            'FOR EACH ROW EXECUTE FUNCTION public.audit_trigger_func()',
            left('audit_' || audited.tablename || '_insert_update_delete', 63),
            audited.tablename);
    END LOOP;
END;
$$;

-- The audit triggers, one per table, written out rather than left to ensure_audit_triggers so
-- that the set is fixed by this file and its down file can name each one.
CREATE TRIGGER audit_additional_carbon_intensity_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON additional_carbon_intensity FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_admin_adjustment_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON admin_adjustment FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_admin_adjustment_document_association_insert_update_delet AFTER INSERT OR UPDATE OR DELETE ON admin_adjustment_document_association FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_admin_adjustment_history_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON admin_adjustment_history FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_admin_adjustment_internal_comment_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON admin_adjustment_internal_comment FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_admin_adjustment_status_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON admin_adjustment_status FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_allocation_agreement_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON allocation_agreement FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_allocation_transaction_type_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON allocation_transaction_type FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_category_carbon_intensity_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON category_carbon_intensity FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_charging_equipment_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON charging_equipment FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_charging_equipment_intended_use_association_insert_update AFTER INSERT OR UPDATE OR DELETE ON charging_equipment_intended_use_association FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_charging_equipment_intended_user_association_insert_updat AFTER INSERT OR UPDATE OR DELETE ON charging_equipment_intended_user_association FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_charging_equipment_status_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON charging_equipment_status FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_charging_power_output_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON charging_power_output FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_charging_site_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON charging_site FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_charging_site_document_association_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON charging_site_document_association FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_charging_site_status_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON charging_site_status FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_ci_application_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON ci_application FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_ci_application_document_association_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON ci_application_document_association FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_ci_application_history_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON ci_application_history FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_ci_application_internal_comment_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON ci_application_internal_comment FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_ci_application_status_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON ci_application_status FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_compliance_period_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON compliance_period FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_compliance_report_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON compliance_report FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_compliance_report_charging_equipment_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON compliance_report_charging_equipment FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_compliance_report_document_association_insert_update_dele AFTER INSERT OR UPDATE OR DELETE ON compliance_report_document_association FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_compliance_report_history_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON compliance_report_history FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_compliance_report_internal_comment_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON compliance_report_internal_comment FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_compliance_report_organization_snapshot_insert_update_del AFTER INSERT OR UPDATE OR DELETE ON compliance_report_organization_snapshot FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_compliance_report_status_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON compliance_report_status FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_compliance_report_summary_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON compliance_report_summary FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_credit_market_audit_log_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON credit_market_audit_log FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_default_carbon_intensity_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON default_carbon_intensity FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_document_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON document FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_end_use_type_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON end_use_type FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_end_user_type_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON end_user_type FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_energy_density_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON energy_density FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_energy_effectiveness_ratio_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON energy_effectiveness_ratio FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_expected_use_type_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON expected_use_type FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_feedstock_fuel_transport_mode_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON feedstock_fuel_transport_mode FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_final_supply_equipment_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON final_supply_equipment FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_final_supply_equipment_reg_number_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON final_supply_equipment_reg_number FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_final_supply_intended_use_association_insert_update_delet AFTER INSERT OR UPDATE OR DELETE ON final_supply_intended_use_association FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_final_supply_intended_user_association_insert_update_dele AFTER INSERT OR UPDATE OR DELETE ON final_supply_intended_user_association FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_finished_fuel_transport_mode_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON finished_fuel_transport_mode FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_forms_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON forms FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_fuel_category_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON fuel_category FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_fuel_code_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON fuel_code FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_fuel_code_history_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON fuel_code_history FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_fuel_code_prefix_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON fuel_code_prefix FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_fuel_code_status_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON fuel_code_status FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_fuel_export_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON fuel_export FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_fuel_instance_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON fuel_instance FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_fuel_supply_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON fuel_supply FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_fuel_type_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON fuel_type FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_government_notification_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON government_notification FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_initiative_agreement_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON initiative_agreement FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_initiative_agreement_document_association_insert_update_d AFTER INSERT OR UPDATE OR DELETE ON initiative_agreement_document_association FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_initiative_agreement_history_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON initiative_agreement_history FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_initiative_agreement_internal_comment_insert_update_delet AFTER INSERT OR UPDATE OR DELETE ON initiative_agreement_internal_comment FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_initiative_agreement_status_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON initiative_agreement_status FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_internal_comment_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON internal_comment FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_level_of_equipment_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON level_of_equipment FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_location_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON location FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_login_bg_image_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON login_bg_image FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_notification_channel_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON notification_channel FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_notification_channel_subscription_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON notification_channel_subscription FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_notification_message_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON notification_message FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_notification_type_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON notification_type FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_notional_transfer_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON notional_transfer FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_organization_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON organization FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_organization_address_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON organization_address FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_organization_attorney_address_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON organization_attorney_address FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_organization_early_issuance_by_year_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON organization_early_issuance_by_year FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_organization_link_keys_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON organization_link_keys FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_organization_status_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON organization_status FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_organization_type_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON organization_type FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_other_uses_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON other_uses FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_pathway_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON pathway FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_pathway_application_type_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON pathway_application_type FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_pathway_fuel_code_type_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON pathway_fuel_code_type FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_penalty_log_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON penalty_log FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_provision_of_the_act_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON provision_of_the_act FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_report_opening_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON report_opening FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_role_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON role FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_scheduled_tasks_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON scheduled_tasks FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_target_carbon_intensity_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON target_carbon_intensity FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_task_executions_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON task_executions FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_transaction_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON transaction FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_transfer_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON transfer FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_transfer_category_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON transfer_category FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_transfer_comment_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON transfer_comment FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_transfer_history_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON transfer_history FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_transfer_internal_comment_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON transfer_internal_comment FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_transfer_status_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON transfer_status FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_transport_mode_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON transport_mode FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_unit_of_measure_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON unit_of_measure FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_user_login_history_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON user_login_history FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_user_profile_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON user_profile FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
CREATE TRIGGER audit_user_role_insert_update_delete AFTER INSERT OR UPDATE OR DELETE ON user_role FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
