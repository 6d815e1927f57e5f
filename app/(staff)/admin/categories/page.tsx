import type { Metadata } from "next";
import { CategoryCard } from "@/components/admin/category-card";
import { listCategories } from "@/lib/dal/admin/categories";
import { requireAdminPage } from "../require-admin-page";

export const metadata: Metadata = { title: "诉求分类" };

export default async function CategoriesPage() {
  const actor = await requireAdminPage();
  const categories = await listCategories(actor);
  return (
    <div className="space-y-4">
      <section>
        <h1 className="text-xl font-bold">诉求分类</h1>
        <p className="mt-1 max-w-4xl text-sm text-slate-600">
          名称、说明和示例显示在群众和坐席的受理表单上。分类代码即 Open311 服务代码，对接系统按它提交诉求，不能修改；停用的分类不再出现在受理表单和服务列表中，已有工单不受影响。
          子分类名称会写入工单和分派规则，创建后不能改名，只能停用。12345 导入文件按标准分类名称识别，不受此处改名影响。
        </p>
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        {categories.map((c) => (
          <CategoryCard key={c.code} category={c} />
        ))}
      </div>
    </div>
  );
}
