-- Staff who choose e-mail for notices about their unit's tickets (issue 12 item 9).
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "email" TEXT,
ADD COLUMN     "noticeBy" TEXT NOT NULL DEFAULT 'SMS';

