-- District boundaries (GeoJSON) route a report by its map point (issue 12 item 5).
-- AlterTable
ALTER TABLE "District" ADD COLUMN "boundary" TEXT;
