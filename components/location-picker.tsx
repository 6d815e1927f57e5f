"use client";

import { useState } from "react";
import { districtAt, formatCoordinate, type DistrictArea, type Point } from "@/lib/domain/district-areas";

type State = { kind: "idle" } | { kind: "locating" } | { kind: "found"; point: Point; district: string | null } | { kind: "failed"; message: string };

/** Why the phone gave no position, in words a citizen can act on. */
function failure(error: GeolocationPositionError): string {
  if (error.code === error.PERMISSION_DENIED) return "未获得定位权限。您可以在浏览器设置中允许定位，或直接选择辖区、填写地点。";
  if (error.code === error.TIMEOUT) return "定位超时，请到开阔处重试，或直接选择辖区、填写地点。";
  return "暂时无法获取位置，请直接选择辖区、填写地点。";
}

/**
 * 使用我的位置: fills the form's lat/lng from the phone and shows the district the point falls in
 * (the same rule the server routes by, lib/domain/district-areas.ts). Optional: the form works
 * without it, and a district chosen in the list still wins.
 */
export function LocationPicker({ areas }: { areas: DistrictArea[] }) {
  const [state, setState] = useState<State>({ kind: "idle" });

  function locate() {
    if (!("geolocation" in navigator)) {
      setState({ kind: "failed", message: "此浏览器不支持定位，请直接选择辖区、填写地点。" });
      return;
    }
    setState({ kind: "locating" });
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        const point = { lat: coords.latitude, lng: coords.longitude };
        setState({ kind: "found", point, district: districtAt(areas, point) });
      },
      (error) => setState({ kind: "failed", message: failure(error) }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  const found = state.kind === "found" ? state : null;
  return (
    <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-3" data-testid="location-picker">
      {found && (
        <>
          <input type="hidden" name="lat" value={found.point.lat} />
          <input type="hidden" name="lng" value={found.point.lng} />
        </>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={locate}
          disabled={state.kind === "locating"}
          className="rounded-lg border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60"
        >
          {state.kind === "locating" ? "正在定位…" : found ? "重新定位" : "使用我的位置"}
        </button>
        {found && (
          <button type="button" onClick={() => setState({ kind: "idle" })} className="text-sm text-slate-500 underline">
            不使用定位
          </button>
        )}
      </div>
      <p role="status" className="text-sm text-slate-600" data-testid="location-status">
        {state.kind === "idle" && "可选：用手机定位帮助确定辖区，不选择辖区时按定位分派。"}
        {found &&
          `已定位（${formatCoordinate(found.point.lat)}, ${formatCoordinate(found.point.lng)}）：` +
            (found.district ? `位于${found.district}辖区，未选择辖区时将按定位分派。` : "不在本支队辖区范围内，将由指挥中心分派。")}
        {state.kind === "failed" && state.message}
      </p>
    </div>
  );
}
