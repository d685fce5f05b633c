import type { ServiceCase } from './case.entities';
import { CaseStatus } from './case-vocabulary';

/** Job names the case chain's changes schedule. */
export const CASE_JOBS = {
  notifyGroup: 'case.notify-answer-group',
  slaAlarm: 'case.sla-alarm',
  wakeUp: 'case.wake-up',
} as const;

export interface SlaAlarmPayload {
  caseId: string;
  /** The due time the alarm was scheduled for: a re-forwarded case has a new one. */
  dueAt: string;
}

export interface WakeUpPayload {
  caseId: string;
  /** The wake-up time the job was scheduled for: parked again with a new date, this one is void. */
  wakeAt: string;
}

/** One alarm per due time: re-forwarding or reopening gives a new one. */
export function alarmJobId(serviceCase: Pick<ServiceCase, 'id' | 'dueAt'>): string {
  return `${CASE_JOBS.slaAlarm}:${serviceCase.id}:${serviceCase.dueAt!.getTime()}`;
}

/** One wake-up per wake-up time: parked again with another date, a new one. */
export function wakeJobId(serviceCase: Pick<ServiceCase, 'id' | 'wakeAt'>): string {
  return `${CASE_JOBS.wakeUp}:${serviceCase.id}:${serviceCase.wakeAt!.getTime()}`;
}

/** The alarm a case wants: one while it is with its group and has a due time. */
export function wantedAlarm(c: Pick<ServiceCase, 'id' | 'status' | 'dueAt'>): string | null {
  return c.status === CaseStatus.FORWARDED && c.dueAt ? alarmJobId(c) : null;
}

/** The wake-up a case wants: one while it waits for the citizen until a date. */
export function wantedWakeUp(c: Pick<ServiceCase, 'id' | 'status' | 'wakeAt'>): string | null {
  return c.status === CaseStatus.WAITING_FOR_CUSTOMER && c.wakeAt ? wakeJobId(c) : null;
}
