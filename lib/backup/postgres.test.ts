import { describe, expect, it } from "vitest";
import { libpqConnection } from "@/lib/backup/postgres";

describe("libpqConnection", () => {
  it("keeps the password off the command line and drops Prisma's own URL settings", () => {
    const { url, env } = libpqConnection("postgresql://jsjb:p%40ss%20word@db.example:5433/jsjb?schema=public&connection_limit=5&sslmode=require");
    expect(url).toBe("postgresql://jsjb@db.example:5433/jsjb?sslmode=require");
    expect(env.PGPASSWORD).toBe("p@ss word");
  });

  it("leaves a URL without a password as it is", () => {
    const { url, env } = libpqConnection("postgres://app@127.0.0.1:5432/postgres");
    expect(url).toBe("postgres://app@127.0.0.1:5432/postgres");
    expect(env.PGPASSWORD).toBe(process.env.PGPASSWORD);
  });
});
