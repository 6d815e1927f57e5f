-- 智能分类派单 (issue 14): the gazetteer of roads and landmarks per district, the classifier's
-- models with their held-out evaluations, and the unit suggested for a PENDING ticket. The
-- Ticket column is added, not the table redefined: redefining it would drop the metric triggers.
-- CreateTable
CREATE TABLE "PlaceName" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "district" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PlaceName_district_fkey" FOREIGN KEY ("district") REFERENCES "District" ("name") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClassifierModel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "trigger" TEXT NOT NULL,
    "trainedFrom" DATETIME,
    "tickets" INTEGER NOT NULL,
    "heldOut" INTEGER NOT NULL,
    "evaluation" TEXT NOT NULL,
    "baseline" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT false,
    "activatedAt" DATETIME,
    "data" BLOB NOT NULL
);

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "suggestedUnitId" TEXT REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex
CREATE UNIQUE INDEX "PlaceName_name_key" ON "PlaceName"("name");

-- CreateIndex
CREATE INDEX "PlaceName_district_idx" ON "PlaceName"("district");

-- CreateIndex
CREATE UNIQUE INDEX "ClassifierModel_version_key" ON "ClassifierModel"("version");

-- CreateIndex
CREATE INDEX "ClassifierModel_active_idx" ON "ClassifierModel"("active");
