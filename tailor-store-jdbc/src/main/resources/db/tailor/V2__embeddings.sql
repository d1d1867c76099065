-- Tailor store schema, version 2: the embedding cache. Vectors of item texts keyed by encoder model id (which
-- names the model and its token limit, e.g. all-minilm-l6-v2-q@256) and the SHA-256 of the text, so an item
-- whose text did not change is never encoded again, and items sharing a text share a row. No foreign key to
-- items: a cache entry outlives a text edit (the old text may come back) and costs ~1.5-2 KB.
-- vector is dim float32 values, little-endian (BYTEA: a binary string in both H2 2.x and PostgreSQL).

CREATE TABLE embeddings (
    model_id      VARCHAR(128) NOT NULL,
    text_sha256   CHAR(64)     NOT NULL,
    dim           INTEGER      NOT NULL,
    vector        BYTEA        NOT NULL,
    created_at_ms BIGINT       NOT NULL,
    CONSTRAINT embeddings_pk PRIMARY KEY (model_id, text_sha256),
    CONSTRAINT embeddings_dim CHECK (dim > 0)
);
