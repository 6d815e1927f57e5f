-- SMS gateway (issue 12 item 8): the gateway's message id and its delivery receipt on the notice,
-- and the index the daily cap per phone counts through.
-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "deliveredAt" TIMESTAMP(3),
ADD COLUMN     "deliveryState" TEXT,
ADD COLUMN     "gatewayId" TEXT;

-- CreateIndex
CREATE INDEX "Notification_gatewayId_idx" ON "Notification"("gatewayId");

-- CreateIndex
CREATE INDEX "Notification_recipient_sentAt_idx" ON "Notification"("recipient", "sentAt");

