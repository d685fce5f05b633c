import type { CustodyRelations } from '@frontdoor/plugin-sdk';
import type { RegisterAnswer } from './register-answer.schema';

/**
 * Custody as the register records it (vårdnad, FB 6 kap.): the person's vårdnadshavare
 * (relation `V`) and the children in their custody (`B`). Nothing is known of someone
 * the register has no record of.
 */
export function custodyRelations(answer: RegisterAnswer | null): CustodyRelations {
  const relations = answer?.relations ?? [];
  const of = (type: string) => relations.filter((r) => r.type === type).map((r) => r.personalNumber);
  return { guardians: of('V'), children: of('B') };
}
