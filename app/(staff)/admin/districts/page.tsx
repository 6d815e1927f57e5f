import type { Metadata } from "next";
import { DistrictBoundaryCard } from "@/components/admin/district-boundary-card";
import { listDistricts } from "@/lib/dal/admin/districts";
import { requireAdminPage } from "../require-admin-page";

export const metadata: Metadata = { title: "辖区边界" };

export default async function DistrictsPage() {
  const actor = await requireAdminPage();
  const districts = await listDistricts(actor);
  return (
    <div className="space-y-4">
      <section>
        <h1 className="text-xl font-bold">辖区边界</h1>
        <p className="mt-1 max-w-4xl text-sm text-slate-600">
          诉求带有定位（经纬度）而没有填写辖区时，按定位所在的辖区边界分派，分派记录写明“按定位落在某辖区”；填写了辖区的以填写为准。
          边界为 GeoJSON 的 Polygon 或 MultiPolygon（也可粘贴 Feature 或 FeatureCollection，如 geojson.io 导出的内容），坐标顺序为
          [经度, 纬度]（WGS 84），每个环首尾相同。清空后该辖区只按填写的辖区分派。边界重叠时按辖区顺序取第一个。
        </p>
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        {districts.map((d) => (
          <DistrictBoundaryCard key={d.name} district={d} />
        ))}
      </div>
    </div>
  );
}
