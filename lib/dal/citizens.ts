import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { Invalid } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseOrThrow } from "@/lib/validation/errors";
import { citizenRegistrationSchema } from "@/lib/validation/citizen";

/**
 * A citizen account (phone + password) for 我的诉求. Without SMS verification we do not attach
 * earlier tickets by phone number: an account sees the tickets submitted while signed in.
 */
export async function registerCitizen(raw: unknown): Promise<{ username: string }> {
  const input = parseOrThrow(citizenRegistrationSchema, raw);
  const taken = () => new Invalid([{ field: "phone", message: "该手机号已注册，请直接登录" }]);
  if (await db.user.findUnique({ where: { username: input.phone }, select: { id: true } })) throw taken();
  try {
    await db.user.create({
      data: {
        username: input.phone,
        displayName: input.name ?? `市民 ${input.phone.slice(0, 3)}****${input.phone.slice(-4)}`,
        phone: input.phone,
        role: "CITIZEN",
        passwordHash: await hashPassword(input.password),
      },
    });
  } catch (error) {
    // Two registrations of one number at the same moment: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw taken();
    throw error;
  }
  return { username: input.phone };
}
