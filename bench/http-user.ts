// A signed-in user of the production server for the page benchmark: next-auth's real credentials
// sign-in (csrf token, then the callback), then plain GETs with the session cookie,
// as a browser sends them (without compression: the figures are the HTML a page weighs).

export type HttpUser = {
  username: string;
  cookie: string;
  get: (path: string) => Promise<{ status: number; bytes: number; body: string }>;
};

/** The `name=value` pairs of a response's Set-Cookie headers, merged into `jar`. */
function keepCookies(response: Response, jar: Map<string, string>) {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const at = pair!.indexOf("=");
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

export async function signIn(origin: string, username: string, password: string): Promise<HttpUser> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  keepCookies(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
    redirect: "manual",
  });
  keepCookies(callback, jar);
  if (![...jar.keys()].some((name) => name.endsWith("session-token"))) throw new Error(`sign-in of ${username} failed (HTTP ${callback.status})`);
  const cookie = cookieHeader(jar);
  return {
    username,
    cookie,
    async get(path) {
      const response = await fetch(`${origin}${path}`, { headers: { cookie, "accept-encoding": "identity" }, redirect: "manual" });
      const body = await response.text();
      return { status: response.status, bytes: Buffer.byteLength(body), body };
    },
  };
}

/** An anonymous visitor (the public rates page). */
export function anonymous(origin: string): HttpUser["get"] {
  return async (path) => {
    const response = await fetch(`${origin}${path}`, { headers: { "accept-encoding": "identity" }, redirect: "manual" });
    const body = await response.text();
    return { status: response.status, bytes: Buffer.byteLength(body), body };
  };
}
