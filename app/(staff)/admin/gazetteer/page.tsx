import type { Metadata } from "next";
import { GazetteerAdmin } from "@/components/admin/gazetteer-admin";
import { PlacePaste } from "@/components/admin/place-paste";
import { listPlaces } from "@/lib/dal/admin/gazetteer";
import { requireAdminPage } from "../require-admin-page";

export const metadata: Metadata = { title: "地名库" };

export default async function GazetteerPage() {
  const actor = await requireAdminPage();
  const gazetteer = await listPlaces(actor);
  return (
    <div className="space-y-4">
      <section>
        <h1 className="text-xl font-bold">地名库</h1>
        <p className="mt-1 max-w-4xl text-sm text-slate-600">
          各辖区的道路和地标。诉求没有选择辖区、也没有定位时，按地点和内容中出现的地名确定辖区，再按分派规则派给该辖区的大队（地点栏中的地名优先，同时出现多个时取最长的）。
          一个名称只属于一个辖区：跨辖区的道路登记在负责它的大队所在辖区。修改立即生效。
        </p>
      </section>
      <GazetteerAdmin gazetteer={gazetteer} />
      <PlacePaste districts={gazetteer.districts.map((d) => d.name)} />
    </div>
  );
}
