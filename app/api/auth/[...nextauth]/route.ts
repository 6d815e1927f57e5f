import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { authSecret } from "@/lib/site-secret";

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth with the site's secret: configured, or the one every node reads from the database (read once). */
async function handler(request: Request, context: Context): Promise<Response> {
  return NextAuth({ ...authOptions, secret: await authSecret() })(request, context);
}
export { handler as GET, handler as POST };
