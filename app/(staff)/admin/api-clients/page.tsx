import type { Metadata } from "next";
import { ApiClientAdmin } from "@/components/admin/api-client-admin";
import { listApiClients, listClientUnits } from "@/lib/dal/admin/api-clients";
import { requireAdminPage } from "../require-admin-page";

export const metadata: Metadata = { title: "接口客户端" };

export default async function ApiClientsPage() {
  const actor = await requireAdminPage();
  const [clients, units] = await Promise.all([listApiClients(actor), listClientUnits(actor)]);
  return (
    <div className="space-y-4">
      <section>
        <h1 className="text-xl font-bold">接口客户端</h1>
        <p className="mt-1 max-w-4xl text-sm text-slate-600">
          对接系统（12345 平台、微信公众号、Open311 客户端等）以自己的名义调用接口，不依附于任何工作人员账户：
          提交的诉求记为所选渠道，并在工单记录中注明客户端名称；只能做所授予的事（提交诉求、查询自己提交的工单、查询归属单位承办或协办的工单），不能办理工单。
          令牌只在新建时显示一次，系统只保存其摘要；遗失后请吊销并新建。
        </p>
      </section>
      <ApiClientAdmin clients={clients} units={units} />
    </div>
  );
}
