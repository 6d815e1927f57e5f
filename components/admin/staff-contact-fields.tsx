"use client";

import type { FieldError } from "@/lib/errors";
import { adminInput, Field } from "./ui";

/** How a staff member takes notices about their unit's tickets (a citizen's follow-up). */
export function NoticeBySelect({ errors, defaultValue = "SMS" }: { errors: FieldError[]; defaultValue?: string }) {
  return (
    <Field label="通知方式" field="noticeBy" errors={errors} hint="群众补充等通知发到哪里；选邮件须填写电子邮箱">
      <select name="noticeBy" defaultValue={defaultValue} className={adminInput}>
        <option value="SMS">短信</option>
        <option value="EMAIL">邮件</option>
      </select>
    </Field>
  );
}
