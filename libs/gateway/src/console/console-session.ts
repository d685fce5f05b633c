import { AccessPolicy } from '../platform/access/access-policy';
import type { Principal } from '../platform/auth/principal';

/** Who a signed-in member of staff is, for the console: name, role and answer groups. */
export interface ConsoleSessionAnswer {
  subject: string;
  name: string;
  role: Principal['role'];
  answerGroups: { key: string; name: string; department: string }[];
}

/**
 * The console's session: who the verified caller is, with the answer groups the hub (not the
 * browser) gives them, named as the case setup names them.
 */
export class ConsoleSession {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly answerGroups: { key: string; name: string; department: string }[],
  ) {}

  of(principal: Principal): ConsoleSessionAnswer {
    const groups = this.policy.answerGroupsOf(principal);
    return {
      subject: principal.subject,
      name: principal.name ?? principal.subject,
      role: principal.role,
      answerGroups: this.answerGroups.filter((g) => groups.includes(g.key)),
    };
  }
}
