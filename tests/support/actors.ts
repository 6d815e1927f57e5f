import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";

/** The seeded demo user as an Actor (integration tests). */
export async function actorOf(username: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  const actor = await loadActor(user.id);
  if (!actor) throw new Error(`${username} is not an active user`);
  return actor;
}

/** A Request carrying a fresh API token of the demo user, for calling route handlers directly. */
export async function requestAs(username: string, url: string, init: RequestInit = {}): Promise<Request> {
  const { issueApiToken } = await import("@/lib/dal/api-tokens");
  const token = await issueApiToken(username);
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${token}`);
  return new Request(new URL(url, "http://localhost"), { ...init, headers });
}
