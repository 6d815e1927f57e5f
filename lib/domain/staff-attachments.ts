// Staff attachments (issue 13 item 17): the photos (现场, 整改前, 整改后) and documents (PDF, Word,
// Excel) an officer attaches to a step. Documents, like photos (image-type.ts), are recognised by
// their bytes, never by their names or the browser's claim.
import type { Action } from "./workflow-actions";

/** The steps that carry attachments; only a reply's reach the citizen (its event is PUBLIC). */
export const ATTACHABLE_ACTIONS = ["note", "assistReply", "reply"] as const satisfies readonly Action[];

export function takesAttachments(action: Action): boolean {
  return (ATTACHABLE_ACTIONS as readonly Action[]).includes(action);
}

/** What a staff photo shows. */
export const PHOTO_LABELS = { SCENE: "现场", BEFORE: "整改前", AFTER: "整改后" } as const;
export type PhotoLabel = keyof typeof PHOTO_LABELS;

export function isPhotoLabel(value: unknown): value is PhotoLabel {
  return typeof value === "string" && Object.hasOwn(PHOTO_LABELS, value);
}

export const MAX_STAFF_ATTACHMENTS = 5;
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export type DocumentType = {
  mime: "application/pdf" | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  ext: "pdf" | "docx" | "xlsx";
};

const latin1 = new TextDecoder("latin1");

/**
 * PDF by its "%PDF-" header; Word and Excel (OOXML) are ZIP archives, told apart by the part
 * names every such archive carries ([Content_Types].xml and word/… or xl/…; names are stored
 * uncompressed). An old .doc/.xls, a macro file renamed, or anything else is refused.
 */
export function sniffDocumentType(bytes: Uint8Array): DocumentType | null {
  const at = (offset: number, signature: number[]) => signature.every((b, i) => bytes[offset + i] === b);
  if (at(0, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mime: "application/pdf", ext: "pdf" };
  if (!at(0, [0x50, 0x4b, 0x03, 0x04])) return null;
  const text = latin1.decode(bytes);
  if (!text.includes("[Content_Types].xml") || text.includes("vbaProject.bin")) return null;
  if (text.includes("word/document.xml")) return { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ext: "docx" };
  if (text.includes("xl/workbook.xml")) return { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ext: "xlsx" };
  return null;
}

/** A file's name as shown beside its link: no path, no control characters, at most 100 characters. */
export function displayFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (clean || "附件").slice(0, 100);
}
