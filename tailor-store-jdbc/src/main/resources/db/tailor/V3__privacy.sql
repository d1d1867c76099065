-- Tailor store schema, version 3: personal-data protection (docs/privacy.md). Same dialect rules as V1.
-- (V2 is the embedding cache, added on another line of work; Flyway applies versions in order either way.)

-- AES-GCM ciphertext of every profile field but the id, when the store encrypts (then age, gender, region,
-- signup_at_ms stay NULL and segments/attributes hold the empty JSON value); NULL in a store that does not.
ALTER TABLE customers ADD COLUMN personal VARCHAR;

-- No index on events (user_id): erasure and the right of access scan the events table instead. Measured on H2
-- (StoreBench, 1M sample-shop events, 2-core sandbox at load ~18): such an index made every import take 1.9x
-- the CPU (53.0 vs 27.8 CPU-s), since events arrive in time order but random user order. Imports happen all
-- day; erasure requests are rare and may take seconds.

-- The way back from a pseudonym to the shop's customer id, filled only when the shop asks for it
-- (pseudonym.keep_identity). Without it nobody, Tailor included, can tell whose rows these are from the
-- database alone.
CREATE TABLE customer_identities (
    pseudonym   VARCHAR(128) NOT NULL PRIMARY KEY,
    customer_id VARCHAR(128) NOT NULL
);

-- How this store protects personal data, fixed when data is first written: the fingerprint of the pseudonym
-- key chain and whether personal fields are encrypted. Opening the store with other settings is refused, so a
-- wrong key or a forgotten key file fails at once instead of finding nobody or writing plaintext.
CREATE TABLE privacy_settings (
    name    VARCHAR(64)  NOT NULL PRIMARY KEY,
    setting VARCHAR(256) NOT NULL
);
