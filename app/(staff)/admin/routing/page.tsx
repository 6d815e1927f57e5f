import type { Metadata } from "next";
import { RoutingRuleEditor } from "@/components/admin/routing-rule-editor";
import { listCategories } from "@/lib/dal/admin/categories";
import { listRoutingRules } from "@/lib/dal/admin/routing-rules";
import { reference } from "@/lib/dal/reference";
import { requireAdminPage } from "../require-admin-page";

export const metadata: Metadata = { title: "分派规则" };

export default async function RoutingRulesPage() {
  const actor = await requireAdminPage();
  const [rules, categories, ref] = await Promise.all([listRoutingRules(actor), listCategories(actor), reference()]);
  const brigades = ref.units.filter((u) => u.kind === "BRIGADE" && u.active).map((u) => ({ code: u.code, name: u.name }));
  return (
    <div className="space-y-4">
      <section>
        <h1 className="text-xl font-bold">分派规则</h1>
        <p className="mt-1 max-w-4xl text-sm text-slate-600">
          受理时按规则把工单直接派给承办大队。多条规则同时匹配时，条件越具体越优先：关键词 &gt; 子分类 &gt; 辖区；同样具体时优先级数字大的优先。
          没有规则匹配的工单转指挥中心人工派单。规则只能停用、不能删除，因为已分派工单的记录引用了它们。
        </p>
      </section>
      <RoutingRuleEditor
        rules={rules}
        categories={categories.map((c) => ({ code: c.code, name: c.name, subCategories: c.subCategories.filter((s) => s.active).map((s) => s.name) }))}
        districts={ref.districts}
        brigades={brigades}
      />
    </div>
  );
}
