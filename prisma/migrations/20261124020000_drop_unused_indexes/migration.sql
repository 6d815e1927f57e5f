-- DropIndex
DROP INDEX "Ticket_escalationAt_idx";

-- DropIndex
DROP INDEX "Ticket_supervised_status_idx";

-- DropIndex
DROP INDEX "TicketEvent_type_createdAt_idx";

