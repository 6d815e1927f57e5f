import type { Metadata } from "next";
import { TokenAdmin } from "@/components/admin/token-admin";
import { listApiTokens, listTokenHolders } from "@/lib/dal/admin/api-tokens";
import { requireAdminPage } from "../require-admin-page";

export const metadata: Metadata = { title: "接口令牌" };

export default async function TokensPage() {
  const actor = await requireAdminPage();
  const [tokens, holders] = await Promise.all([listApiTokens(actor), listTokenHolders(actor)]);
  return (
    <div className="space-y-4">
      <section>
        <h1 className="text-xl font-bold">接口令牌</h1>
        <p className="mt-1 max-w-4xl text-sm text-slate-600">
          对接系统（12345 平台、Open311 客户端等）以某个工作人员账户的身份调用接口，权限与该账户在页面上的权限相同。
          令牌只在签发时显示一次，系统只保存其摘要；遗失后请吊销并重新签发。账户停用后，其令牌也随即失效。
          不应以某个人的身份提交的对接系统，请改用「接口客户端」。
        </p>
      </section>
      <TokenAdmin tokens={tokens} holders={holders} />
    </div>
  );
}
