-- Outbox delivery claims one notice at a time (status SENDING is a new enum value: TEXT in SQLite).
ALTER TABLE "Notification" ADD COLUMN "claimedAt" DATETIME;
ALTER TABLE "Notification" ADD COLUMN "nextAttemptAt" DATETIME;

CREATE INDEX "Notification_status_nextAttemptAt_idx" ON "Notification"("status", "nextAttemptAt");
