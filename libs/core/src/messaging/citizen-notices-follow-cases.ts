import type { CaseChange, CaseChangeScope, CaseChangeSubscriber } from '../cases/case-change';
import { CaseEventType } from '../cases/case-vocabulary';
import {
  CITIZEN_NOTIFY_ATTEMPTS,
  CITIZEN_NOTIFY_JOB,
  type CitizenNotice,
  type CitizenNoticePayload,
} from './citizen-notifications';

/** The changes a citizen hears of (CitizenNotifications decides by their preference whether and where). */
const NOTICE_OF: Partial<Record<CaseEventType, CitizenNotice>> = {
  [CaseEventType.REPLIED]: 'ANSWERED',
  [CaseEventType.PARKED]: 'WAITING',
  [CaseEventType.CLOSED]: 'CLOSED',
};

/** Queues the citizen's notice of an answer, a wait or a closing, in the change's own transaction. */
export class CitizenNoticesFollowCases implements CaseChangeSubscriber {
  async onCaseChanged(
    { type, after, at, answeredDirectly }: CaseChange,
    { tx, outbox }: CaseChangeScope,
  ): Promise<void> {
    const notice = NOTICE_OF[type];
    // A case with nobody to tell queues nothing.
    if (!notice || answeredDirectly || (!after.partyId && !after.contactEmail && !after.contactPhone)) return;
    const payload: CitizenNoticePayload = { caseId: after.id, notice };
    await outbox.add(tx, CITIZEN_NOTIFY_JOB, payload, {
      jobId: `${CITIZEN_NOTIFY_JOB}:${after.id}:${notice}:${at.getTime()}`,
      attempts: CITIZEN_NOTIFY_ATTEMPTS,
    });
  }
}
