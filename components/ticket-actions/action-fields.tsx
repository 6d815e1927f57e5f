import { DateTimeInput } from "@/components/date-time-input";
import { DispatchFields } from "@/components/dispatch-fields";
import { FieldErrors, inputClass } from "@/components/field";
import type { ReplyTemplate } from "@/lib/domain/reply-templates";
import type { Assignees } from "@/lib/dal/assignees";
import type { TicketActionsView, UnitOption } from "@/lib/dal/ticket-actions-view";
import { GRADE_LABELS, SATISFACTION_LABELS } from "@/lib/domain/labels";
import {
  CONTACT_METHOD_LABELS,
  CONTACT_METHODS,
  INVALID_REASON_LABELS,
  INVALID_REASONS,
  type Action,
} from "@/lib/domain/workflow-actions";
import type { FieldError } from "@/lib/errors";
import { AttachmentInput } from "./attachment-input";

// The inputs of each action's form: exactly the fields its zod schema (actionSchemas) reads,
// named as the schema names them. Validation and messages stay on the server.

export type ActionFieldOptions = {
  ownerUnits: UnitOption[];
  assistUnits: UnitOption[];
  assignees: Assignees;
  needsCoordination: boolean;
  maxExtensionWorkingDays: number;
  replyTemplates: ReplyTemplate[];
  dispatch: TicketActionsView["dispatch"];
};

type Props = { action: Action; options: ActionFieldOptions; errors: FieldError[] };

const textareaClass = `${inputClass} min-h-20`;

function Labelled({ label, field, errors, children }: { label: string; field: string; errors: FieldError[]; children: React.ReactNode }) {
  return (
    <label className="block">
      <span className="mb-1 block text-sm font-medium">{label}</span>
      {children}
      <FieldErrors errors={errors} field={field} />
    </label>
  );
}

function TextArea({ name, label, errors, required = true }: { name: string; label: string; errors: FieldError[]; required?: boolean }) {
  return (
    <Labelled label={required ? label : `${label}（选填）`} field={name} errors={errors}>
      <textarea name={name} className={textareaClass} aria-required={required} />
    </Labelled>
  );
}

function UnitSelect({ name, label, units, errors }: { name: string; label: string; units: UnitOption[]; errors: FieldError[] }) {
  return (
    <Labelled label={label} field={name} errors={errors}>
      <select name={name} className={inputClass} defaultValue="">
        <option value="">请选择</option>
        {units.map((u) => (
          <option key={u.code} value={u.code}>
            {u.name}（{u.code}）
          </option>
        ))}
      </select>
    </Labelled>
  );
}

/** A date and a time, in a fieldset: two fields and a calendar button are more than one label can name. */
function DateTime({ name, label, errors }: { name: string; label: string; errors: FieldError[] }) {
  return (
    <fieldset>
      <legend className="mb-1 block text-sm font-medium">{label}</legend>
      <DateTimeInput name={name} />
      <FieldErrors errors={errors} field={name} />
    </fieldset>
  );
}

function Radios({ name, legend, choices, errors }: { name: string; legend: string; choices: [string, string][]; errors: FieldError[] }) {
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-4">
        {choices.map(([value, label]) => (
          <label key={value} className="flex items-center gap-1 text-sm">
            <input type="radio" name={name} value={value} />
            {label}
          </label>
        ))}
      </div>
      <FieldErrors errors={errors} field={name} />
    </fieldset>
  );
}

/** Puts a category's reply template into the reply box, to be adapted (its 【…】 filled in). */
function ReplyTemplatePicker({ templates }: { templates: ReplyTemplate[] }) {
  return (
    <label className="block">
      <span className="mb-1 block text-sm font-medium">答复模板</span>
      <select
        className={inputClass}
        defaultValue=""
        onChange={(e) => {
          const textarea = e.currentTarget.form?.elements.namedItem("text");
          if (textarea instanceof HTMLTextAreaElement && e.currentTarget.value) textarea.value = e.currentTarget.value;
        }}
      >
        <option value="">选择模板（可选，填写【】中的内容）</option>
        {templates.map((t) => (
          <option key={t.name} value={t.text}>
            {t.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ActionFields({ action, options, errors }: Props) {
  switch (action) {
    case "sign":
    case "approveExtension":
      return null;
    case "contact":
      return (
        <>
          <Radios name="method" legend="联系方式" choices={CONTACT_METHODS.map((m) => [m, CONTACT_METHOD_LABELS[m]])} errors={errors} />
          <TextArea name="note" label="联系情况" errors={errors} />
        </>
      );
    case "note":
      return (
        <>
          <TextArea name="text" label="办理记录" errors={errors} />
          <AttachmentInput errors={errors} />
        </>
      );
    case "assistReply":
      return (
        <>
          <TextArea name="text" label="协办反馈" errors={errors} />
          <AttachmentInput errors={errors} />
        </>
      );
    case "assist":
      return (
        <>
          <UnitSelect name="unit" label="协办单位" units={options.assistUnits} errors={errors} />
          <TextArea name="note" label="协办事项" errors={errors} />
          <DateTime name="dueAt" label="协办期限（选填）" errors={errors} />
        </>
      );
    case "return":
      return (
        <>
          <TextArea name="reason" label="退单理由" errors={errors} />
          <UnitSelect name="suggestedUnit" label="建议承办单位" units={options.ownerUnits} errors={errors} />
        </>
      );
    case "approveReturn":
      return <UnitSelect name="unit" label="新承办单位" units={options.ownerUnits} errors={errors} />;
    case "dispatch":
      return options.dispatch ? (
        <DispatchFields units={options.ownerUnits} selectClass={inputClass} errors={errors} {...options.dispatch} />
      ) : (
        <UnitSelect name="unit" label="承办单位" units={options.ownerUnits} errors={errors} />
      );
    case "rejectReturn":
    case "rejectExtension":
      return <TextArea name="reason" label="驳回理由" errors={errors} />;
    case "extend":
      return (
        <>
          <TextArea name="reason" label="延期理由" errors={errors} />
          <Labelled label="延期天数（工作日）" field="workingDays" errors={errors}>
            <select name="workingDays" className={inputClass} defaultValue="">
              <option value="">请选择</option>
              {Array.from({ length: options.maxExtensionWorkingDays }, (_, i) => i + 1).map((d) => (
                <option key={d} value={d}>
                  {d} 个工作日
                </option>
              ))}
            </select>
          </Labelled>
        </>
      );
    case "reply":
      return (
        <>
          {options.replyTemplates.length > 0 && <ReplyTemplatePicker templates={options.replyTemplates} />}
          <TextArea name="text" label="答复内容" errors={errors} />
          <AttachmentInput errors={errors} seenByCitizen />
          {options.needsCoordination && (
            <div className="space-y-3 rounded-lg bg-amber-50 p-3">
              <p className="text-sm text-amber-800">非警务诉求：答复前须记录协调的部门、时间和部门答复。</p>
              <Labelled label="协调部门" field="coordinatedWith" errors={errors}>
                <input name="coordinatedWith" className={inputClass} />
              </Labelled>
              <DateTime name="coordinatedAt" label="协调时间" errors={errors} />
              <TextArea name="coordinationAnswer" label="部门答复" errors={errors} />
            </div>
          )}
        </>
      );
    case "evaluate":
      return (
        <>
          <Radios name="resolved" legend="是否解决" choices={[["true", "是"], ["false", "否"]]} errors={errors} />
          <Radios
            name="satisfaction"
            legend="满意度"
            choices={(["SATISFIED", "BASIC", "UNSATISFIED"] as const).map((s) => [s, SATISFACTION_LABELS[s]])}
            errors={errors}
          />
          <TextArea name="comment" label="评价意见" errors={errors} required={false} />
        </>
      );
    case "supervise":
      return (
        <>
          <TextArea name="note" label="督办要求" errors={errors} />
          <DateTime name="dueAt" label="督办期限（选填）" errors={errors} />
        </>
      );
    case "reopen":
      return <TextArea name="reason" label="重办理由" errors={errors} />;
    case "closeReview":
      return <TextArea name="note" label="办结说明" errors={errors} />;
    case "merge":
      return (
        <Labelled label="主工单编号" field="into" errors={errors}>
          <input name="into" inputMode="numeric" maxLength={14} className={inputClass} placeholder="14 位数字" />
        </Labelled>
      );
    case "invalidate":
      return (
        <>
          <Labelled label="无效原因" field="reason" errors={errors}>
            <select name="reason" className={inputClass} defaultValue="">
              <option value="">请选择</option>
              {INVALID_REASONS.map((r) => (
                <option key={r} value={r}>
                  {INVALID_REASON_LABELS[r]}
                </option>
              ))}
            </select>
          </Labelled>
          <TextArea name="note" label="无效说明" errors={errors} required={false} />
        </>
      );
    case "assign":
      return (
        <>
          <Labelled label="承办民警（选填）" field="handler" errors={errors}>
            <select name="handler" className={inputClass} defaultValue="">
              <option value="">不指定民警</option>
              {options.assignees.officers.map((o) => (
                <option key={o.username} value={o.username}>
                  {o.name}（{o.unitName}）· 在办 {o.openTickets} 件
                </option>
              ))}
            </select>
          </Labelled>
          <Labelled label="承办中队（选填）" field="squadron" errors={errors}>
            <select name="squadron" className={inputClass} defaultValue="">
              <option value="">不指定中队</option>
              {options.assignees.squadrons.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name} · 在办 {s.openTickets} 件
                </option>
              ))}
            </select>
          </Labelled>
        </>
      );
    case "grade":
      return (
        <Labelled label="难度等级" field="grade" errors={errors}>
          <select name="grade" className={inputClass} defaultValue="">
            <option value="">请选择</option>
            {Object.entries(GRADE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Labelled>
      );
  }
}
