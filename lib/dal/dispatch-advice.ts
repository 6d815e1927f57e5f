import "server-only";
// 派单建议 (#14 item 4): what a dispatcher sees beside a PENDING ticket — the unit the classifier
// suggested when the ticket arrived (Ticket.suggestedUnitId, with the reason its ROUTING_FAILED
// event gave), and the model's reading of the category when it differs from the ticket's, so a
// wrong label is corrected while dispatching. Callers have authorised the reader for the tickets.
import { db } from "@/lib/db";
import { categoriesOf } from "@/lib/domain/classifier/model";
import { isSuggestion } from "@/lib/domain/event-text";
import { categoryName } from "@/lib/domain/routing";
import { logger } from "@/lib/logger";
import { activeModel } from "@/lib/dal/classifier/models";
import { reference } from "@/lib/dal/reference";

export type DispatchAdvice = {
  /** The unit to pre-select, with why; null when the classifier had no confident suggestion. */
  unit: { code: string; name: string; reason: string } | null;
  /** The model's category, only when it differs from the ticket's own. */
  category: { code: string; name: string; confidence: number } | null;
};

export type AdvisedTicket = { id: string; categoryCode: string; title: string; content: string; place: string | null; suggestedUnitId: string | null };

export const NO_ADVICE: DispatchAdvice = { unit: null, category: null };

/** Advice for each ticket, by id. Never fails a page: without a model there is only no opinion. */
export async function dispatchAdviceFor(tickets: readonly AdvisedTicket[]): Promise<Map<string, DispatchAdvice>> {
  const advice = new Map<string, DispatchAdvice>();
  if (!tickets.length) return advice;
  const [ref, reasons, model] = await Promise.all([
    reference(),
    suggestionReasons(tickets.filter((t) => t.suggestedUnitId).map((t) => t.id)),
    activeModel().catch((error: unknown) => {
      logger.warn({ err: error }, "classifier unavailable; PENDING tickets shown without its category opinion");
      return null;
    }),
  ]);
  for (const ticket of tickets) {
    const unit = ticket.suggestedUnitId ? ref.unitById.get(ticket.suggestedUnitId) : undefined;
    const best = model ? categoriesOf(model.model, ticket).categories[0] : undefined;
    advice.set(ticket.id, {
      unit: unit?.active ? { code: unit.code, name: unit.name, reason: reasons.get(ticket.id) ?? `智能建议派往${unit.name}` } : null,
      category:
        best && best.code !== ticket.categoryCode
          ? { code: best.code, name: categoryName(best.code), confidence: Math.round(best.confidence * 1000) / 1000 }
          : null,
    });
  }
  return advice;
}

/** The reason the latest ROUTING_FAILED event gave for its suggestion, by ticket id. */
async function suggestionReasons(ticketIds: string[]): Promise<Map<string, string>> {
  if (!ticketIds.length) return new Map();
  const events = await db.ticketEvent.findMany({
    where: { ticketId: { in: ticketIds }, type: "ROUTING_FAILED" },
    orderBy: { createdAt: "asc" },
    select: { ticketId: true, payload: true },
  });
  const reasons = new Map<string, string>();
  for (const event of events) {
    const { suggestion } = JSON.parse(event.payload) as { suggestion?: unknown };
    if (isSuggestion(suggestion)) reasons.set(event.ticketId, suggestion.reason);
  }
  return reasons;
}
