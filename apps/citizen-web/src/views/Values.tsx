/**
 * Values a reader takes in at once and must never see broken across lines (a date, a reference,
 * an amount, a phone number) inside texts the hub and departments write: each becomes a
 * `.value` span (white-space: nowrap), and the line wraps around it instead.
 */
const VALUE = new RegExp(
  [
    String.raw`\d{4}-\d{2}-\d{2}`, // an ISO date
    // a date in words: 5 december 2026, 4 dec. 2026 14:05
    String.raw`\b\d{1,2} (?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zåäö]*\.?(?: \d{4})?(?:,? (?:kl\. )?\d{2}[:.]\d{2})?`,
    String.raw`\b[A-ZÅÄÖ]{1,5}[- ](?:\d{4}-)?[A-Z0-9]{3,}\b`, // FD-2026-4QFJ8E, FSK-2026-0412, BN 2026-000187, P-1001
    String.raw`\b\d{4}-\d{4,6}\b`, // an invoice number, 2026-10045
    String.raw`\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d{2})?[ \u00a0]kr\b`, // 1 750 kr, 125,50 kr
    String.raw`(?:\+46|\b0)\d{1,3}[- ]\d{2,3}(?: ?\d{2}){1,3}\b`, // 08-123 45 67
  ].join('|'),
  'g',
);

export function WithValues({ text }: { text: string }) {
  const parts: (string | { value: string })[] = [];
  let at = 0;
  for (const match of text.matchAll(VALUE)) {
    if (match.index > at) parts.push(text.slice(at, match.index));
    parts.push({ value: match[0] });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : (
          <span key={i} className="value">
            {part.value}
          </span>
        ),
      )}
    </>
  );
}
