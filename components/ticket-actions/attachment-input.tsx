"use client";

import { useState } from "react";
import { FieldErrors, inputClass } from "@/components/field";
import { MAX_STAFF_ATTACHMENTS, PHOTO_LABELS } from "@/lib/domain/staff-attachments";
import type { FieldError } from "@/lib/errors";

const ACCEPT = "image/jpeg,image/png,image/webp,application/pdf,.docx,.xlsx";

/**
 * Photos and documents for a note, an assistance reply or a reply. The browser's own file input
 * ("Choose Files / No file chosen") is hidden behind a Chinese button; the names chosen are
 * listed. The server checks every file's bytes again (lib/uploads/staff-files.ts).
 */
export function AttachmentInput({ errors, seenByCitizen = false }: { errors: FieldError[]; seenByCitizen?: boolean }) {
  const [names, setNames] = useState<string[]>([]);
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-medium">附件（选填）</legend>
      <p className="text-xs text-slate-500">
        照片（JPEG、PNG、WebP，每张不超过 5 MB）或文档（PDF、Word、Excel，每个不超过 10 MB），最多 {MAX_STAFF_ATTACHMENTS} 个。
        {seenByCitizen ? "答复的附件群众可以查看。" : "仅工作人员可见。"}
      </p>
      <label className="inline-flex cursor-pointer items-center rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm focus-within:ring-2 focus-within:ring-brand-600 hover:border-brand-600">
        添加照片或文件
        <input
          type="file"
          name="attachments"
          multiple
          accept={ACCEPT}
          data-testid="attachment-input"
          className="sr-only"
          onChange={(e) => setNames([...(e.currentTarget.files ?? [])].map((f) => f.name))}
        />
      </label>
      <p className="text-sm text-slate-600" data-testid="attachment-names">
        {names.length === 0 ? "未选择文件" : `已选择 ${names.length} 个：${names.join("、")}`}
      </p>
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
