import type { MandateLevel, PersonDetailField, PersonSource } from './define-plugin';
import type { StatusItemInput } from './status-item';
import { whereaboutsValues } from './whereabouts';

type DeclaresSecrecy = Pick<
  PersonSource<unknown, unknown>,
  'detail' | 'details' | 'statusLevels' | 'secretFields'
>;

/** Every detail field a person source declares: the single `detail` and the `details` (SDK 4.2). */
export function detailFieldsOf(person: DeclaresSecrecy): PersonDetailField<unknown, unknown>[] {
  return [...(person.detail ? [person.detail] : []), ...(person.details ?? [])] as PersonDetailField<
    unknown,
    unknown
  >[];
}

/** The level a reader needs to see a status item of this kind: as declared in `statusLevels`, else 1. */
export function statusLevelOf(person: DeclaresSecrecy, kind: string): MandateLevel {
  return Object.hasOwn(person.statusLevels ?? {}, kind) ? person.statusLevels![kind] : 1;
}

/**
 * The items a reader holding `level` may see: the others are left out, not blanked, so the
 * reader does not learn that the matter exists.
 */
export function statusesVisibleAt<T extends Pick<StatusItemInput, 'kind'>>(
  person: DeclaresSecrecy,
  items: T[],
  level: number,
): T[] {
  return items.filter((item) => statusLevelOf(person, item.kind) <= level);
}

/** The texts of a status item a reader sees or hears: where a secret value must never be. */
export function statusTexts(item: StatusItemInput): string[] {
  return [item.title, item.label, item.nextStep, item.reference, item.action?.label].filter(
    (text): text is string => typeof text === 'string',
  );
}

/** Shorter values (a 0, a "ja") would be found in any text by chance; they say nothing alone. */
const SHORTEST_TELLING_VALUE = 3;

/**
 * How each value at the secret paths could be written in a text: as it is, and a number also
 * the Swedish way (5 400, with a space or a no-break space, and 5400,50).
 */
export function secretValueForms(answer: unknown, paths: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const value of whereaboutsValues(answer, paths)) {
    if (typeof value === 'string') forms.add(value);
    else if (typeof value === 'number' && Number.isFinite(value)) {
      forms.add(String(value));
      const swedish = value.toLocaleString('sv-SE');
      forms.add(swedish);
      forms.add(swedish.replace(/[\u00a0\u202f]/g, ' '));
    }
  }
  return [...forms].filter((form) => form.trim().length >= SHORTEST_TELLING_VALUE);
}
