-- The server's durable state. Written once for SQLite and PostgreSQL alike: only types both
-- know (TEXT, BIGINT), times as Unix milliseconds, JSON as TEXT, and no auto-increment (rows
-- are ordered by time, then id).

-- Every webhook event received: deduplicated by id across restarts and instances.
CREATE TABLE webhook_events (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    account TEXT,
    created BIGINT NOT NULL,
    payload TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    received_by TEXT NOT NULL
);
CREATE INDEX webhook_events_by_arrival ON webhook_events (received_at, id);
CREATE INDEX webhook_events_by_created ON webhook_events (created, received_at);
CREATE INDEX webhook_events_by_account ON webhook_events (account, created);

-- Shared Payment Tokens the server has seen, per account (Stripe cannot list them).
CREATE TABLE known_tokens (
    account TEXT NOT NULL,
    token TEXT NOT NULL,
    seen_at BIGINT NOT NULL,
    PRIMARY KEY (account, token)
);

-- Single-use tickets that open one live event stream, on any instance.
CREATE TABLE stream_tickets (
    ticket TEXT PRIMARY KEY,
    operator TEXT NOT NULL,
    issued_at BIGINT NOT NULL
);

-- Every change made through the server, recorded before Stripe is called and completed with
-- its answer.
CREATE TABLE audit_entries (
    id TEXT PRIMARY KEY,
    at BIGINT NOT NULL,
    operator_id TEXT NOT NULL,
    operator_name TEXT NOT NULL,
    account TEXT NOT NULL,
    object_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    change TEXT NOT NULL,
    idempotency_key TEXT,
    outcome TEXT NOT NULL,
    http_status BIGINT,
    request_id TEXT,
    error_code TEXT,
    error_message TEXT,
    finished_at BIGINT
);
-- A retried request (same operator-scoped key) is the same entry.
CREATE UNIQUE INDEX audit_entries_by_key ON audit_entries (idempotency_key);
CREATE INDEX audit_entries_by_time ON audit_entries (at, id);
CREATE INDEX audit_entries_by_account ON audit_entries (account, at, id);
CREATE INDEX audit_entries_by_object ON audit_entries (object_id, at, id);
