import "server-only";
// The body of the 催办 / 补充 server actions, shared by 我的诉求 and the tracking page: public
// writes, so limited per address (as intake and tracking are); photos checked and re-encoded as
// intake's are, every problem at once.
import { headers } from "next/headers";
import { supplementTicket, type FollowUpBy } from "@/lib/dal/follow-ups";
import { Invalid } from "@/lib/errors";
import { clientIp, limitFollowUpByIp } from "@/lib/rate-limit";
import { formPhotos } from "@/lib/uploads/form-photos";
import { checkPhotos, processPhotos } from "@/lib/uploads/photos";
import { fieldErrors } from "@/lib/validation/errors";
import { supplementSchema } from "@/lib/validation/follow-up";

/** The caller's address, once limited for a follow-up. */
export async function followUpClient(): Promise<string> {
  const ip = clientIp(await headers());
  await limitFollowUpByIp(ip);
  return ip;
}

export async function supplementFromForm(by: FollowUpBy, formData: FormData): Promise<{ no: string }> {
  const raw = { text: formData.get("text") ?? undefined };
  const files = await formPhotos(formData);
  const parsed = supplementSchema.safeParse(raw);
  const errors = [...(parsed.success ? [] : fieldErrors(parsed.error)), ...checkPhotos(files)];
  if (errors.length) throw new Invalid(errors);
  return supplementTicket(by, raw, await processPhotos(files));
}
