import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  PersonReader,
  formatSwedishPhone,
  type CallContact,
  type CallEventInput,
  type HubEvents,
  type TelephonySettings,
} from '@frontdoor/core';
import { HUB_EVENTS } from '../platform/shared-state/shared-state.providers';
import { TELEPHONY_SETTINGS } from '../platform/config/telephony-settings';

/** What the answering agent's console is told: the call, the caller's number, the IVR's personal number. */
export interface CallOnScreen {
  callId: string;
  queueKey: string;
  queueName: string;
  /** E.164, or null when withheld. */
  from: string | null;
  /** As Swedes write it ("070-123 45 67"); null when withheld. */
  fromText: string | null;
  /** Keyed in the IVR and valid; the agent opens the person with it (audited then). */
  ivrPersonalNumber: string | null;
  agentId: string | null;
  outcome: string;
  offeredAt: string;
  answeredAt: string | null;
  /** When the call ended (hung up or transferred); null while it lasts. */
  endedAt: string | null;
  waitedSeconds: number | null;
}

/** Topics on the hub's event port (the agent's topic carries every change of their answered calls). */
export const callTopic = (agentSubject: string) => `call-answered:${agentSubject}`;
export const CONTACT_CENTER_TOPIC = 'contact-center';

export function callOnScreen(call: CallContact, settings: TelephonySettings): CallOnScreen {
  return {
    callId: call.callId,
    queueKey: call.queue,
    queueName: settings.queues[call.queue]?.name ?? call.queue,
    from: call.fromNumber,
    fromText: call.fromNumber ? formatSwedishPhone(call.fromNumber) : null,
    ivrPersonalNumber: call.ivrPersonalNumber,
    agentId: call.agentId,
    outcome: call.outcome,
    offeredAt: call.offeredAt.toISOString(),
    answeredAt: call.answeredAt?.toISOString() ?? null,
    endedAt: call.endedAt?.toISOString() ?? null,
    waitedSeconds: call.waitMs === null ? null : Math.round(call.waitMs / 1000),
  };
}

/**
 * What a recorded call event sets off: on OFFERED with a valid IVR personal number, the
 * departments are asked while the caller waits (the answers only wait in the cache; nothing
 * is shown or audited until an agent opens the person); on ANSWERED and every later event of an
 * answered call (ENDED, TRANSFERRED, ABANDONED), the answering agent's console is told (and only
 * theirs: the topic is the agent's), so it shows the call and knows when it is over (no contact
 * registered after that is linked to it); on every event, the managers'
 * live view. None of it holds up the platform's webhook, and none of its failures fail it.
 */
@Injectable()
export class CallNotifier {
  private readonly logger = new Logger('Telephony');
  private readonly prefetching = new Set<Promise<void>>();

  constructor(
    private readonly reader: PersonReader,
    @Inject(HUB_EVENTS) private readonly events: HubEvents,
    @Inject(TELEPHONY_SETTINGS) private readonly settings: TelephonySettings,
  ) {}

  /** Resolves when the departments asked ahead of answered calls have all answered (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.prefetching]);
  }

  async eventRecorded(event: CallEventInput, call: CallContact): Promise<void> {
    if (
      this.settings.prefetchOnOffer &&
      event.event === 'OFFERED' &&
      call.ivrPersonalNumber &&
      !call.answeredAt
    ) {
      const pending = this.reader
        .prefetch(call.ivrPersonalNumber)
        .finally(() => this.prefetching.delete(pending));
      this.prefetching.add(pending);
    }
    const notices: Promise<void>[] = [this.events.publish(CONTACT_CENTER_TOPIC, { callId: call.callId })];
    if (event.event !== 'OFFERED' && call.agentId)
      notices.push(this.events.publish(callTopic(call.agentId), callOnScreen(call, this.settings)));
    for (const result of await Promise.allSettled(notices))
      if (result.status === 'rejected')
        this.logger.warn(
          { callId: call.callId, reason: (result.reason as Error)?.message },
          'live notice of a call event not delivered',
        );
  }
}
