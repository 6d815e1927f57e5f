export function normaliseAddress(raw: string | undefined | null): string | null;
export function limitKeyOf(address: string): string;
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string;
export function settleForwardedHeaders(
  headers: Record<string, string | string[] | undefined>,
  socketAddress: string | undefined,
  trustedHops: number,
): void;
