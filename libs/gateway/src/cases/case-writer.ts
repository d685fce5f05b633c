import { forbidden, type CaseWriter } from '@frontdoor/core';
import type { AccessPolicy } from '../platform/access/access-policy';
import type { Principal } from '../platform/auth/principal';
import { isStaff } from '../platform/auth/role-groups';

/**
 * The signed-in staff member as the case chain's write rule sees them: their role and every
 * answer group they belong to (token and setup). Citizens and service accounts write to cases
 * only through an e-service (EServiceIntake), never as a writer of their own.
 */
export function caseWriterOf(principal: Principal, policy: AccessPolicy): CaseWriter {
  if (!isStaff(principal.role)) throw forbidden('Only staff change cases.');
  return {
    subject: principal.subject,
    name: principal.name,
    role: principal.role as CaseWriter['role'],
    answerGroupKeys: policy.answerGroupsOf(principal),
  };
}
