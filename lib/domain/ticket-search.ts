// How staff find tickets by what they type (workbench search box, GET /api/v1/tickets?q=): one
// rule for both.

/** All digits and long enough to be a ticket number or a phone: an exact look-up (indexed). */
const EXACT_LOOKUP = /^\d{7,20}$/;

/** A number or a phone, looked up exactly, as opposed to a search in the words. */
export const isExactLookup = (q: string): boolean => EXACT_LOOKUP.test(q);

/**
 * A search in the words (title, place; the API also the content) reads the scope's newest tickets
 * only, this many (within the 受理日期 range, if one is set): a word that matches nothing otherwise
 * read a brigade's whole archive — 2.5 million tickets, 2 s on PostgreSQL and 2–50 s on SQLite at
 * 10,000,000 tickets, where the query also holds the node's event loop. Older tickets are found
 * by narrowing the 受理日期, or exactly by number or phone (indexed, never bounded).
 */
export const TEXT_SEARCH_WINDOW = 20_000;
