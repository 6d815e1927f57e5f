"use client";

import { useState } from "react";
import { secondaryButton } from "./ui";

/** A token just issued, shown this once with a copy button (接口令牌 and 接口客户端 alike). */
export function IssuedToken({ title, token, onHide }: { title: string; token: string; onHide: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <section role="status" className="space-y-2 rounded-2xl border border-amber-300 bg-amber-50 p-5" data-testid="issued-token">
      <h2 className="font-semibold text-amber-900">{title}：请立即复制保存</h2>
      <p className="text-sm text-amber-900">此令牌只显示这一次，关闭或刷新页面后无法再查看。调用接口时放在请求头 Authorization: Bearer 令牌，或 Open311 的 api_key 参数中。复制按钮无效时，请选中令牌后手动复制。</p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="rounded-lg bg-white px-3 py-2 font-mono text-sm break-all select-all" data-testid="issued-token-value">
          {token}
        </code>
        <button
          type="button"
          className={secondaryButton}
          onClick={() => navigator.clipboard?.writeText(token).then(() => setCopied(true), () => setCopied(false))}
        >
          {copied ? "已复制" : "复制"}
        </button>
        <button type="button" className="text-sm text-amber-900 underline" onClick={onHide}>
          我已保存，隐藏
        </button>
      </div>
    </section>
  );
}
