const WHOLE = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const WITH_ORE = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An amount in öre as an agent reads it aloud: 125000 -> "1 250 kr", 12550 -> "125,50 kr". */
export function formatKronor(ore: number): string {
  const format = ore % 100 === 0 ? WHOLE : WITH_ORE;
  return `${format.format(ore / 100).replace(/\u00a0/g, ' ')} kr`;
}
