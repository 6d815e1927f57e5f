"use client";

import { FieldErrors, inputClass } from "@/components/field";
import { PhotoPicker } from "@/components/photo-picker";
import { MAX_STAFF_ATTACHMENTS, PHOTO_LABELS } from "@/lib/domain/staff-attachments";
import type { FieldError } from "@/lib/errors";

const ACCEPT = "image/jpeg,image/png,image/webp,application/pdf,.docx,.xlsx";

/**
 * Photos and documents for a note, an assistance reply or a reply, through the citizens' picker
 * (thumbnails, 删除 each). The server checks every file's bytes again (lib/uploads/staff-files.ts).
 */
export function AttachmentInput({ errors, seenByCitizen = false }: { errors: FieldError[]; seenByCitizen?: boolean }) {
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-medium">附件（选填）</legend>
      <p className="text-xs text-slate-500">
        照片（JPEG、PNG、WebP，每张不超过 5 MB）或文档（PDF、Word、Excel，每个不超过 10 MB），最多 {MAX_STAFF_ATTACHMENTS} 个。
        {seenByCitizen ? "答复的附件群众可以查看。" : "仅工作人员可见。"}
      </p>
      <PhotoPicker name="attachments" max={MAX_STAFF_ATTACHMENTS} accept={ACCEPT} label="添加照片或文件" files />
      <FieldErrors errors={errors} field="attachments" />
      <label className="block">
        <span className="mb-1 block text-sm font-medium">照片类型</span>
        <select name="attachmentLabel" className={inputClass} defaultValue="SCENE">
          {Object.entries(PHOTO_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <FieldErrors errors={errors} field="attachmentLabel" />
      </label>
    </fieldset>
  );
}
