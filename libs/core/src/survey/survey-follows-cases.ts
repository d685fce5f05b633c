import type { CaseChange, CaseChangeScope, CaseChangeSubscriber } from '../cases/case-change';
import { CaseEventType } from '../cases/case-vocabulary';
import { SURVEY_INVITE_ATTEMPTS, SURVEY_INVITE_JOB, type SurveyInvitePayload } from './survey-invitations';

/**
 * Asks the citizen's verdict once per case: when it is resolved at the first line or closed.
 * Queued in the change's transaction (outbox); the job id names the case, so a case closed,
 * reopened and closed again is asked once.
 */
export class SurveyFollowsCases implements CaseChangeSubscriber {
  async onCaseChanged({ type, after }: CaseChange, { tx, outbox }: CaseChangeScope): Promise<void> {
    if (type !== CaseEventType.RESOLVED_AT_FIRST_LINE && type !== CaseEventType.CLOSED) return;
    // Queued even with no address on the case: the job finds the person's preference, or records why nobody was asked.
    const payload: SurveyInvitePayload = { caseId: after.id };
    await outbox.add(tx, SURVEY_INVITE_JOB, payload, {
      jobId: `${SURVEY_INVITE_JOB}:${after.id}`,
      attempts: SURVEY_INVITE_ATTEMPTS,
    });
  }
}
