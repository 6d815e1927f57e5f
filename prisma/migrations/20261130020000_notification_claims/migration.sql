-- Outbox delivery claims one notice at a time (status SENDING is a new enum value: TEXT in SQLite).
ALTER TABLE "Notification" ADD COLUMN "claimedAt" DATETIME;
ALTER TABLE "Notification" ADD COLUMN "nextAttemptAt" DATETIME;

CREATE INDEX "Notification_status_nextAttemptAt_idx" ON "Notification"("status", "nextAttemptAt");

-- Notices already delivered (or given up) keep no one-time evaluation link: the citizen has it,
-- nobody else should (the outbox now drops it when it settles a notice: settledPayload).
UPDATE "Notification"
SET "payload" = json_set(json_remove("payload", '$.link'), '$.linkSent', json('true'))
WHERE "status" IN ('SENT', 'FAILED') AND json_valid("payload") AND json_extract("payload", '$.link') IS NOT NULL;
