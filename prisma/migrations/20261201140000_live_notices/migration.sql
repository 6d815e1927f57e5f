-- Issue 13 item 9: in-app notices read up to a moment, tickets opened per user (新 until opened).
ALTER TABLE "User" ADD COLUMN "noticesReadAt" DATETIME;

CREATE TABLE "TicketOpened" (
    "userId" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "openedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "ticketId"),
    CONSTRAINT "TicketOpened_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TicketOpened_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE INDEX "TicketEvent_type_createdAt_idx" ON "TicketEvent"("type", "createdAt");
