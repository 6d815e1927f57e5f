// Limits and normal form of a complaint's text, one definition for every channel.

/** GeoReport v2 allows a description of up to 4,000 characters; the web form, the console, REST and imports take as much. */
export const MAX_CONTENT_CHARS = 4000;

/** Windows (CRLF) and old Mac (CR) line ends as LF: the same text whatever system the client runs. */
export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}
