-- The tracking link Redress can give again (issue 8): the token sealed (AES-256-GCM under a key
-- derived from the server's secret, which the database never holds) beside its hash, which
-- still verifies it. Complaints registered before this have none (their link cannot be rebuilt);
-- anonymisation wipes it.
alter table complaints add column tracking_token_sealed text;
