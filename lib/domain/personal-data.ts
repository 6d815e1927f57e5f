// What a public view may show of a citizen's own words (Open311 reads without a key, DOMAIN.md §7):
// complaints are full of phone numbers, ID-card numbers and licence plates — the caller's, the
// neighbour's, the driver's they complain about. Each is masked where it stands, keeping enough to
// tell two apart in one text and the text readable.

const PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

/** A mainland mobile number, also written +86 139-0000-0003 or 139 0000 0003. */
const MOBILE = /(?<![\d+])(?:\+?86[\s-]?)?(1[3-9]\d(?:[\s-]?\d){8})(?!\d)/g;
/** A fixed-line number with its area code: 0635-8888888, 010 12345678, (0635)8888888. */
const LANDLINE = /(?<!\d)(\(?0\d{2,3}\)?)[\s-]?(\d{7,8})(?!\d)/g;
/** ID cards (18 characters, the last may be X; old ones 15 digits) and bank cards (16–19 digits); not a 14-digit ticket number. */
const LONG_NUMBER = /(?<![\dA-Za-z])(\d{14,18}[\dXx])(?![\dA-Za-z])/g;
/** A licence plate: province, issuing letter, then 5 (6 for new-energy) letters or digits, maybe with a dot. */
const PLATE = new RegExp(`([${PROVINCES}][A-HJ-NP-Za-hj-np-z])[·•\\s-]?([A-HJ-NP-Za-hj-np-z0-9]{4,5}[A-HJ-NP-Za-hj-np-z0-9挂学警港澳])(?![A-Za-z0-9])`, "g");

const stars = (n: number) => "*".repeat(n);

/** The text with every phone number, ID-card or bank-card number and licence plate masked. */
export function maskPersonalData(text: string): string {
  return text
    .replace(LONG_NUMBER, (run: string) => `${run.slice(0, 4)}${stars(run.length - 8)}${run.slice(-4)}`)
    .replace(MOBILE, (_match, number: string) => {
      const digits = number.replace(/\D/g, "");
      return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
    })
    .replace(LANDLINE, (_match, area: string, local: string) => `${area}-${stars(local.length - 2)}${local.slice(-2)}`)
    .replace(PLATE, (_match, issuer: string, rest: string) => `${issuer.toUpperCase()}${stars(rest.length - 2)}${rest.slice(-2).toUpperCase()}`);
}
