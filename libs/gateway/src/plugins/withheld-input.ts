import { PROTECTED_TEXT } from '@frontdoor/plugin-sdk';

/**
 * The path (`input.propertyId`) of the first value in an action's input that is the blank a
 * reader without clearance was shown for a protected person, or null. Such an input can only
 * have come from a blanked answer: sent on, it would reach the department as a made-up id.
 */
export function withheldInputField(input: unknown, path = 'input'): string | null {
  if (input === PROTECTED_TEXT) return path;
  if (input === null || typeof input !== 'object') return null;
  for (const [key, value] of Object.entries(input)) {
    const found = withheldInputField(value, `${path}.${key}`);
    if (found) return found;
  }
  return null;
}
