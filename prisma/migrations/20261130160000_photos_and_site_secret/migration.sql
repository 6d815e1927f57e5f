-- Photos move from DATA_DIR/uploads into the database, in a table of their own so that listing a
-- ticket's attachments never loads their bytes; files of older versions are moved in on start
-- (scripts/prepare-db.ts). The session secret, when not configured, is kept here too, so every
-- app node signs and accepts the same sessions.
-- CreateTable
CREATE TABLE "AttachmentContent" (
    "attachmentId" TEXT NOT NULL PRIMARY KEY,
    "bytes" BLOB NOT NULL,
    CONSTRAINT "AttachmentContent_attachmentId_fkey" FOREIGN KEY ("attachmentId") REFERENCES "Attachment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SiteSecret" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

