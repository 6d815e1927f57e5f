// Issue 13 item 14: a field of the citizen form is checked again as it changes, so a message
// the server gave disappears once the field is fixed (and changes if it is wrong another way).
// The same schema as the server (ticketInputSchema): the form can never accept what it refuses.
import type { FieldError } from "@/lib/errors";
import { complaintFields } from "@/lib/validation/complaint-form";
import { fieldErrors } from "@/lib/validation/errors";
import { ticketInputSchema } from "@/lib/validation/ticket-input";

const fieldOf = (error: FieldError) => error.field.split(".")[0];

/**
 * The form's errors after `field` changed: that field's messages replaced by a fresh check of
 * the whole form, every other field's left as the server gave them (the citizen has not touched
 * those yet). Photos are checked on the server only: choosing again drops their messages.
 */
export function recheckField(errors: FieldError[], field: string, formData: FormData): FieldError[] {
  const others = errors.filter((e) => fieldOf(e) !== field);
  if (field === "photos") return others;
  const parsed = ticketInputSchema.safeParse(complaintFields(formData));
  const fresh = parsed.success ? [] : fieldErrors(parsed.error).filter((e) => fieldOf(e) === field);
  return [...others, ...fresh];
}
