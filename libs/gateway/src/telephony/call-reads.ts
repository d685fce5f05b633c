import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, PartyService, PersonReader } from '@frontdoor/core';
import { PROTECTED_TEXT } from '@frontdoor/plugin-sdk';
import { AccessPolicy } from '../platform/access/access-policy';
import { auditTrailOf, personScopeOf } from '../platform/request/person-access';
import type { RequestContext } from '../platform/request/request-context';
import type { CallOnScreen } from './call-notifier';

/**
 * A call as one reader may see it. A call whose caller keyed a personal number in the IVR
 * names that person: reading it is a read of the person (audited, the call id as purpose,
 * field group `call`), and for a protected person the personal number and the caller's
 * number are blanked like `case.contact` unless the reader is cleared. A call without one
 * names nobody the hub knows, so there is nothing to audit or to protect.
 */
@Injectable()
export class CallReads {
  constructor(
    private readonly parties: PartyService,
    private readonly policy: AccessPolicy,
    private readonly reader: PersonReader,
    private readonly audit: AuditService,
  ) {}

  /** For an HTTP read (`call`): recorded in the request's trail, which is written before the answer leaves. */
  async shown(ctx: RequestContext, call: CallOnScreen): Promise<CallOnScreen> {
    if (!call.ivrPersonalNumber) return call;
    const trail = auditTrailOf(ctx);
    trail.purpose ??= call.callId;
    const party = await this.parties.partyFor(call.ivrPersonalNumber);
    const scope = await personScopeOf(ctx, this.policy, call.ivrPersonalNumber, party.id);
    const person = await ctx.reads.open(call.ivrPersonalNumber, party.id, scope, trail, {
      prefetch: false,
      fieldGroup: 'call',
    });
    if (!person.redactWhereabouts) return call;
    return {
      ...call,
      from: call.from && PROTECTED_TEXT,
      fromText: call.fromText && PROTECTED_TEXT,
      ivrPersonalNumber: PROTECTED_TEXT,
    };
  }

  /**
   * For a call pushed over the socket (`myCalls`): no Apollo request ends there to write the
   * audit, so each push is a read of its own (fresh protection, its own request id) whose rows
   * are committed before it is pushed; if they cannot be, the push fails and shows nothing.
   */
  async pushed(ctx: RequestContext, call: CallOnScreen): Promise<CallOnScreen> {
    const push: RequestContext = {
      ...ctx,
      requestId: randomUUID(),
      reads: this.reader.forRequest(),
      readerScope: undefined,
      audit: undefined,
    };
    const shown = await this.shown(push, call);
    if (push.audit) await this.audit.write(push.audit);
    return shown;
  }
}
