-- Hand-written: grants and row-level security for the PDPA tables (see 0022), and the one narrow way to redact the audit log.
-- Consents are never deleted by the app (a withdrawal is an update the trigger of 0048 allows once).
GRANT SELECT, INSERT, UPDATE ON privacy_consents TO phakhi_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON privacy_notices TO phakhi_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON privacy_activities TO phakhi_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON privacy_access_log TO phakhi_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON privacy_retention TO phakhi_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON privacy_erasures TO phakhi_app;
--> statement-breakpoint
ALTER TABLE privacy_consents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE privacy_consents FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON privacy_consents USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE privacy_notices ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE privacy_notices FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON privacy_notices USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE privacy_activities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE privacy_activities FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON privacy_activities USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE privacy_access_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE privacy_access_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON privacy_access_log USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE privacy_retention ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE privacy_retention FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON privacy_retention USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE privacy_erasures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE privacy_erasures FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON privacy_erasures USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
-- The audit log stays append-only for the app role (SELECT, INSERT). Erasing a person is the one exception: the values
-- of the person's own party events are replaced (the events, their times and actors stay), and the person's name as a
-- label of other events. Only for the tenant set on the transaction; the function runs as its owner.
CREATE FUNCTION privacy_redact_audit(p_tenant uuid, p_party uuid, p_name text, p_label text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE n integer;
BEGIN
  IF p_tenant IS DISTINCT FROM nullif(current_setting('app.tenant_id', true), '')::uuid THEN
    RAISE EXCEPTION 'privacy_redact_audit: not the tenant of this transaction';
  END IF;
  UPDATE audit_log SET
    entity_label = p_label,
    changes = (
      SELECT coalesce(jsonb_object_agg(e.key, CASE
          WHEN e.key IN ('id', 'kind', 'sector', 'pillar', 'orgType', 'format') THEN e.value
          WHEN jsonb_typeof(e.value->'before') IN ('number', 'boolean', 'null') AND jsonb_typeof(e.value->'after') IN ('number', 'boolean', 'null') THEN e.value
          ELSE jsonb_build_object(
            'before', CASE WHEN e.value->'before' = 'null'::jsonb THEN 'null'::jsonb ELSE to_jsonb(p_label) END,
            'after', CASE WHEN e.value->'after' = 'null'::jsonb THEN 'null'::jsonb ELSE to_jsonb(p_label) END) END), '{}'::jsonb)
      FROM jsonb_each(coalesce(changes, '{}'::jsonb)) AS e)
  WHERE tenant_id = p_tenant AND entity = 'party' AND entity_id = p_party;
  GET DIAGNOSTICS n = ROW_COUNT;
  -- events about the person's records elsewhere (hours, participation, memberships): their free-text values go
  UPDATE audit_log SET
    changes = (
      SELECT coalesce(jsonb_object_agg(e.key, CASE
          WHEN e.key IN ('note', 'description', 'returnReason', 'plot', 'freeSkills', 'village', 'availability', 'substituteName')
            THEN jsonb_build_object(
              'before', CASE WHEN e.value->'before' = 'null'::jsonb THEN 'null'::jsonb ELSE to_jsonb(p_label) END,
              'after', CASE WHEN e.value->'after' = 'null'::jsonb THEN 'null'::jsonb ELSE to_jsonb(p_label) END)
          ELSE e.value END), '{}'::jsonb)
      FROM jsonb_each(changes) AS e)
  WHERE tenant_id = p_tenant AND entity <> 'party' AND changes IS NOT NULL
    AND (changes->'partyId'->>'after' = p_party::text OR changes->'partyId'->>'before' = p_party::text);
  -- other events that carry the name (a membership's label "network: name", a copied name in their values)
  IF length(coalesce(p_name, '')) >= 4 AND position('"' in p_name) = 0 AND position(E'\\' in p_name) = 0 THEN
    UPDATE audit_log SET
      entity_label = replace(entity_label, p_name, p_label),
      changes = replace(changes::text, p_name, p_label)::jsonb
    WHERE tenant_id = p_tenant AND entity <> 'party'
      AND (position(p_name in coalesce(entity_label, '')) > 0 OR position(p_name in coalesce(changes::text, '')) > 0);
  END IF;
  RETURN n;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION privacy_redact_audit(uuid, uuid, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION privacy_redact_audit(uuid, uuid, text, text) TO phakhi_app;
