// Reads a 12345 batch file (.csv or .xlsx) into header + rows of text cells. No validation
// here beyond what only the reader can see (cells beyond the header, an unclosed quote): the
// rules live in rows.ts, so CSV and Excel files are judged identically.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { decodeText, type TextEncodingName } from "./decode";

export interface ImportFileRow {
  /** 1-based line (CSV) or row (Excel) number as the user sees it; the header is line 1. */
  line: number;
  /** Cell text keyed by header name. */
  cells: Record<string, string>;
  /** Structural problems the reader found in this row, as Chinese sentences. */
  problems?: string[];
}

export interface ImportFile {
  header: string[];
  rows: ImportFileRow[];
  encoding?: TextEncodingName;
}

export async function readImportFile(fileName: string, bytes: Uint8Array): Promise<ImportFile> {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension === "csv") return readCsv(bytes);
  if (extension === "xlsx") return readXlsx(bytes);
  if (extension === "xls") {
    throw new Error(`不支持旧版 Excel 文件“${fileName}”（.xls），请在 Excel 中另存为 .xlsx 或 CSV UTF-8 后再导入`);
  }
  throw new Error(`不支持的文件类型“${fileName}”，请上传 .csv 或 .xlsx 文件`);
}

/** Drops empty header cells at the end (Excel often leaves a few formatted, empty columns). */
function trimHeader(cells: string[]): string[] {
  const header = cells.map((c) => c.trim());
  while (header.length > 0 && header[header.length - 1] === "") header.pop();
  return header;
}

/** Maps a row's cells onto the header; extra non-empty cells become a problem, not lost data. */
function toRow(line: number, header: string[], cells: string[], problems: string[]): ImportFileRow | null {
  if (cells.every((c) => c.trim() === "")) return null;
  const record: Record<string, string> = {};
  header.forEach((name, i) => {
    // With a duplicated column name the first one counts; rows.ts reports the duplicate.
    if (name !== "" && !(name in record)) record[name] = cells[i] ?? "";
  });
  const surplus = cells.slice(header.length).filter((c) => c.trim() !== "").length;
  if (surplus > 0) {
    problems.push(`本行比表头多出 ${surplus} 个单元格，常见原因是诉求内容里有英文逗号却没加引号，请用引号括起该内容或改为中文逗号`);
  }
  return { line, cells: record, ...(problems.length > 0 ? { problems } : {}) };
}

function countLineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

function readCsv(bytes: Uint8Array): ImportFile {
  const { text, encoding } = decodeText(bytes);
  let header: string[] | null = null;
  const rows: ImportFileRow[] = [];
  // papaparse reports where each record ends (meta.cursor); a record may span several lines
  // (a quoted cell with line breaks), so its line is the one it starts on.
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter: ",",
    step: (result) => {
      const cells = result.data;
      const problems = result.errors.map((e) =>
        e.code === "MissingQuotes"
          ? "引号没有闭合：本行某个单元格以英文双引号开头但没有结束引号，请检查诉求内容中的引号"
          : `CSV 格式错误：${e.message}`,
      );
      if (header === null) {
        header = trimHeader(cells);
      } else {
        if (cells.length < header.length && cells.some((c) => c.trim() !== "")) {
          problems.push(`本行只有 ${cells.length} 列，表头有 ${header.length} 列，请补齐缺少的逗号`);
        }
        const row = toRow(line, header, cells, problems);
        if (row) rows.push(row);
      }
      line += countLineBreaks(text.slice(start, result.meta.cursor));
      start = result.meta.cursor;
    },
  });
  return { header: header ?? [], rows, encoding };
}

async function readXlsx(bytes: Uint8Array): Promise<ImportFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs hands this to JSZip, which takes an ArrayBuffer; slice() copies out just our bytes.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    throw new Error("无法读取该 Excel 文件，文件可能已损坏或不是 .xlsx 格式，请在 Excel 中另存为 .xlsx 后再导入");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("Excel 文件中没有工作表");

  const cellsOf = (row: ExcelJS.Row) =>
    Array.from({ length: row.cellCount }, (_, i) => cellText(row.getCell(i + 1).value));
  const header = trimHeader(cellsOf(sheet.getRow(1)));
  const rows: ImportFileRow[] = [];
  sheet.eachRow((row) => {
    if (row.number === 1) return;
    const parsed = toRow(row.number, header, cellsOf(row), []);
    if (parsed) rows.push(parsed);
  });
  return { header, rows };
}

/** Excel cell → the text the user sees, so rows.ts parses it like a CSV cell. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return formatExcelDate(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) return cellText(value.result ?? null);
    // Typed as string, but a styled link's text arrives as rich text.
    if ("hyperlink" in value) return cellText(value.text as ExcelJS.CellValue);
    if ("error" in value) return value.error;
  }
  return String(value);
}

/**
 * An Excel date cell stores a zone-less serial number: the wall-clock time the clerk typed.
 * exceljs turns it into a Date by reading that serial as UTC, so the Date's UTC fields are the
 * Shanghai wall-clock fields. Reading them with UTC getters is therefore right; adding the +8 h
 * offset (formatLocalDateTime) or using getHours() (server TZ) would shift every time.
 * Serials are floating point, so round to the second; seconds are kept only when not zero.
 */
function formatExcelDate(date: Date): string {
  const iso = new Date(Math.round(date.getTime() / 1000) * 1000).toISOString();
  const seconds = iso.slice(17, 19);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds === "00" ? "" : `:${seconds}`}`;
}
