-- Rate limits and the sign-in throttle move from process memory into the database, so every app
-- node counts together and a restart forgets nothing (lib/counters/).
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT
);

CREATE INDEX "RateLimit_expire_idx" ON "RateLimit"("expire");

CREATE TABLE "SignInFailure" (
    "address" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "lastFailureAt" DATETIME NOT NULL,

    PRIMARY KEY ("address", "account")
);

CREATE INDEX "SignInFailure_account_idx" ON "SignInFailure"("account");
