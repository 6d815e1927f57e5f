// The app's PostgreSQL pools outlive the server ending their idle connections (a restart, a
// failover, pg_terminate_backend): the connection is dropped, the process goes on, and the next
// query gets a new one. Found by the cluster test's database restart (tests/cluster/).
import { afterAll, beforeAll, expect, it } from "vitest";
import { postgresPool } from "@/lib/sql/postgres";
import { query, startPostgres, type Postgres } from "../support/postgres";

let server: Postgres;
beforeAll(async () => {
  server = await startPostgres();
}, 30_000);
afterAll(() => server?.stop());

it("drops an idle connection the server ended, without an uncaught error, and answers the next query", async () => {
  const pool = postgresPool(server.url, 2);
  try {
    const { rows } = await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    expect(pool.idleCount).toBe(1);
    await query(server.url, `SELECT pg_terminate_backend(${rows[0]!.pid})`);
    // Before the fix the pool re-emitted the error with nobody listening: an uncaught exception.
    for (let i = 0; i < 50 && pool.totalCount > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(pool.totalCount).toBe(0);
    const next = await pool.query<{ one: number }>("SELECT 1 AS one");
    expect(next.rows[0]!.one).toBe(1);
  } finally {
    await pool.end();
  }
});

it("survives the server ending a connection that is checked out between two statements (a transaction's)", async () => {
  const pool = postgresPool(server.url, 2);
  try {
    const client = await pool.connect();
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    await query(server.url, `SELECT pg_terminate_backend(${rows[0]!.pid})`);
    // Before the fix the client emitted the error with nobody listening: an uncaught exception.
    await new Promise((r) => setTimeout(r, 200));
    await expect(client.query("SELECT 1")).rejects.toThrow();
    client.release(true);
    const next = await pool.query<{ one: number }>("SELECT 1 AS one");
    expect(next.rows[0]!.one).toBe(1);
  } finally {
    await pool.end();
  }
});
