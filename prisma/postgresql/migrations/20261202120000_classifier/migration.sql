-- 智能分类派单 (issue 14): gazetteer, classifier models, suggested unit of a PENDING ticket.
-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "suggestedUnitId" TEXT;

-- CreateTable
CREATE TABLE "PlaceName" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "district" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlaceName_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClassifierModel" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "trigger" TEXT NOT NULL,
    "trainedFrom" TIMESTAMP(3),
    "tickets" INTEGER NOT NULL,
    "heldOut" INTEGER NOT NULL,
    "evaluation" TEXT NOT NULL,
    "baseline" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT false,
    "activatedAt" TIMESTAMP(3),
    "data" BYTEA NOT NULL,

    CONSTRAINT "ClassifierModel_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PlaceName_name_key" ON "PlaceName"("name");

-- CreateIndex
CREATE INDEX "PlaceName_district_idx" ON "PlaceName"("district");

-- CreateIndex
CREATE UNIQUE INDEX "ClassifierModel_version_key" ON "ClassifierModel"("version");

-- CreateIndex
CREATE INDEX "ClassifierModel_active_idx" ON "ClassifierModel"("active");

-- AddForeignKey
ALTER TABLE "PlaceName" ADD CONSTRAINT "PlaceName_district_fkey" FOREIGN KEY ("district") REFERENCES "District"("name") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_suggestedUnitId_fkey" FOREIGN KEY ("suggestedUnitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;
