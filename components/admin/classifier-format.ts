// Figures of the classifier pages: shares as percentages with one decimal, "—" for nothing measured.
import { formatShare } from "@/lib/format";

export function share(part: number, whole: number): string {
  return whole > 0 ? formatShare(part / whole) : "—";
}

export const percent = formatShare;
