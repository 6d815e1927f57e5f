import type { Metadata } from "next";
import { UnitAdmin } from "@/components/admin/unit-admin";
import { listUnits } from "@/lib/dal/admin/units";
import { reference } from "@/lib/dal/reference";
import { requireAdminPage } from "../require-admin-page";

export const metadata: Metadata = { title: "单位" };

export default async function UnitsPage() {
  const actor = await requireAdminPage();
  const [units, ref] = await Promise.all([listUnits(actor), reference()]);
  return (
    <div className="space-y-4">
      <section>
        <h1 className="text-xl font-bold">单位</h1>
        <p className="mt-1 max-w-4xl text-sm text-slate-600">
          支队下设指挥中心和各大队，大队下可设中队；外部协作部门（城管、交通运输等）只参与协办，不承办工单。
          单位代码创建后不能修改：工单、分派规则、导入文件和对接系统都以代码识别单位。单位不删除，不再使用时停用。
        </p>
      </section>
      <UnitAdmin units={units} districts={ref.districts} />
    </div>
  );
}
