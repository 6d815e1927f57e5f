-- Staff attachments (issue 13 item 17): photos and documents tied to the step they were attached
-- to. Added columns rather than a redefined table: SQLite accepts a REFERENCES clause on an added
-- column whose default is NULL, and the photos' rows stay where they are.
-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN "eventId" TEXT REFERENCES "TicketEvent" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Attachment" ADD COLUMN "label" TEXT;
ALTER TABLE "Attachment" ADD COLUMN "fileName" TEXT;

-- CreateIndex
CREATE INDEX "Attachment_eventId_idx" ON "Attachment"("eventId");
