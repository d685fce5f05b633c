import type { CaseChange, CaseChangeScope, CaseChangeSubscriber } from './case-change';
import { CASE_JOBS, wantedAlarm, wantedWakeUp, type SlaAlarmPayload, type WakeUpPayload } from './case-jobs';
import { CaseEventType } from './case-vocabulary';

/**
 * The case chain's own jobs, kept in step with each change in its transaction (through the
 * outbox, so each is sent once): the answer group's mail when a case is forwarded to it, the SLA
 * alarm at the due time while the group has the case, and the wake-up of a case waiting for the
 * citizen. A change that moves a due time or wake-up date calls off the old job and queues the
 * new one; one that ends it calls it off.
 */
export class CaseJobsFollowCases implements CaseChangeSubscriber {
  async onCaseChanged(change: CaseChange, { tx, outbox }: CaseChangeScope): Promise<void> {
    const { type, before, after, writer } = change;
    if (type === CaseEventType.FORWARDED) {
      const forwardedAt = after.forwardedAt!;
      await outbox.add(
        tx,
        CASE_JOBS.notifyGroup,
        { caseId: after.id, forwardedAt: forwardedAt.toISOString() },
        { jobId: `${CASE_JOBS.notifyGroup}:${after.id}:${forwardedAt.getTime()}` },
      );
    }
    const [alarmBefore, alarmAfter] = [before && wantedAlarm(before), wantedAlarm(after)];
    if (alarmBefore !== alarmAfter) {
      if (alarmBefore) await outbox.cancel(tx, alarmBefore);
      if (alarmAfter) {
        const payload: SlaAlarmPayload = { caseId: after.id, dueAt: after.dueAt!.toISOString() };
        await outbox.add(tx, CASE_JOBS.slaAlarm, payload, { jobId: alarmAfter, runAt: after.dueAt! });
      }
    }
    const [wakeBefore, wakeAfter] = [before && wantedWakeUp(before), wantedWakeUp(after)];
    if (wakeBefore !== wakeAfter) {
      // The wake-up job itself resumes the case (the hub acting): it is running, not called off.
      const wokenByItsJob = 'role' in writer && writer.role === 'hub';
      if (wakeBefore && !wokenByItsJob) await outbox.cancel(tx, wakeBefore);
      if (wakeAfter) {
        const payload: WakeUpPayload = { caseId: after.id, wakeAt: after.wakeAt!.toISOString() };
        await outbox.add(tx, CASE_JOBS.wakeUp, payload, { jobId: wakeAfter, runAt: after.wakeAt! });
      }
    }
  }
}
