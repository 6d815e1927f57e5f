// Seeds an empty database: the organisation, routing rules, categories, time limits, the
// official 2025–2026 holiday calendar, settings, the starter knowledge base and demo users
// (DOMAIN.md §2, §3, §5); and,
// unless DEMO_DATA=0, demo tickets (open work for every unit) and their history (finished
// tickets since 2022, so rates and hot issues have something to show).
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db";
import { loadOfficialCalendar } from "@/lib/domain/calendar";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { DEFAULT_TIME_LIMIT_POLICIES } from "@/lib/domain/time-limits";
import { env } from "@/lib/env";
import officialCalendar from "../data/holidays-cn.json" with { type: "json" };
import { seedDemoCalls } from "./demo-calls";
import { seedDemoTickets } from "./demo-tickets";
import { seedHistoryTickets } from "./history";
import { STARTER_KNOWLEDGE } from "./knowledge";
import { demoPlaceNames } from "./places";
import {
  CATEGORIES,
  DEMO_CITIZEN,
  DEMO_CITIZEN_PASSWORD,
  DEMO_STAFF_PASSWORD,
  DEMO_USERS,
  DISTRICT_BOUNDARIES,
  DISTRICTS,
  routingRules,
  UNITS,
} from "./organisation";

export async function databaseIsEmpty(db: Db): Promise<boolean> {
  return (await db.unit.count()) === 0;
}

/**
 * `databaseUrl` names the database `db` is connected to (the demo history is written in bulk on a
 * connection of its own); without it, this process's DATABASE_URL.
 */
export async function seedDatabase(db: Db, options: { demoData: boolean; databaseUrl?: string }): Promise<void> {
  // Hash outside the transaction: argon2 is deliberately slow.
  const staffHash = await hashPassword(DEMO_STAFF_PASSWORD);
  const citizenHash = await hashPassword(DEMO_CITIZEN_PASSWORD);

  await db.$transaction(async (tx) => {
    const unitIds = new Map<string, string>();
    for (const [sortOrder, unit] of UNITS.entries()) {
      const created = await tx.unit.create({
        data: {
          code: unit.code,
          name: unit.name,
          kind: unit.kind,
          district: unit.district ?? null,
          parentId: unit.parent ? unitIds.get(unit.parent) : null,
          sortOrder,
        },
      });
      unitIds.set(unit.code, created.id);
    }
    await tx.district.createMany({
      data: DISTRICTS.map((name, sortOrder) => ({ name, sortOrder, boundary: JSON.stringify(DISTRICT_BOUNDARIES[name]) })),
    });
    await tx.placeName.createMany({ data: demoPlaceNames() });
    await tx.category.createMany({ data: CATEGORIES.map((c, sortOrder) => ({ ...c, sortOrder })) });
    await tx.knowledgeEntry.createMany({ data: STARTER_KNOWLEDGE });
    await tx.routingRule.createMany({
      data: routingRules().map(({ unitCode, ...rule }) => ({ ...rule, unitId: unitIds.get(unitCode)! })),
    });
    await tx.timeLimitPolicy.createMany({ data: DEFAULT_TIME_LIMIT_POLICIES });
    await tx.calendarDay.createMany({
      data: loadOfficialCalendar(officialCalendar).map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? "" })),
    });
    await tx.setting.createMany({
      data: Object.entries(DEFAULT_SETTINGS).map(([key, value]) => ({ key, value: JSON.stringify(value) })),
    });
    await tx.user.createMany({
      data: [
        ...DEMO_USERS.map((u) => ({
          username: u.username,
          displayName: u.displayName,
          role: u.role,
          unitId: unitIds.get(u.unit)!,
          passwordHash: staffHash,
        })),
        { ...DEMO_CITIZEN, role: "CITIZEN" as const, passwordHash: citizenHash },
      ],
    });
  });

  if (options.demoData) {
    await seedDemoTickets(db);
    // After the demo tickets: history numbers continue their days' sequences.
    await seedHistoryTickets(db, { databaseUrl: options.databaseUrl ?? env().databaseUrl });
    await seedDemoCalls(db);
  }
}
