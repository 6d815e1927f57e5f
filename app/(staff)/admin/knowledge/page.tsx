import type { Metadata } from "next";
import { KnowledgeEditor } from "@/components/admin/knowledge-editor";
import { listKnowledge } from "@/lib/dal/knowledge";
import { intakeOptions } from "@/lib/dal/reference";
import { requireAdminPage } from "../require-admin-page";

export const metadata: Metadata = { title: "知识库" };

export default async function KnowledgePage() {
  const actor = await requireAdminPage();
  const [entries, options] = await Promise.all([listKnowledge(actor), intakeOptions()]);
  const categories = options.categories.map((c) => ({ code: c.code, name: c.name }));
  return (
    <div className="space-y-4">
      <section>
        <h1 className="text-xl font-bold">知识库</h1>
        <p className="mt-1 max-w-4xl text-sm text-slate-600">
          坐席接听来电时按关键词检索这些标准答复，一键插入答复要点。“使用次数”是用该条目当场解答的来电数，可以看出哪些问题反复被问到。
          停用的条目不再出现在检索中，已登记的来电仍保留其引用。
        </p>
      </section>
      <KnowledgeEditor entries={entries} categories={categories} />
    </div>
  );
}
