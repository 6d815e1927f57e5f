-- Issue 13 item 9: in-app notices read up to a moment, tickets opened per user (新 until opened).
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "noticesReadAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "TicketOpened" (
    "userId" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TicketOpened_pkey" PRIMARY KEY ("userId","ticketId")
);

-- CreateIndex
CREATE INDEX "TicketEvent_type_createdAt_idx" ON "TicketEvent"("type", "createdAt");

-- AddForeignKey
ALTER TABLE "TicketOpened" ADD CONSTRAINT "TicketOpened_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketOpened" ADD CONSTRAINT "TicketOpened_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

