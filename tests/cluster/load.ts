// A steady intake load for the cluster test and bench:cluster: `connections` clients, each
// posting the sample ticket (bench/sample-ticket.ts) as soon as its last one was answered, for
// `durationMs`; `at.run` is called once after `at.ms` (kill a node, restart the database) while
// the load goes on. Every request's outcome is kept, to tell which ones were under way when.
import { SAMPLE_TICKET } from "../../bench/sample-ticket";

/** Whether the client was told its ticket was created: a 201 with the ticket's number. */
export const acknowledged = (o: Outcome) => o.no !== undefined;

export type Outcome = {
  start: number;
  end: number;
  /** The HTTP status, or 0 when the connection failed. */
  status: number;
  /**
   * The created ticket's number: set only when the whole 201 answer arrived. A node killed while
   * sending it leaves the client a 201 with a cut body — not an acknowledgement.
   */
  no?: string;
};

export type LoadOptions = { connections: number; durationMs: number; at?: { ms: number; run: () => Promise<void> } };

export async function intakeLoad(baseUrl: string, token: string, options: LoadOptions): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const startedAt = Date.now();
  const until = startedAt + options.durationMs;
  const body = JSON.stringify(SAMPLE_TICKET);
  const client = async () => {
    while (Date.now() < until) {
      const outcome: Outcome = { start: Date.now(), end: 0, status: 0 };
      try {
        const response = await fetch(`${baseUrl}/api/v1/tickets`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body,
          signal: AbortSignal.timeout(15_000),
        });
        outcome.status = response.status;
        const answer = (await response.json().catch(() => null)) as { no?: string } | null;
        if (response.status === 201 && answer?.no) outcome.no = answer.no;
      } catch {
        // status 0: no answer
      }
      outcome.end = Date.now();
      outcomes.push(outcome);
    }
  };
  const event = options.at
    ? new Promise<void>((resolve, reject) => setTimeout(() => options.at!.run().then(resolve, reject), options.at!.ms))
    : Promise.resolve();
  await Promise.all([...Array.from({ length: options.connections }, client), event]);
  return outcomes.sort((a, b) => a.start - b.start);
}
