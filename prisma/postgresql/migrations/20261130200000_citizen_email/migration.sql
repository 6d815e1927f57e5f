-- E-mail as a contact channel (issue 12 item 3).
-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "citizenEmail" TEXT;
