import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { bearerToken } from "@/lib/auth/api-token";
import { authOptions } from "@/lib/auth/options";
import { actorFromApiToken } from "@/lib/dal/api-tokens";
import { db } from "@/lib/db";
import { Unauthenticated } from "@/lib/errors";

/**
 * The caller of a page, server action or route handler: a Bearer API token if the request
 * carries one, else the session cookie. Null when neither identifies an active user.
 */
export async function currentActor(request?: Request): Promise<Actor | null> {
  const token = request ? bearerToken(request.headers.get("authorization")) : null;
  if (token) return actorFromApiToken(token);
  const session = await getServerSession(authOptions);
  return session?.user?.id ? loadActor(db, session.user.id) : null;
}

export async function requireActor(request?: Request): Promise<Actor> {
  const actor = await currentActor(request);
  if (!actor) throw new Unauthenticated();
  return actor;
}

/**
 * For pages: the signed-in actor, or a redirect to the sign-in page. (Layouts redirect too, but
 * they render in parallel with the page, so every page asks for itself.)
 */
export async function requirePageActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return actor;
}
