import "server-only";
import { randomBytes } from "node:crypto";
import { MAX_PHOTO_BYTES, sniffImageType } from "@/lib/domain/image-type";
import {
  displayFileName,
  isPhotoLabel,
  MAX_DOCUMENT_BYTES,
  MAX_STAFF_ATTACHMENTS,
  PHOTO_LABELS,
  sniffDocumentType,
  type PhotoLabel,
} from "@/lib/domain/staff-attachments";
import { Invalid, type FieldError } from "@/lib/errors";
import { reencodePhoto, type ProcessedPhoto } from "@/lib/uploads/photos";

// An officer's attachments to a step, ready for performAction to store with the step's event
// (lib/dal/workflow/perform.ts). Photos are re-encoded like the citizens' (no metadata);
// documents are kept as sent, once their bytes say they are PDF, Word or Excel.

export type StaffAttachment = ProcessedPhoto & { label: PhotoLabel | null; fileName: string };

const FIELD = "attachments";
const fileLabel = (index: number, name: string) => `第 ${index + 1} 个附件（${displayFileName(name)}）`;

/** Count, size and real type of every file and the photos' label; all problems at once. */
export function checkStaffFiles(files: { name: string; bytes: Uint8Array }[], label: unknown): FieldError[] {
  const errors: FieldError[] = [];
  if (files.length > MAX_STAFF_ATTACHMENTS) errors.push({ field: FIELD, message: `每次最多附加 ${MAX_STAFF_ATTACHMENTS} 个文件` });
  files.forEach((file, i) => {
    const name = fileLabel(i, file.name);
    if (sniffImageType(file.bytes)) {
      if (file.bytes.length > MAX_PHOTO_BYTES) errors.push({ field: FIELD, message: `${name}超过 5 MB，请压缩后再上传` });
    } else if (sniffDocumentType(file.bytes)) {
      if (file.bytes.length > MAX_DOCUMENT_BYTES) errors.push({ field: FIELD, message: `${name}超过 10 MB` });
    } else {
      errors.push({ field: FIELD, message: `${name}不是照片（JPEG、PNG、WebP）或文档（PDF、Word .docx、Excel .xlsx）` });
    }
  });
  const hasPhoto = files.some((f) => sniffImageType(f.bytes));
  if (hasPhoto && !isPhotoLabel(label)) {
    errors.push({ field: "attachmentLabel", message: `请选择照片类型：${Object.values(PHOTO_LABELS).join("、")}` });
  }
  return errors;
}

export async function processStaffFiles(files: { name: string; bytes: Uint8Array }[], label: unknown): Promise<StaffAttachment[]> {
  const errors = checkStaffFiles(files, label);
  if (errors.length) throw new Invalid(errors);
  const processed: StaffAttachment[] = [];
  for (const [i, file] of files.entries()) {
    const fileName = displayFileName(file.name);
    if (sniffImageType(file.bytes)) {
      const photo = await reencodePhoto(file.bytes, fileLabel(i, file.name), FIELD);
      processed.push({ ...photo, label: label as PhotoLabel, fileName });
    } else {
      const type = sniffDocumentType(file.bytes)!;
      const bytes = Buffer.from(file.bytes);
      const storedName = `${randomBytes(16).toString("hex")}.${type.ext}`;
      processed.push({ storedName, mimeType: type.mime, size: bytes.length, width: null, height: null, bytes, label: null, fileName });
    }
  }
  return processed;
}
