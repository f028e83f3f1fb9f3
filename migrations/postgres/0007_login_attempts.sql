-- Login throttling as a log of guesses: one row per password or code guess, written before the guess is
-- checked and in the same transaction as the count that allows it, so that at most N guesses per key fall
-- in any window however many requests run at once (see IdentityService::login). Replaces the counter in
-- login_throttle, which was read outside the transaction that wrote it.
DROP TABLE login_throttle;

CREATE TABLE login_attempts (
    id BIGSERIAL PRIMARY KEY,
    key TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX login_attempts_key ON login_attempts (key, at);
CREATE INDEX login_attempts_at ON login_attempts (at);
