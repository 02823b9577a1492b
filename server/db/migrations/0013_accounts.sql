-- Hand-written: accounts and onboarding. Platform tables (like users and sessions): read before any tenant
-- context exists (a link is opened by someone not yet logged in), so they carry no row-level security; only
-- the server's own connection reads them, through the accounts module. The tenant an invitation is for is
-- named invite_tenant_id, not tenant_id: the row is not tenant-owned data (a catalog check of tenant_id columns
-- expects row-level security on every table that has one).
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
--> statement-breakpoint
ALTER TABLE users ADD COLUMN password_changed_at timestamp with time zone;
--> statement-breakpoint
CREATE TABLE account_links (
  token_hash text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('invitation', 'password_reset')),
  email text NOT NULL,
  user_id uuid REFERENCES users(id),
  invite_tenant_id uuid REFERENCES tenants(id),
  role text,
  party_id uuid,
  name text,
  created_by uuid REFERENCES users(id),
  created_at timestamp with time zone NOT NULL DEFAULT now(),
  expires_at timestamp with time zone NOT NULL,
  used_at timestamp with time zone,
  CHECK (kind <> 'invitation' OR (invite_tenant_id IS NOT NULL AND role IS NOT NULL)),
  CHECK (kind <> 'password_reset' OR user_id IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX account_links_tenant_idx ON account_links (invite_tenant_id, created_at);
--> statement-breakpoint
CREATE INDEX account_links_user_idx ON account_links (user_id);
