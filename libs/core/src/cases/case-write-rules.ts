import { forbidden } from '../errors';
import { belongsToGroup } from './case-setup';
import type { AnswerGroup, CaseCategory, ServiceCase } from './case.entities';

/** Who acts on a case: shown in its timeline by subject and display name. */
export interface CaseActor {
  subject: string;
  name?: string;
}

/**
 * Who writes, as the case chain decides access: the role from the verified token and every
 * answer group they belong to (token claims; membership in the setup is read from the group
 * itself). `hub` is Frontdoor acting on its own (a case waking up); `intake` an e-service or
 * Open311 client whose question becomes a case (it may only register and hand it to the
 * category's group, in one step: EServiceIntake).
 */
export interface CaseWriter extends CaseActor {
  role: 'agent' | 'case_officer' | 'manager' | 'admin' | 'hub' | 'intake';
  answerGroupKeys: readonly string[];
}

/** Every write to an existing case, by the verb the refusal names. */
export type CaseAction = 'note' | 'forward' | 'assign' | 'reply to' | 'close' | 'park' | 'resume' | 'reopen';

/** The first line: those who take every contact and work a case until it is forwarded. */
const FIRST_LINE_ROLES: ReadonlySet<CaseWriter['role']> = new Set(['agent', 'manager', 'admin']);

export interface CaseAsStored {
  serviceCase: Pick<ServiceCase, 'registeredBy' | 'answerGroupId'>;
  category: Pick<CaseCategory, 'confidential'>;
  /** The case's answer group, null while it is at the first line. */
  group: Pick<AnswerGroup, 'key' | 'name' | 'manager' | 'members'> | null;
}

/** Whether the writer belongs to the group: its members and manager in the setup, or a group their token names. */
export function writerBelongsTo(writer: CaseWriter, group: CaseAsStored['group']): boolean {
  return !!group && (belongsToGroup(group, writer.subject) || writer.answerGroupKeys.includes(group.key));
}

/**
 * The one rule for writing to a case, decided on the case as stored, inside the write's own
 * transaction, before anything is written (CaseService.change): a refusal leaves no row,
 * event, mail or job behind. GraphQL and the REST surfaces reach cases only through
 * CaseService, so they share it.
 *
 * 1. A confidential case (sekretessärende) is closed to everyone but its answer group and the
 *    agent who registered it; an outsider learns nothing more than the refusal.
 * 2. Forwarded (it has an answer group): the group owns it. Its members and manager, and
 *    admins, do everything, re-forwarding included. The agent who registered it may still add
 *    a note (the citizen called back with more); nobody else may touch it, so nobody pulls a
 *    case into their own group.
 * 3. At the first line (no group yet): agents, managers and admins work it, and whoever
 *    registered it; a case officer of some group has no part in it.
 */
export function decideCaseWrite(writer: CaseWriter, stored: CaseAsStored, action: CaseAction): void {
  if (writer.role === 'hub') return;
  const { serviceCase, category, group } = stored;
  const registrar = serviceCase.registeredBy === writer.subject;
  const inGroup = writerBelongsTo(writer, group);
  if (category.confidential && !registrar && !inGroup)
    throw forbidden('This is a confidential case (sekretessärende) of another answer group.');
  if (writer.role === 'intake') {
    // The e-service's own question, handed to its group in the same transaction it was made.
    if (action === 'forward' && registrar && !group) return;
    throw forbidden('An e-service may only hand its own new question to the category’s answer group.');
  }
  if (group) {
    if (writer.role === 'admin' || inGroup || (action === 'note' && registrar)) return;
    throw forbidden(`This case is with ${group.name}; only its members may ${action} it.`);
  }
  if (FIRST_LINE_ROLES.has(writer.role) || registrar) return;
  throw forbidden(`This case is at the first line (kundtjänst); only its agents may ${action} it.`);
}
