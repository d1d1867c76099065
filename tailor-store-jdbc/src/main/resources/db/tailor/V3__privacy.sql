-- Tailor store schema, version 3: personal-data protection (docs/privacy.md). Same dialect rules as V1.
-- (V2 is the embedding cache, added on another line of work; Flyway applies versions in order either way.)

-- AES-GCM ciphertext of every profile field but the id, when the store encrypts (then age, gender, region,
-- signup_at_ms stay NULL and segments/attributes hold the empty JSON value); NULL in a store that does not.
ALTER TABLE customers ADD COLUMN personal VARCHAR;

-- Erasure and the right of access read and delete one customer's events. Without this index both scan the
-- whole table; with it, inserts of events arriving in time order but random user order touch a second B-tree
-- at random places (the cost discussed at events_key in V1), paid so that an erasure is not a table scan.
CREATE INDEX events_user ON events (user_id);

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
