-- Reserves anonymous mails to several recipients from one source in one call (mail/outbox.ts,
-- reserveAnonymousMail, which gathers the registrations that arrive from one address while a call is under way):
-- the source's lock once per batch instead of once per mail, each taken lock held only while the call runs and
-- commits. Answers an id per recipient, in order, or null for one over a cap. Each statement of a PL/pgSQL
-- function sees what the earlier ones wrote, so two mails to one recipient in a batch are counted one by one.
-- Locks: the source's first, then the recipients' in one sorted order; every other taker of these locks
-- (`anonymousMailAllowed`) takes the source's and at most one recipient's, so none waits in a circle.
CREATE OR REPLACE FUNCTION mail_reserve_anonymous_many(
  p_purpose text, p_source text, p_recipients text[],
  p_per_recipient integer, p_per_source integer, p_window_minutes integer
) RETURNS uuid[]
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_since timestamptz := now() - make_interval(mins => p_window_minutes);
  v_to text;
  v_recipient text;
  v_from_source integer;
  v_id uuid;
  v_ids uuid[] := '{}';
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('mail-cap:from:' || p_source));
  FOR v_to IN SELECT DISTINCT lower(trim(r)) FROM unnest(p_recipients) r ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(hashtext('mail-cap:to:' || v_to));
  END LOOP;
  -- Counted only up to the cap (LIMIT): a source's count costs no more than its cap allows.
  v_from_source := (SELECT count(*) FROM (SELECT 1 FROM mail_outbox
    WHERE source = p_source AND created_at > v_since LIMIT p_per_source) s);
  FOREACH v_recipient IN ARRAY p_recipients LOOP
    v_id := NULL;
    IF v_from_source < p_per_source AND (SELECT count(*) FROM (SELECT 1 FROM mail_outbox
        WHERE source IS NOT NULL AND lower(recipient) = lower(trim(v_recipient)) AND created_at > v_since
        LIMIT p_per_recipient) r) < p_per_recipient THEN
      INSERT INTO mail_outbox (purpose, source, recipient, subject, text, status)
        VALUES (p_purpose, p_source, v_recipient, '', '', 'reserved')
        RETURNING id INTO v_id;
      v_from_source := v_from_source + 1;
    END IF;
    v_ids := array_append(v_ids, v_id);
  END LOOP;
  RETURN v_ids;
END;
$$;
--> statement-breakpoint
-- Replaced by the function above (a batch of one is the old call).
DROP FUNCTION IF EXISTS mail_reserve_anonymous(text, text, text, integer, integer, integer);
