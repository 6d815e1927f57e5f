import type { z } from "zod";
import { Invalid, type FieldError } from "@/lib/errors";

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.join(".") || "_",
    message: issue.message,
  }));
}

/** Parses input with a schema or throws Invalid carrying every field's Chinese message. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new Invalid(fieldErrors(result.error));
  return result.data;
}
