import Personnummer from 'personnummer';

// 10 or 12 digits with an optional - or + before the last four, standing alone.
const CANDIDATE = /(?<![\d-])(?:\d{2})?\d{6}[-+]?\d{4}(?![\d])/g;

/** The first valid personal identity number in a text, normalised to 12 digits; null when none. */
export function personalNumberIn(text: string): string | null {
  for (const match of text.matchAll(CANDIDATE)) {
    if (Personnummer.valid(match[0])) return Personnummer.parse(match[0]).format(true);
  }
  return null;
}

/** The text with every valid personal identity number masked to its date (19900101-****): for lists. */
export function maskPersonalNumbers(text: string): string {
  return text.replace(CANDIDATE, (candidate) =>
    Personnummer.valid(candidate)
      ? `${Personnummer.parse(candidate).format(true).slice(0, 8)}-****`
      : candidate,
  );
}
