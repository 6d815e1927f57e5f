"use client";

import { useState } from "react";
import { createApiClientAction, revokeApiClientAction } from "@/app/(staff)/admin/api-clients/actions";
import type { ApiClientRow } from "@/lib/dal/admin/api-clients";
import { API_CLIENT_CHANNELS, API_CLIENT_SCOPE_LABELS, API_CLIENT_SCOPES } from "@/lib/domain/api-clients";
import { CHANNEL_LABELS, type Channel } from "@/lib/domain/labels";
import { formatDateTime } from "@/lib/format";
import { IssuedToken } from "./issued-token";
import { adminInput, dangerButton, EmptyRow, Field, FormMessage, primaryButton, tableClass, tdClass, thClass, theadClass } from "./ui";
import { useAdminAction } from "./use-admin-action";

type Unit = { code: string; name: string };
type Issued = { name: string; token: string };

export function ApiClientAdmin({ clients, units }: { clients: ApiClientRow[]; units: Unit[] }) {
  const create = useAdminAction();
  const revoke = useAdminAction();
  const [issued, setIssued] = useState<Issued | null>(null);
  const [formKey, setFormKey] = useState(0);

  return (
    <div className="space-y-4">
      <form
        key={formKey}
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const input = {
            name: String(data.get("name") ?? ""),
            unit: String(data.get("unit") ?? ""),
            channel: String(data.get("channel") ?? ""),
            scopes: data.getAll("scopes").map(String),
          };
          create.run(() => createApiClientAction(input), (result) => {
            setIssued({ name: result.name, token: result.token });
            setFormKey((k) => k + 1);
          });
        }}
        className="space-y-3 rounded-2xl border border-slate-200 bg-white p-5"
        noValidate
      >
        <h2 className="text-lg font-semibold">新建接口客户端</h2>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="名称" field="name" errors={create.errors} hint="例如 12345 平台、交管微信公众号">
            <input name="name" className={adminInput} maxLength={40} />
          </Field>
          <Field label="归属单位" field="unit" errors={create.errors} hint="“查询归属单位的工单”按此单位">
            <select name="unit" defaultValue="" className={adminInput}>
              <option value="">请选择</option>
              {units.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name}（{u.code}）
                </option>
              ))}
            </select>
          </Field>
          <Field label="提交渠道" field="channel" errors={create.errors} hint="该客户端提交的诉求均记为此渠道">
            <select name="channel" defaultValue="API" className={adminInput}>
              {API_CLIENT_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {CHANNEL_LABELS[c]}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <fieldset className="text-sm">
          <legend className="mb-1 font-medium text-slate-700">权限</legend>
          <div className="flex flex-wrap gap-4">
            {API_CLIENT_SCOPES.map((scope) => (
              <label key={scope} className="flex items-center gap-1.5">
                <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === "tickets:submit" || scope === "tickets:read:own"} />
                {API_CLIENT_SCOPE_LABELS[scope]}
              </label>
            ))}
          </div>
          {create.errors
            .filter((e) => e.field === "scopes" || e.field.startsWith("scopes."))
            .map((e) => (
              <p key={e.field + e.message} className="mt-1 text-xs text-red-700">
                {e.message}
              </p>
            ))}
        </fieldset>
        <FormMessage notice={create.notice} />
        <button type="submit" disabled={create.pending} className={primaryButton}>
          新建并生成令牌
        </button>
      </form>

      {issued && <IssuedToken key={issued.token} title={`已新建接口客户端「${issued.name}」`} token={issued.token} onHide={() => setIssued(null)} />}

      <section className="space-y-2">
        <h2 className="text-lg font-semibold">全部接口客户端</h2>
        <FormMessage notice={revoke.notice} />
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className={tableClass}>
            <thead className={theadClass}>
              <tr>
                <th className={thClass}>名称</th>
                <th className={thClass}>令牌前缀</th>
                <th className={thClass}>归属单位</th>
                <th className={thClass}>提交渠道</th>
                <th className={thClass}>权限</th>
                <th className={thClass}>新建时间</th>
                <th className={thClass}>最近使用</th>
                <th className={thClass}>状态</th>
                <th className={thClass}>操作</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {clients.length === 0 && <EmptyRow colSpan={9}>还没有接口客户端</EmptyRow>}
              {clients.map((c) => (
                <tr key={c.id} data-testid="api-client-row">
                  <td className={tdClass}>{c.name}</td>
                  <td className={`${tdClass} font-mono`}>{c.prefix}…</td>
                  <td className={tdClass}>{c.unitName}</td>
                  <td className={tdClass}>{CHANNEL_LABELS[c.channel as Channel] ?? c.channel}</td>
                  <td className={tdClass}>{c.scopes.map((s) => API_CLIENT_SCOPE_LABELS[s]).join("、") || "无"}</td>
                  <td className={`${tdClass} whitespace-nowrap`}>{formatDateTime(c.createdAt)}</td>
                  <td className={`${tdClass} whitespace-nowrap`}>{formatDateTime(c.lastUsedAt)}</td>
                  <td className={`${tdClass} ${c.revokedAt ? "text-slate-500" : "text-emerald-700"}`}>
                    {c.revokedAt ? `已吊销 ${formatDateTime(c.revokedAt)}` : "有效"}
                  </td>
                  <td className={tdClass}>
                    {!c.revokedAt && (
                      <button
                        type="button"
                        disabled={revoke.pending}
                        className={dangerButton}
                        onClick={() => {
                          if (window.confirm(`吊销接口客户端「${c.name}」（${c.prefix}…）？它将立即无法调用接口。`)) {
                            revoke.run(() => revokeApiClientAction(c.id), () => `已吊销接口客户端「${c.name}」`);
                          }
                        }}
                      >
                        吊销
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
