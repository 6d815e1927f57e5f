// The cluster test (issue 11): two app nodes on one throw-away PostgreSQL, nginx with the
// repository's site config in front (./cluster.ts). `npm run test:cluster`; scripts/test.sh runs
// it after the journeys, on their production build. The cases run in order on one cluster: the
// later ones kill and restart nodes and the database.
import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_TICKET } from "../../bench/sample-ticket";
import { startCluster, waitFor, type AppNode, type Cluster } from "./cluster";
import { acknowledged, intakeLoad, type Outcome } from "./load";

const SUBMIT_LIMIT_PER_IP_HOUR = 4;

let cluster: Cluster;
let dispatcher: string;
let handler: string;

beforeAll(async () => {
  cluster = await startCluster({
    nodes: 2,
    // Commits flushed as a site runs them: acknowledged tickets must survive the database's crash.
    durable: true,
    env: { SCHEDULER_INTERVAL_SECONDS: "1", NIGHTLY_TRAINING: "0", SUBMIT_LIMIT_PER_IP_HOUR: String(SUBMIT_LIMIT_PER_IP_HOUR) },
  });
  dispatcher = cluster.token("dispatcher");
  handler = cluster.token("zq1.handler");
}, 180_000);

// A case that failed half-way must not take the next ones with it: every node runs again.
afterEach(async () => {
  for (const node of cluster?.nodes ?? []) if (!node.alive()) await node.start();
}, 60_000);

afterAll(async () => {
  await cluster?.stop();
});

const json = (token: string, body: unknown) => ({
  method: "POST",
  headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  body: JSON.stringify(body),
});

/** A new ticket through nginx, dispatched to 执勤一大队 (version 1). */
async function newTicket(): Promise<{ no: string; id: string }> {
  const response = await fetch(`${cluster.nginx.url}/api/v1/tickets`, json(dispatcher, SAMPLE_TICKET));
  expect(response.status).toBe(201);
  const { no } = (await response.json()) as { no: string };
  const [row] = (await cluster.db.query<{ id: string }>(`SELECT id FROM "Ticket" WHERE no = $1`, [no])).rows;
  return { no, id: row!.id };
}

/** The citizen form's server action (app/(public)/submit/actions.ts), called as the browser does. */
const submitActionId = (() => {
  const manifest = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../.next/server/server-reference-manifest.json"), "utf8"));
  const entry = Object.entries(manifest.node as Record<string, { exportedName?: string; filename?: string }>).find(
    ([, action]) => action.exportedName === "submitComplaint" && action.filename?.includes("submit/actions"),
  );
  if (!entry) throw new Error("submitComplaint is not in the build's server-reference manifest");
  return entry[0];
})();

type Receipt = { ok: true; data: { no: string } } | { ok: false; message: string; status: number };

/**
 * Submits the form to a node (or nginx) with `clientAddress` in X-Forwarded-For: to a node, as
 * nginx would forward it for that client; to nginx, as a client forging it. The body is
 * React's reply encoding of one FormData argument: its fields under "_1_", the root "0" last.
 */
async function submitForm(baseUrl: string, clientAddress: string, fields: Record<string, string>, photo?: Buffer): Promise<Receipt> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(`_1_${name}`, value);
  if (photo) form.append("_1_photos", new Blob([new Uint8Array(photo)], { type: "image/jpeg" }), "现场.jpg");
  form.append("0", JSON.stringify(["$K1"]));
  const response = await fetch(`${baseUrl}/submit`, {
    method: "POST",
    // Origin as a browser sends it: Next refuses an action whose Origin is not the Host it was sent to.
    headers: { "next-action": submitActionId, origin: baseUrl, "x-forwarded-for": clientAddress, accept: "text/x-component" },
    body: form,
  });
  expect(response.status).toBe(200);
  // The RSC payload: the action's result is the row of the promise the first row points at.
  const line = (await response.text()).split("\n").find((row) => row.startsWith("1:"));
  if (!line) throw new Error("the server action answered no result");
  return JSON.parse(line.slice(2)) as Receipt;
}

const citizen = (phone: string) => ({ ...SAMPLE_TICKET, phone, name: "李女士" });

/** The node holding the scheduler's advisory lock (lib/scheduler/leadership.ts), by its process id. */
async function leader(): Promise<AppNode | null> {
  const { rows } = await cluster.db.query<{ name: string }>(
    `SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND a.application_name LIKE 'jsjb scheduler %'`,
  );
  const pids = rows.map((row) => Number(row.name.split(":").at(-1)));
  if (pids.length > 1) throw new Error(`two leaders: ${pids.join(", ")}`);
  return cluster.nodes.find((node) => node.pid() === pids[0]) ?? null;
}

async function overdueEvents(ticketId: string): Promise<number> {
  const { rows } = await cluster.db.query<{ n: string }>(`SELECT count(*) AS n FROM "TicketEvent" WHERE "ticketId" = $1 AND type = 'OVERDUE'`, [ticketId]);
  return Number(rows[0]!.n);
}

/** Every ticket the load was told was created (a 201 with its number) is in the database. */
async function expectAllAcknowledgedStored(outcomes: Outcome[]) {
  const numbers = outcomes.filter(acknowledged).map((o) => o.no!);
  const { rows } = await cluster.db.query<{ n: string }>(`SELECT count(*) AS n FROM "Ticket" WHERE no = ANY($1)`, [numbers]);
  expect(Number(rows[0]!.n)).toBe(numbers.length);
}

describe("two app nodes behind nginx on one PostgreSQL", () => {
  it("lets exactly one of ten concurrent 签收 of a ticket, split across both nodes, win (200); the others get 409", async () => {
    const ticket = await newTicket();
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        fetch(`${cluster.nodes[i % 2]!.url}/api/v1/tickets/${ticket.no}/actions`, json(handler, { action: "sign", version: 1 })),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(409)]);
    const { rows } = await cluster.db.query(`SELECT 1 FROM "TicketEvent" WHERE "ticketId" = $1 AND type = 'SIGNED'`, [ticket.id]);
    expect(rows).toHaveLength(1);
  });

  it("shows a photo uploaded through node A when asked through node B", async () => {
    const [a, b] = cluster.nodes as [AppNode, AppNode];
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#c33" } }).jpeg().toBuffer();
    const receipt = await submitForm(a.url, "198.51.100.20", citizen("13700000001"), photo);
    if (!receipt.ok) throw new Error(`submission refused: ${receipt.message}`);
    const view = await fetch(`${b.url}/api/v1/tickets/${receipt.data.no}`, { headers: { authorization: `Bearer ${dispatcher}` } });
    const { photos } = (await view.json()) as { photos: { url: string; mimeType: string }[] };
    expect(photos).toHaveLength(1);
    const image = await fetch(`${b.url}${photos[0]!.url}`, { headers: { authorization: `Bearer ${dispatcher}` } });
    expect(image.status, `node B answered:\n${b.log().slice(-1200)}`).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/jpeg");
    const bytes = new Uint8Array(await image.arrayBuffer());
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xff, 0xd8, 0xff]);
  });

  it("counts one address's submissions to both nodes against one limit", async () => {
    const address = "198.51.100.30";
    const results: { node: string; receipt: Receipt }[] = [];
    for (let i = 0; i < SUBMIT_LIMIT_PER_IP_HOUR + 2; i++) {
      const node = cluster.nodes[i % 2]!;
      results.push({ node: node.name, receipt: await submitForm(node.url, address, citizen(`1360000000${i}`)) });
    }
    const accepted = results.filter((r) => r.receipt.ok);
    const refused = results.filter((r) => !r.receipt.ok);
    expect(accepted).toHaveLength(SUBMIT_LIMIT_PER_IP_HOUR);
    // Each node accepted some and refused some: neither counted only its own.
    expect(new Set(accepted.map((r) => r.node)).size).toBe(2);
    expect(new Set(refused.map((r) => r.node)).size).toBe(2);
    for (const { receipt } of refused) expect(receipt).toMatchObject({ ok: false, status: 429, message: expect.stringContaining("提交过于频繁") });
  });

  it("counts through nginx by the address nginx saw, whatever X-Forwarded-For the client sends", async () => {
    const receipts: Receipt[] = [];
    for (let i = 0; i < SUBMIT_LIMIT_PER_IP_HOUR + 2; i++) receipts.push(await submitForm(cluster.nginx.url, `203.0.113.${i + 1}`, citizen(`1350000000${i}`)));
    expect(receipts.filter((r) => r.ok)).toHaveLength(SUBMIT_LIMIT_PER_IP_HOUR);
  });

  it("keeps the per-node readiness check off the public side of nginx", async () => {
    expect((await fetch(`${cluster.nginx.url}/api/ready`)).status).toBe(404);
    expect((await fetch(`${cluster.nginx.url}/api/health`)).status).toBe(200);
  });

  it("loses nothing acknowledged when a node is killed (kill -9) under intake load through nginx; only its requests in flight fail", async () => {
    const victim = cluster.nodes[1]!;
    // The signal is sent at killedAt; the process is gone (its exit seen) at diedAt.
    let killedAt = 0;
    let diedAt = 0;
    const outcomes = await intakeLoad(cluster.nginx.url, dispatcher, {
      connections: 6,
      durationMs: 6_000,
      at: {
        ms: 2_000,
        run: async () => {
          killedAt = Date.now();
          await victim.kill("SIGKILL");
          diedAt = Date.now();
        },
      },
    });
    const failed = outcomes.filter((o) => !acknowledged(o));
    const inFlightAtKill = outcomes.filter((o) => o.start <= diedAt && o.end >= killedAt);
    const afterKill = outcomes.filter((o) => o.start > diedAt);
    // Every failure was a request under way when the node died, and no more than those failed.
    for (const o of failed) expect(o.start).toBeLessThanOrEqual(diedAt);
    expect(failed.length).toBeLessThanOrEqual(inFlightAtKill.length);
    expect(afterKill.length).toBeGreaterThan(10);
    expect(afterKill.filter((o) => !acknowledged(o))).toEqual([]);
    await expectAllAcknowledgedStored(outcomes);
  });

  for (const signal of ["SIGKILL", "SIGTERM"] as const) {
    it(`hands the scheduler to the other node when the leader is stopped (${signal}), which records the next overdue deadline once`, async () => {
      const ticket = await newTicket();
      const before = await waitFor("a scheduler leader", leader);
      const other = cluster.nodes.find((node) => node !== before)!;
      // The sign deadline falls due in 3 s: after the leader is gone.
      await cluster.db.query(
        `UPDATE "Ticket" SET "signDueAt" = (now() AT TIME ZONE 'UTC') + interval '3 seconds', "escalationAt" = (now() AT TIME ZONE 'UTC') + interval '3 seconds' WHERE id = $1`,
        [ticket.id],
      );
      await before.kill(signal);
      expect(await waitFor("the other node to lead", async () => (await leader()) === other, 10_000)).toBe(true);
      await waitFor("the overdue event", async () => (await overdueEvents(ticket.id)) > 0, 15_000);
      await new Promise((r) => setTimeout(r, 3_000)); // three more rounds
      expect(await overdueEvents(ticket.id)).toBe(1);
    });
  }

  // fast: an administrator's restart (sessions told to end); immediate: as after a crash.
  for (const mode of ["fast", "immediate"] as const) {
    it(`recovers by itself when PostgreSQL restarts (${mode}) under load: requests succeed again, both nodes ready, a leader again`, async () => {
      let restartedAt = 0;
      const outcomes = await intakeLoad(cluster.nginx.url, dispatcher, {
        connections: 4,
        durationMs: 9_000,
        at: {
          ms: 2_000,
          run: async () => {
            await cluster.postgres.restart(mode);
            restartedAt = Date.now();
          },
        },
      });
      for (const node of cluster.nodes) {
        expect(node.alive(), `${node.name} still running:\n${node.log().slice(-3000)}`).toBe(true);
        // Connections the restart ended are dropped quietly (lib/sql/postgres.ts), not thrown.
        expect(node.log()).not.toContain("uncaughtException");
      }
      // Within a few seconds of the database being back, every request succeeds again.
      const late = outcomes.filter((o) => o.start > restartedAt + 3_000);
      expect(late.length).toBeGreaterThan(10);
      expect(late.filter((o) => !acknowledged(o))).toEqual([]);
      for (const node of cluster.nodes) {
        await waitFor(`${node.name} ready`, async () => (await fetch(`${node.url}/api/ready`)).ok, 10_000);
        expect((await fetch(`${node.url}/api/v1/tickets`, json(dispatcher, SAMPLE_TICKET))).status).toBe(201);
      }
      expect(await waitFor("a scheduler leader", leader, 10_000)).toBeTruthy();
      await expectAllAcknowledgedStored(outcomes);
    });
  }
});
