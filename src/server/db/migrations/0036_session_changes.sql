-- Every change to what a session resolves to (the session itself, its user, the user's roles) is announced
-- on the channel samspel_sessions, at commit, to every process that listens: the processes that keep
-- resolved sessions in memory (accounts/session-cache.ts) forget them. Per statement, not per row.
CREATE FUNCTION samspel_sessions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('samspel_sessions', TG_TABLE_NAME);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION samspel_sessions_changed();
--> statement-breakpoint
CREATE TRIGGER users_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION samspel_sessions_changed();
--> statement-breakpoint
CREATE TRIGGER role_assignments_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_assignments
  FOR EACH STATEMENT EXECUTE FUNCTION samspel_sessions_changed();
