import { classifySearch, type SearchInput } from './search-input';

/**
 * What the agent has typed in the lookup box, checked as they type: a personal identity
 * number (personnummer or samordningsnummer, 10 or 12 digits, with or without - or +),
 * a case reference, a name (search-input.ts) or a street address. The hub validates again;
 * this only spares a round trip.
 */
export type LookupInput =
  | SearchInput
  | { kind: 'empty' }
  | { kind: 'address'; address: string }
  | { kind: 'incomplete' }
  | { kind: 'invalid' }
  | {
      kind: 'personal-number';
      personalNumber: string;
      /** Samordningsnummer (day + 60): for people not registered in Sweden; named as such. */
      coordination: boolean;
    };

const SHAPE = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})$/;

export function classifyLookup(raw: string, today = new Date()): LookupInput {
  const input = raw.trim();
  if (!input) return { kind: 'empty' };
  if (!/^\d/.test(input)) return classifySearch(input) ?? { kind: 'address', address: input };
  const compact = input.replace(/\s+/g, '');
  if (!/^[\d+-]*$/.test(compact)) return { kind: 'invalid' };
  const digits = compact.replace(/[-+]/g, '');
  if (digits.length > 12) return { kind: 'invalid' };
  const match = SHAPE.exec(compact);
  if (!match) return digits.length < 12 ? { kind: 'incomplete' } : { kind: 'invalid' };
  const checked = check(match, today);
  // Ten digits that are not a valid 10-digit number may be the start of a 12-digit one.
  if (!checked && digits.length === 10 && !/[-+]/.test(compact) && /^(18|19|20)/.test(compact))
    return { kind: 'incomplete' };
  return checked ?? { kind: 'invalid' };
}

function check(match: RegExpExecArray, today: Date): LookupInput | null {
  const [, century, yy, mm, dd, separator, tail] = match;
  const fullYear = century ? Number(century + yy) : centuryFor(Number(yy), separator === '+', today);
  const day = Number(dd) > 60 ? Number(dd) - 60 : Number(dd); // samordningsnummer: day + 60
  if (!isDate(fullYear, Number(mm), day)) return null;
  if (!luhnValid(`${yy}${mm}${dd}${tail}`)) return null;
  return {
    kind: 'personal-number',
    personalNumber: `${fullYear}${mm}${dd}${tail}`,
    coordination: Number(dd) > 60,
  };
}

/** 10-digit form: the latest year not in the future, a hundred years earlier with '+'. */
function centuryFor(yy: number, plus: boolean, today: Date): number {
  const now = today.getFullYear();
  let year = now - ((((now - yy) % 100) + 100) % 100);
  if (plus) year -= 100;
  return year;
}

function isDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The check digit (kontrollsiffra): Luhn over the ten digits YYMMDDNNNC. */
export function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < tenDigits.length; i++) {
    let value = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  return sum % 10 === 0;
}
