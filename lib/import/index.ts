// The 12345 batch importer's parsing half (DOMAIN.md §7): file bytes → validated rows, or the
// full list of `line, column, reason`. Writing the rows (one transaction) is the caller's job.
import { readImportFile } from "./read";
import { validateImport, type ImportResult } from "./rows";

export { decodeText, type TextEncodingName } from "./decode";
export { readImportFile, type ImportFile, type ImportFileRow } from "./read";
export {
  IMPORT_CHANNELS,
  IMPORT_COLUMNS,
  titleFromContent,
  validateImport,
  type ImportColumn,
  type ImportError,
  type ImportResult,
  type ImportRow,
  type Satisfaction,
} from "./rows";

/** Reads a .csv or .xlsx file and validates every row. Throws only for an unreadable file. */
export async function parseImportFile(fileName: string, bytes: Uint8Array): Promise<ImportResult> {
  return validateImport(await readImportFile(fileName, bytes));
}
