-- Webhook signing secrets are encrypted at rest (AES-256-GCM, the endpoint id as associated data).
-- webhook_endpoint.signing_secret now holds base64(nonce | ciphertext | tag) under the key named
-- by signing_secret_key_id. SQL cannot know the key: rows written before this migration keep
-- their plain secret with a null key id until protocol-service encrypts them at start-up
-- (SecretReencryption), which also re-encrypts rows under an older key after a key rotation.
alter table webhook_endpoint add column signing_secret_key_id text;

-- The outbox keeps no copy of the secret: the worker signs with the endpoint's secret when it
-- sends. Dropping the column removes the copies of every pending and past notification.
alter table notification drop column signing_secret;
