// 地名库 administration (#14 item 1): validated, audited, all-or-nothing for a paste, admin only —
// and a place added here routes the next complaint that names it without a district.
import { describe, expect, it } from "vitest";
import { actorOf } from "../support/actors";
import { createPlace, deletePlace, listPlaces, previewPlacePaste, savePlacePaste, updatePlace } from "@/lib/dal/admin/gazetteer";
import { submitTicket } from "@/lib/dal/intake";
import { db } from "@/lib/db";
import type { Invalid } from "@/lib/errors";

async function refused(promise: Promise<unknown>, status = 400): Promise<Invalid> {
  const error = await promise.then(
    () => {
      throw new Error("expected the call to be refused");
    },
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ status });
  return error as Invalid;
}

const placeCount = () => db.placeName.count();

describe("gazetteer administration", () => {
  it("adds, edits and deletes a place, audited, with Chinese messages for bad input", async () => {
    const admin = await actorOf("admin");
    const before = await listPlaces(admin);
    const west = before.districts.find((d) => d.name === "西城区")!;

    const place = await createPlace(admin, { name: " 测试甲路 ", district: "西城区", kind: "ROAD" });
    expect(place).toMatchObject({ name: "测试甲路", district: "西城区", kind: "ROAD" });
    const after = await listPlaces(admin);
    expect(after.places.find((p) => p.id === place.id)).toMatchObject({ name: "测试甲路", district: "西城区" });
    expect(after.districts.find((d) => d.name === "西城区")!.count).toBe(west.count + 1);

    // A taken name says which district has it; an unknown district and a blank name are refused.
    const seeded = before.places[0]!;
    const taken = await refused(createPlace(admin, { name: seeded.name, district: "北城区", kind: "ROAD" }));
    expect(taken.errors).toEqual([{ field: "name", message: `「${seeded.name}」已在地名库中（${seeded.district}）` }]);
    const unknown = await refused(createPlace(admin, { name: "测试乙路", district: "海淀区", kind: "ROAD" }));
    expect(unknown.errors).toEqual([{ field: "district", message: "辖区「海淀区」不存在" }]);
    const blank = await refused(createPlace(admin, { name: "  ", district: "西城区", kind: "桥" }));
    expect(blank.errors.map((e) => e.field).sort()).toEqual(["kind", "name"]);
    expect(blank.errors.every((e) => /[\u4e00-\u9fa5]/.test(e.message))).toBe(true);

    await updatePlace(admin, place.id, { name: "测试甲大道", district: "南城区", kind: "ROAD" });
    expect(await db.placeName.findUniqueOrThrow({ where: { id: place.id } })).toMatchObject({ name: "测试甲大道", district: "南城区" });
    await refused(updatePlace(admin, place.id, { name: seeded.name, district: "南城区", kind: "ROAD" }));

    await deletePlace(admin, place.id);
    expect(await db.placeName.findUnique({ where: { id: place.id } })).toBeNull();
    await refused(deletePlace(admin, place.id), 404);

    const audit = await db.auditEntry.findMany({ where: { entity: "PlaceName", entityId: place.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["CREATE", "UPDATE", "DELETE"]);
  });

  it("previews a paste line by line and saves it all or nothing", async () => {
    const admin = await actorOf("admin");
    const seeded = await db.placeName.findFirstOrThrow();
    const bad = ["测试丙路,东城区", `${seeded.name}，北城区`, "测试丁广场\t海淀区", "测试丙路,西城区", "测试戊路"].join("\n");
    const preview = await previewPlacePaste(admin, { text: bad });
    expect(preview.map((l) => (l.ok ? "ok" : l.error))).toEqual([
      "ok",
      `「${seeded.name}」已在地名库中（${seeded.district}）`,
      expect.stringContaining("辖区「海淀区」不存在"),
      "「测试丙路」与第 1 行重复",
      "缺少辖区",
    ]);

    const count = await placeCount();
    const audits = await db.auditEntry.count();
    const error = await refused(savePlacePaste(admin, { text: bad }));
    expect(error.message).toBe("有 4 行有误，未保存任何地名，请修改后重试");
    expect(error.errors[0]).toEqual({ field: "text", message: `第 2 行：「${seeded.name}」已在地名库中（${seeded.district}）` });
    expect(await placeCount()).toBe(count);
    expect(await db.auditEntry.count()).toBe(audits);
    await refused(savePlacePaste(admin, { text: " \n " }));

    const saved = await savePlacePaste(admin, { text: "测试丙路,东城区\n测试丁广场，北城区，地标\n\n测试己街\t南城区" });
    expect(saved).toEqual({ added: 3 });
    const rows = await db.placeName.findMany({ where: { name: { startsWith: "测试" } }, orderBy: { name: "asc" } });
    expect(rows.map((r) => [r.name, r.district, r.kind])).toEqual(
      expect.arrayContaining([
        ["测试丙路", "东城区", "ROAD"],
        ["测试丁广场", "北城区", "LANDMARK"],
        ["测试己街", "南城区", "ROAD"],
      ]),
    );
    expect(await db.auditEntry.count()).toBe(audits + 3);
    // The same paste again: every line is now a duplicate, nothing is added twice.
    await refused(savePlacePaste(admin, { text: "测试丙路,东城区" }));
  });

  it("refuses every gazetteer function to a non-admin", async () => {
    const manager = await actorOf("manager");
    const some = await db.placeName.findFirstOrThrow();
    const count = await placeCount();
    await refused(listPlaces(manager), 403);
    await refused(createPlace(manager, { name: "测试庚路", district: "东城区", kind: "ROAD" }), 403);
    await refused(updatePlace(manager, some.id, { name: "测试庚路", district: "东城区", kind: "ROAD" }), 403);
    await refused(deletePlace(manager, some.id), 403);
    await refused(previewPlacePaste(manager, { text: "测试庚路,东城区" }), 403);
    await refused(savePlacePaste(manager, { text: "测试庚路,东城区" }), 403);
    expect(await placeCount()).toBe(count);
    expect(await db.placeName.findUniqueOrThrow({ where: { id: some.id } })).toMatchObject({ name: some.name });
  });

  it("routes a complaint naming a newly added place, without a district, to that district's brigade", async () => {
    const admin = await actorOf("admin");
    const agent = await actorOf("dispatcher");
    const call = {
      type: "COMPLAINT",
      category: "ENFORCEMENT",
      title: "路口违停",
      content: "路口长期有车辆违法停车，影响通行。",
      place: "测试辛路与某某街交叉口",
      phone: "13812340000",
    };
    // Unknown yet: nothing places it.
    expect((await submitTicket(agent, call, { channel: "HOTLINE_12345" })).status).toBe("PENDING");

    await createPlace(admin, { name: "测试辛路", district: "北城区", kind: "ROAD" });
    const ticket = await submitTicket(agent, call, { channel: "HOTLINE_12345" });
    const stored = await db.ticket.findUniqueOrThrow({ where: { no: ticket.no }, include: { ownerUnit: true, events: true } });
    expect(stored).toMatchObject({ status: "DISPATCHED", district: "北城区" });
    expect(stored.ownerUnit?.code).toBe("ZQ4");
    const routed = stored.events.find((e) => e.type === "ROUTED");
    expect(JSON.parse(routed!.payload!)).toMatchObject({ unit: "ZQ4", decidedBy: "model" });
    expect(JSON.parse(routed!.payload!).reason).toContain("地点「测试辛路」属北城区（地名库）");
  });
});
