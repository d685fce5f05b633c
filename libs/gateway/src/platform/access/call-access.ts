import type { CallContact } from '@frontdoor/core';
import type { Principal } from '../auth/principal';

/**
 * An agent sees the calls they answered; managers and admins every call. Shared by the
 * telephony API (a call by id) and the cases API (a case opened from a call), so it lives here.
 */
export function maySeeCall(principal: Principal, call: CallContact): boolean {
  return principal.role === 'manager' || principal.role === 'admin' || call.agentId === principal.subject;
}
