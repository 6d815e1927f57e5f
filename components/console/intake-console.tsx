"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { classifyCall, findDuplicateCalls, logCall, lookUpCaller, takeCall } from "@/app/(staff)/console/actions";
import { FieldErrors } from "@/components/field";
import { StatusBadge } from "@/components/status-badge";
import { useAnswerToWords } from "@/components/use-answer-to-words";
import type { TicketListItem } from "@/lib/dal/ticket-view";
import { CALL_OUTCOME_LABELS, CALL_OUTCOMES, type CallOutcome } from "@/lib/domain/calls";
import { CATEGORY_LABELS, TICKET_TYPES, TYPE_LABELS, type CategoryCode } from "@/lib/domain/labels";
import { MAX_CONTENT_CHARS } from "@/lib/domain/ticket-text";
import type { FieldError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { CallClock } from "./call-clock";
import { KnowledgePanel } from "./knowledge-panel";
import { SmartAdvice } from "./smart-advice";

type Category = { code: string; name: string; example: string };
type Suggestion = { no: string; reasonText: string; ticket: TicketListItem };
type Saved = { kind: "ticket"; no: string; mergedInto: string | null; unitName: string | null } | { kind: "call"; outcome: CallOutcome };

/** The lines a call comes in on (lib/domain/calls.ts), and WeChat, whose messages only become tickets. */
const CHANNELS = [
  { value: "PHONE_12123", label: "12123 语音" },
  { value: "HOTLINE_12345", label: "12345 转接" },
  { value: "PHONE", label: "来电" },
  { value: "WECHAT", label: "微信（仅转工单）" },
];

/** Fewer characters say too little to classify. */
const MIN_CLASSIFY_CHARS = 6;

const input = "w-full rounded-md border border-slate-300 px-2.5 py-2 focus:border-brand-600 focus:outline-none";

/**
 * Keyboard-first: the phone field has focus, Tab walks the form, Ctrl+Enter submits. Every call
 * is recorded (话务记录): turned into a ticket, or answered on the spot from the knowledge base,
 * transferred, or marked invalid. The call's clock starts at the agent's first keystroke.
 */
export function IntakeConsole({ categories, districts }: { categories: Category[]; districts: string[] }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [formKey, setFormKey] = useState(0);
  const [call, setCall] = useState({ phone: "", category: "", place: "" });
  // The classifier fills the category in until the agent picks one; then it only hints.
  const [categoryByHand, setCategoryByHand] = useState(false);
  const [words, setWords] = useState({ title: "", content: "" });
  const [district, setDistrict] = useState("");
  const typed = `${words.title}${words.content}${call.place}`.replace(/\s/g, "").length;
  const advice = useAnswerToWords({ ...words, place: call.place, district }, typed >= MIN_CLASSIFY_CHARS, classifyCall, (answer) => {
    if (!categoryByHand) setCall((c) => ({ ...c, category: answer.category.code }));
  });
  // The history of the number it was looked up for: shown only while that is still the number
  // typed, so the previous caller's tickets never stay on screen for the next one.
  const [history, setHistory] = useState<{ phone: string; items: TicketListItem[] }>({ phone: "", items: [] });
  const callerHistory = history.phone === call.phone ? history.items : [];
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [outcome, setOutcome] = useState<CallOutcome>("TICKET");
  const [channel, setChannel] = useState("PHONE_12123");
  const [startedAt, setStartedAt] = useState<Date | null>(null);
  const [answer, setAnswer] = useState({ note: "", knowledgeId: "" });
  const ticket = outcome === "TICKET";
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    if (!/^1\d{10}$/.test(call.phone)) return;
    let current = true;
    const phone = call.phone;
    lookUpCaller(phone).then((r) => current && setHistory({ phone, items: r.ok ? r.data : [] }));
    return () => {
      current = false;
    };
  }, [call.phone]);

  useEffect(() => {
    if (!call.category) return;
    let current = true;
    const timer = setTimeout(() => {
      findDuplicateCalls(call).then((r) => current && setSuggestions(r.ok ? r.data : []));
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [call]);

  function submit(mergeInto?: string) {
    const form = formRef.current;
    if (!form) return;
    const formData = new FormData(form);
    if (startedAt) formData.set("startedAt", startedAt.toISOString());
    startTransition(async () => {
      const result = outcome === "TICKET" ? await takeCall(formData, mergeInto) : await logCall(formData);
      if (!result.ok) {
        setErrors(result.errors);
        setMessage(result.message);
        return;
      }
      setSaved("no" in result.data ? { kind: "ticket", ...result.data } : { kind: "call", outcome: result.data.outcome });
      router.refresh(); // the 待派单 queue beside the form
      setErrors([]);
      setMessage(null);
      // A fresh form (not form.reset(), which React's change tracking does not see), with the
      // phone field focused for the next call.
      setFormKey((k) => k + 1);
      setCall({ phone: "", category: "", place: "" });
      setCategoryByHand(false);
      setWords({ title: "", content: "" });
      setDistrict("");
      setHistory({ phone: "", items: [] });
      setSuggestions([]);
      setOutcome("TICKET");
      setStartedAt(null);
      setAnswer({ note: "", knowledgeId: "" });
    });
  }

  const update = (field: keyof typeof call) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    const value = e.target.value.trim();
    setCall((c) => ({ ...c, [field]: value }));
  };

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_320px]">
      <form
        key={formKey}
        ref={formRef}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        onInput={() => setStartedAt((s) => s ?? new Date())}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
        }}
        className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 text-sm"
        noValidate
      >
        {saved && (
          <p className="rounded-lg bg-emerald-50 p-3 text-emerald-800" data-testid="call-outcome" role="status">
            {saved.kind === "call" ? (
              <>已登记来电：{CALL_OUTCOME_LABELS[saved.outcome]}。</>
            ) : saved.mergedInto ? (
              <>
                已并入主工单 <b className="font-mono">{saved.mergedInto}</b>，请告知来电人主工单编号（本次记录 {saved.no}）。
              </>
            ) : (
              <>
                已受理，工单编号 <b className="font-mono">{saved.no}</b>，{saved.unitName ? `已分派至${saved.unitName}` : "待人工派单"}。
              </>
            )}
          </p>
        )}
        <div className="flex flex-wrap items-start justify-between gap-3">
          <fieldset className="flex flex-wrap gap-3">
            <legend className="mb-1 font-medium">来电渠道</legend>
            {CHANNELS.map((c) => (
              <label key={c.value} className="flex items-center gap-1.5">
                <input type="radio" name="channel" value={c.value} checked={channel === c.value} onChange={() => setChannel(c.value)} disabled={c.value === "WECHAT" && outcome !== "TICKET"} /> {c.label}
              </label>
            ))}
          </fieldset>
          <CallClock startedAt={startedAt} errors={errors} />
        </div>
        <fieldset className="flex flex-wrap gap-3">
          <legend className="mb-1 font-medium">处理结果</legend>
          {CALL_OUTCOMES.map((o) => (
            <label key={o} className="flex items-center gap-1.5">
              <input
                type="radio"
                name="outcome"
                value={o}
                checked={outcome === o}
                onChange={() => {
                  setOutcome(o);
                  if (o !== "TICKET" && channel === "WECHAT") setChannel("PHONE_12123");
                }}
              />{" "}
              {CALL_OUTCOME_LABELS[o]}
            </label>
          ))}
        </fieldset>
        <div className="grid gap-3 sm:grid-cols-3">
          <label className="block">
            <span className="mb-1 block font-medium">来电号码</span>
            <input name="phone" autoFocus inputMode="numeric" maxLength={20} onChange={update("phone")} className={input} />
            <FieldErrors errors={errors} field="phone" />
          </label>
          {ticket && (
            <>
              <label className="block">
                <span className="mb-1 block font-medium">来电人</span>
                <input name="name" maxLength={20} className={input} />
              </label>
              <label className="block">
                <span className="mb-1 block font-medium">紧急程度</span>
                <select name="urgency" className={input} defaultValue="NORMAL">
                  <option value="NORMAL">一般</option>
                  <option value="URGENT">紧急</option>
                </select>
              </label>
              <label className="block">
                <span className="mb-1 block font-medium">诉求类型</span>
                <select name="type" className={input} defaultValue="COMPLAINT">
                  {TICKET_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {TYPE_LABELS[t]}
                    </option>
                  ))}
                </select>
              </label>
            </>
          )}
          <label className="block">
            <span className="mb-1 block font-medium">{ticket ? "诉求分类" : "来电事项"}</span>
            <select
              name="category"
              className={input}
              value={call.category}
              onChange={(e) => {
                update("category")(e);
                setCategoryByHand(e.target.value !== "");
              }}
            >
              <option value="">请选择</option>
              {categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
            <FieldErrors errors={errors} field="category" />
          </label>
          {ticket ? (
            <label className="block">
              <span className="mb-1 block font-medium">辖区</span>
              <select name="district" className={input} value={district} onChange={(e) => setDistrict(e.target.value)}>
                <option value="">不详（人工派单）</option>
                {districts.map((d) => (
                  <option key={d}>{d}</option>
                ))}
              </select>
            </label>
          ) : (
            <label className="block">
              <span className="mb-1 block font-medium">通话时长</span>
              <input name="duration" maxLength={10} placeholder="不填则自动计时" className={input} />
              <FieldErrors errors={errors} field="duration" />
            </label>
          )}
        </div>
        {ticket ? (
          <>
            <label className="block">
              <span className="mb-1 block font-medium">地点</span>
              <input name="place" maxLength={100} onChange={update("place")} className={input} />
              <FieldErrors errors={errors} field="place" />
            </label>
            <label className="block">
              <span className="mb-1 block font-medium">标题</span>
              <input name="title" maxLength={50} className={input} onChange={(e) => setWords((w) => ({ ...w, title: e.target.value }))} />
              <FieldErrors errors={errors} field="title" />
            </label>
            <label className="block">
              <span className="mb-1 block font-medium">诉求内容</span>
              <textarea name="content" rows={4} maxLength={MAX_CONTENT_CHARS} className={input} onChange={(e) => setWords((w) => ({ ...w, content: e.target.value }))} />
              <FieldErrors errors={errors} field="content" />
            </label>
          </>
        ) : (
          <>
            {outcome === "TRANSFERRED" && (
              <label className="block">
                <span className="mb-1 block font-medium">转接部门</span>
                <input name="transferredTo" maxLength={50} placeholder="例如 市交通运输局 12328" className={input} />
                <FieldErrors errors={errors} field="transferredTo" />
              </label>
            )}
            <label className="block">
              <span className="mb-1 block font-medium">{outcome === "ANSWERED" ? "答复要点" : "说明（可不填）"}</span>
              <textarea
                name="note"
                rows={4}
                maxLength={500}
                className={input}
                value={answer.note}
                onChange={(e) => setAnswer((a) => ({ ...a, note: e.target.value }))}
              />
              <FieldErrors errors={errors} field="note" />
            </label>
            {outcome === "ANSWERED" && <input type="hidden" name="knowledgeId" value={answer.knowledgeId} />}
            <FieldErrors errors={errors} field="knowledgeId" />
          </>
        )}
        {message && (
          <p className="rounded-lg bg-red-50 px-3 py-2 text-red-700" data-testid="form-error">
            {message}
          </p>
        )}
        <div className="flex items-center gap-3">
          <button type="submit" disabled={pending} className="rounded-lg bg-brand-600 px-5 py-2 font-semibold text-white disabled:opacity-60">
            {ticket ? "受理并分派" : "登记来电"}
          </button>
          <span className="text-xs text-slate-500">Ctrl + Enter 提交</span>
        </div>
      </form>

      <div className="space-y-4 text-sm">
        {outcome === "ANSWERED" && (
          <KnowledgePanel
            category={call.category}
            onInsert={(hit) => {
              setAnswer((a) => ({ note: a.note.trim() ? `${a.note.trim()}\n${hit.answer}` : hit.answer, knowledgeId: hit.id }));
              if (!call.category && hit.categoryCode) setCall((c) => ({ ...c, category: hit.categoryCode! }));
            }}
          />
        )}
        {ticket && (
          <>
            <SmartAdvice
              advice={advice}
              category={call.category}
              chosenByHand={categoryByHand}
              district={district}
              onUseCategory={(code) => {
                setCall((c) => ({ ...c, category: code }));
                setCategoryByHand(false);
              }}
              onUseDistrict={setDistrict}
            />
            <section className="rounded-xl border border-amber-200 bg-amber-50 p-3" aria-label="疑似重复">
              <h3 className="mb-2 font-semibold text-amber-900">疑似重复诉求</h3>
              {suggestions.length === 0 && <p className="text-amber-800">选择分类、填写号码或地点后自动比对</p>}
              <ul className="space-y-2">
                {suggestions.map((s) => (
                  <li key={s.no} className="rounded-lg bg-white p-2" data-testid="duplicate-suggestion">
                    <div className="flex items-center justify-between gap-2">
                      <span className="font-mono text-xs">{s.no}</span>
                      <StatusBadge status={s.ticket.status} />
                    </div>
                    <p className="font-medium">{s.ticket.title}</p>
                    <p className="text-xs text-amber-800">{s.reasonText}</p>
                    <button
                      type="button"
                      disabled={pending}
                      onClick={() => submit(s.no)}
                      className="mt-1 rounded-md bg-amber-600 px-2 py-1 text-xs font-semibold text-white disabled:opacity-60"
                    >
                      并入此单
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          </>
        )}
        <section className="rounded-xl border border-slate-200 bg-white p-3" aria-label="来电人历史">
          <h3 className="mb-2 font-semibold">
            来电人历史 <span className="font-normal text-slate-500">{callerHistory.length} 件</span>
          </h3>
          <ul className="space-y-2">
            {callerHistory.map((t) => (
              <li key={t.no} data-testid="caller-history-item" className="border-b border-slate-100 pb-2 last:border-0">
                <div className="flex items-center justify-between gap-2">
                  <a href={`/tickets/${t.no}`} target="_blank" className="font-mono text-xs text-brand-600">
                    {t.no}
                  </a>
                  <StatusBadge status={t.status} />
                </div>
                <p>{t.title}</p>
                <p className="text-xs text-slate-500">
                  {CATEGORY_LABELS[t.category as CategoryCode] ?? t.category} · {formatDateTime(t.receivedAt)} · {t.ownerUnitName ?? "待派单"}
                </p>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
