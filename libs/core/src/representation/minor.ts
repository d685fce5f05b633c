import Personnummer from 'personnummer';

/** The age of majority in Sweden (FB 9 kap. 1 §): custody ends on the 18th birthday. */
export const AGE_OF_MAJORITY = 18;

/**
 * Whether the person is a minor on the Stockholm calendar date `today` (YYYY-MM-DD), by the
 * birth date in their personal or coordination number (day + 60). From the 18th birthday on,
 * they are not: a guardian's reach ends that day. An unreadable number is never a minor.
 */
export function isMinorOn(personalNumber: string, today: string): boolean {
  let parsed: Personnummer;
  try {
    parsed = Personnummer.parse(personalNumber);
  } catch {
    return false;
  }
  const day = Number(parsed.day) > 60 ? Number(parsed.day) - 60 : Number(parsed.day);
  const coming = `${Number(parsed.fullYear) + AGE_OF_MAJORITY}-${parsed.month}-${String(day).padStart(2, '0')}`;
  return today < coming;
}
