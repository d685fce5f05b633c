import Personnummer from 'personnummer';
import { badUserInput } from '../errors';

/** A personal identity number (personnummer) or coordination number (samordningsnummer), normalised. */
export interface PersonalNumber {
  /** 12 digits, no separator: YYYYMMDDNNNC. The one form stored and sent to plugins. */
  value: string;
  isCoordinationNumber: boolean;
}

const ACCEPTED_SHAPE = /^(\d{2})?\d{6}[-+]?\d{4}$/;

/**
 * Validates and normalises what an agent typed or a citizen's e-ID carries: 10 or 12
 * digits, with `-`, `+` (100 years or older) or no separator; coordination numbers
 * (day + 60) accepted. Anything else is BAD_USER_INPUT saying what is wrong.
 */
export function parsePersonalNumber(input: string, field = 'personalNumber'): PersonalNumber {
  // Echo at most a little of what was given: the message must stay readable (and small) whatever arrives.
  const shown = input.length > 20 ? `${input.slice(0, 20)}…` : input;
  const trimmed = input.trim().replace(/\s+/g, '');
  if (!ACCEPTED_SHAPE.test(trimmed)) {
    throw badUserInput(
      `"${shown}" is not a personal identity number: expected 10 or 12 digits, e.g. 19900101-2385 or 900101-2385.`,
      field,
    );
  }
  let parsed: Personnummer;
  try {
    parsed = Personnummer.parse(trimmed);
  } catch {
    throw badUserInput(
      `"${shown}" is not a valid personal identity number: the date or the check digit is wrong.`,
      field,
    );
  }
  return { value: parsed.format(true), isCoordinationNumber: parsed.isCoordinationNumber() };
}

/** True when the two inputs name the same person (both must be valid). */
export function samePerson(a: string, b: string): boolean {
  try {
    return parsePersonalNumber(a).value === parsePersonalNumber(b).value;
  } catch {
    return false;
  }
}
