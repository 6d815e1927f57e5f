-- Per-user session version (issue 9 item 13): a session whose version differs is signed out.
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;
