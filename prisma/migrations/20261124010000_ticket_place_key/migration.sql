-- DropIndex
DROP INDEX "Ticket_categoryCode_place_idx";

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "placeKey" TEXT;

-- CreateIndex
CREATE INDEX "Ticket_categoryCode_placeKey_status_idx" ON "Ticket"("categoryCode", "placeKey", "status");

