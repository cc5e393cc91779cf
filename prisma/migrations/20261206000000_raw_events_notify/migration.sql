-- Wakes processing workers (LISTEN raw_events) the moment stored webhooks commit, so a worker
-- process reacts in milliseconds instead of at its next poll. One notification per INSERT
-- statement (the ack path groups many webhooks into one), delivered only on commit.
CREATE FUNCTION notify_raw_events_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('raw_events_inserted', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER raw_events_inserted
  AFTER INSERT ON raw_events
  FOR EACH STATEMENT EXECUTE FUNCTION notify_raw_events_inserted();
