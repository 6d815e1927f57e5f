"use client";

import { useState } from "react";
import { issueTokenAction, revokeTokenAction } from "@/app/(staff)/admin/tokens/actions";
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import type { ApiTokenRow } from "@/lib/dal/admin/api-tokens";
import { formatDateTime } from "@/lib/format";
import { IssuedToken } from "./issued-token";
import { adminInput, dangerButton, EmptyRow, Field, FormMessage, primaryButton, tableClass, tdClass, thClass, theadClass } from "./ui";
import { useAdminAction } from "./use-admin-action";

type Holder = { username: string; displayName: string; role: Role };
type Issued = { token: string; username: string };

function tokenState(t: ApiTokenRow, now: number): { label: string; tone: string } {
  if (t.revokedAt) return { label: `已吊销 ${formatDateTime(t.revokedAt)}`, tone: "text-slate-500" };
  if (!t.userActive) return { label: "账户已停用", tone: "text-slate-500" };
  if (t.expiresAt && t.expiresAt.getTime() <= now) return { label: "已过期", tone: "text-slate-500" };
  return { label: "有效", tone: "text-emerald-700" };
}

export function TokenAdmin({ tokens, holders }: { tokens: ApiTokenRow[]; holders: Holder[] }) {
  const issue = useAdminAction();
  const revoke = useAdminAction();
  const [issued, setIssued] = useState<Issued | null>(null);
  const [formKey, setFormKey] = useState(0);
  // Read once per render of the list; a token that expires while the page is open shows on refresh.
  const [now] = useState(() => Date.now());

  return (
    <div className="space-y-4">
      <form
        key={formKey}
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const input = { username: String(data.get("username") ?? ""), name: String(data.get("name") ?? ""), expiresInDays: String(data.get("expiresInDays") ?? "") };
          issue.run(() => issueTokenAction(input), (result) => {
            setIssued({ token: result.token, username: result.username });
            setFormKey((k) => k + 1);
          });
        }}
        className="space-y-3 rounded-2xl border border-slate-200 bg-white p-5"
        noValidate
      >
        <h2 className="text-lg font-semibold">签发令牌</h2>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="账户" field="username" errors={issue.errors} hint="令牌以该账户的身份和权限调用接口">
            <select name="username" defaultValue="" className={adminInput}>
              <option value="">请选择</option>
              {holders.map((h) => (
                <option key={h.username} value={h.username}>
                  {h.displayName}（{h.username} · {ROLE_LABELS[h.role]}）
                </option>
              ))}
            </select>
          </Field>
          <Field label="用途说明" field="name" errors={issue.errors} hint="例如 12345 平台对接">
            <input name="name" className={adminInput} maxLength={40} />
          </Field>
          <Field label="有效期（天，可选）" field="expiresInDays" errors={issue.errors} hint="留空表示长期有效，可随时吊销">
            <input name="expiresInDays" className={adminInput} inputMode="numeric" />
          </Field>
        </div>
        <FormMessage notice={issue.notice} />
        <button type="submit" disabled={issue.pending} className={primaryButton}>
          签发
        </button>
      </form>

      {issued && (
        // A new key remounts the panel, so "已复制" of the previous token does not carry over.
        <IssuedToken key={issued.token} title={`已为 ${issued.username} 签发令牌`} token={issued.token} onHide={() => setIssued(null)} />
      )}

      <section className="space-y-2">
        <h2 className="text-lg font-semibold">全部令牌</h2>
        <FormMessage notice={revoke.notice} />
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className={tableClass}>
            <thead className={theadClass}>
              <tr>
                <th className={thClass}>前缀</th>
                <th className={thClass}>账户</th>
                <th className={thClass}>用途</th>
                <th className={thClass}>签发时间</th>
                <th className={thClass}>最近使用</th>
                <th className={thClass}>有效期至</th>
                <th className={thClass}>状态</th>
                <th className={thClass}>操作</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tokens.length === 0 && <EmptyRow colSpan={8}>还没有签发令牌</EmptyRow>}
              {tokens.map((t) => {
                const state = tokenState(t, now);
                return (
                  <tr key={t.id} data-testid="token-row">
                    <td className={`${tdClass} font-mono`}>{t.prefix}…</td>
                    <td className={tdClass}>
                      {t.displayName}
                      <span className="block text-xs text-slate-500">{t.username}</span>
                    </td>
                    <td className={tdClass}>{t.name}</td>
                    <td className={`${tdClass} whitespace-nowrap`}>{formatDateTime(t.createdAt)}</td>
                    <td className={`${tdClass} whitespace-nowrap`}>{formatDateTime(t.lastUsedAt)}</td>
                    <td className={`${tdClass} whitespace-nowrap`}>{t.expiresAt ? formatDateTime(t.expiresAt) : "长期"}</td>
                    <td className={`${tdClass} ${state.tone}`}>{state.label}</td>
                    <td className={tdClass}>
                      {!t.revokedAt && (
                        <button
                          type="button"
                          disabled={revoke.pending}
                          className={dangerButton}
                          onClick={() => {
                            if (window.confirm(`吊销 ${t.username} 的令牌「${t.name}」（${t.prefix}…）？使用它的对接系统将立即无法调用接口。`)) {
                              revoke.run(() => revokeTokenAction(t.id), () => `已吊销令牌 ${t.prefix}…`);
                            }
                          }}
                        >
                          吊销
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
