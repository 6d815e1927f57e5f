-- API clients (接口客户端, issue 12 item 4): integrations that call the API as themselves, with a
-- channel, an owner unit and scopes, instead of through a staff member's token. A ticket remembers
-- the client that submitted it. The column is added in place (not by rebuilding "Ticket", as
-- Prisma would) so the metric triggers on "Ticket" stay as they are.
-- CreateTable
CREATE TABLE "ApiClient" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApiClient_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "apiClientId" TEXT REFERENCES "ApiClient" ("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex
CREATE UNIQUE INDEX "ApiClient_name_key" ON "ApiClient"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ApiClient_tokenHash_key" ON "ApiClient"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiClient_unitId_idx" ON "ApiClient"("unitId");

-- CreateIndex
CREATE INDEX "Ticket_apiClientId_idx" ON "Ticket"("apiClientId");
