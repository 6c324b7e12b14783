// Migration 2: accounts. Users (name as typed, and the key look-alike names share), sign-in
// sessions and API tokens, both kept only by the SHA-256 digest of their secret. Removing a user
// removes their sessions and tokens. Wrong passwords in a row are counted per name key (known or
// not), so that a lock holds across restarts and app instances.
const accounts = /* sql */ `
CREATE TABLE users (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  key text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE sessions (
  id_digest text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE TABLE api_tokens (
  id bigserial PRIMARY KEY,
  digest text NOT NULL UNIQUE,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  label text NOT NULL,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);
CREATE TABLE sign_in_failures (
  name_key text PRIMARY KEY,
  failures integer NOT NULL,
  locked_until timestamptz
);
`;

export default accounts;
