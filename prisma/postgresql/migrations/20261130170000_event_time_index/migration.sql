-- Open311 servicerequestupdates reads every ticket's public steps in a time window.
-- CreateIndex
CREATE INDEX "TicketEvent_createdAt_idx" ON "TicketEvent"("createdAt");
