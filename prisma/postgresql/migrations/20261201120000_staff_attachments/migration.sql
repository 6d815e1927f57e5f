-- Staff attachments (issue 13 item 17): photos and documents tied to the step they were attached to.
-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "eventId" TEXT,
ADD COLUMN     "fileName" TEXT,
ADD COLUMN     "label" TEXT;

-- CreateIndex
CREATE INDEX "Attachment_eventId_idx" ON "Attachment"("eventId");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "TicketEvent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

