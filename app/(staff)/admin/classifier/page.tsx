import type { Metadata } from "next";
import { ClassifierModels } from "@/components/admin/classifier-models";
import { ModelEvaluation } from "@/components/admin/model-evaluation";
import { TrainButton } from "@/components/admin/train-button";
import { Section } from "@/components/admin/ui";
import { classifierOverview } from "@/lib/dal/classifier/admin";
import { requireAdminPage } from "../require-admin-page";

export const metadata: Metadata = { title: "智能分类模型" };

export default async function ClassifierPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireAdminPage();
  const asked = Number((await searchParams).version);
  const { models, chosen } = await classifierOverview(actor, Number.isSafeInteger(asked) ? asked : null);
  const active = models.find((m) => m.active);
  return (
    <div className="space-y-4">
      <section>
        <h1 className="text-xl font-bold">智能分类模型</h1>
        <p className="mt-1 max-w-4xl text-sm text-slate-600">
          模型根据诉求的标题、内容和地点推荐诉求分类和承办单位。新站点使用产品附带的基础模型；每晚及“立即训练”时用本站的历史工单训练新模型，留出一部分工单不参与训练、用来评估，
          新模型只有在同一批留出工单上优于当前模型时才会启用。当前使用：{active ? <strong>v{active.version}</strong> : "—"}。
        </p>
      </section>
      <Section title="训练" testId="classifier-train">
        <TrainButton />
      </Section>
      <Section title="模型版本" description="点击版本号查看该模型的评估。">
        <ClassifierModels models={models} chosen={chosen?.version ?? null} />
      </Section>
      {chosen && <ModelEvaluation model={chosen} />}
    </div>
  );
}
