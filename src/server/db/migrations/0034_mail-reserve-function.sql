-- Reserves one anonymous mail under the caps per recipient and per source (mail/outbox.ts, reserveAnonymousMail),
-- in one call: called outside a transaction it is its own, so the two locks are held only while it runs and
-- commits, never while a client round trip is under way (issue 14, goal 4). Each statement of a PL/pgSQL
-- function takes a new snapshot, so the counts after the locks see what the previous holder committed.
-- The locks are taken source first, then recipient: the order `anonymousMailAllowed` takes them in (it sorts
-- "mail-cap:from:…" before "mail-cap:to:…"), so the two never deadlock.
CREATE OR REPLACE FUNCTION mail_reserve_anonymous(
  p_purpose text, p_source text, p_recipient text,
  p_per_recipient integer, p_per_source integer, p_window_minutes integer
) RETURNS uuid
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_to text := lower(trim(p_recipient));
  v_since timestamptz;
  v_id uuid;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('mail-cap:from:' || p_source));
  PERFORM pg_advisory_xact_lock(hashtext('mail-cap:to:' || v_to));
  v_since := now() - make_interval(mins => p_window_minutes);
  -- Counted only up to the cap (LIMIT): a source's count costs no more than its cap allows.
  IF (SELECT count(*) FROM (SELECT 1 FROM mail_outbox
        WHERE source IS NOT NULL AND lower(recipient) = v_to AND created_at > v_since
        LIMIT p_per_recipient) r) >= p_per_recipient
     OR (SELECT count(*) FROM (SELECT 1 FROM mail_outbox
        WHERE source = p_source AND created_at > v_since LIMIT p_per_source) s) >= p_per_source THEN
    RETURN NULL;
  END IF;
  INSERT INTO mail_outbox (purpose, source, recipient, subject, text, status)
    VALUES (p_purpose, p_source, p_recipient, '', '', 'reserved')
    RETURNING id INTO v_id;
  RETURN v_id;
END;
$$;
