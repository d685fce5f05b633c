/**
 * What the hub accepts as text from outside, on every surface (GraphQL, Open311, the
 * telephony webhook, the customer events): a bounded length and no control characters.
 * NUL is refused by PostgreSQL's text type (a 500 after the request was half done), and the
 * other C0 characters are never typed by a person; tab, line feed and carriage return are
 * allowed only where the text may have several lines. The table of limits per field is in
 * docs/errors.md ("Text input").
 */
export interface TextRule {
  /** At most this many characters (Unicode code points). */
  max: number;
  /** Tab, line feed and carriage return allowed (a summary, a note, an article body). */
  multiline?: boolean;
}

/** The hub's limits by kind of text. */
export const TEXT_LIMITS = {
  /** Keys, ids, names, search words: anything a person types on one line. */
  short: { max: 100 },
  /** Why a person is looked up (`purpose`), a street address, a title. */
  line: { max: 200 },
  /** A summary, a message, a reason, a resolution, a note, a reply, a question. */
  text: { max: 4000, multiline: true },
  /** A knowledge article's body. */
  article: { max: 20_000, multiline: true },
  /** RFC 5321's longest address (a forward-path of 256 octets less its angle brackets). */
  email: { max: 254 },
  /** A phone number as typed, with spaces, dashes and a country code. */
  phone: { max: 40 },
} as const satisfies Record<string, TextRule>;

const ANY_CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Why a text was refused: `reason` for `extensions.reason`, `message` to follow the field's name. */
export interface TextProblem {
  reason: 'TEXT_TOO_LONG' | 'CONTROL_CHARACTER';
  message: string;
}

/** Why `value` breaks `rule`; undefined when it does not. */
export function textProblem(value: string, rule: TextRule): TextProblem | undefined {
  // Code units bound code points from above: count code points only when it can matter.
  if (value.length > rule.max && codePoints(value, rule.max) > rule.max)
    return { reason: 'TEXT_TOO_LONG', message: `at most ${rule.max} characters.` };
  const control = (rule.multiline ? CONTROL_BUT_LINES : ANY_CONTROL).exec(value);
  if (control) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return {
      reason: 'CONTROL_CHARACTER',
      message: `a control character (${code}) is not text${rule.multiline ? '' : '; write it on one line'}.`,
    };
  }
  return undefined;
}

/** Counts code points, stopping once past `limit` (a 1 MB string is not walked to its end). */
function codePoints(value: string, limit: number): number {
  let count = 0;
  for (const _ of value) if (++count > limit) break;
  return count;
}
