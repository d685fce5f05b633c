import {
  CaseStatus,
  citizenViewsOf,
  deadlineText,
  dueDateOf,
  stockholmDate,
  workingDaysLeftText,
  type CaseDirectory,
  type CaseEvent,
  type ServiceCase,
} from '@frontdoor/core';
import type { CaseEventInfo, CaseInfo } from './case.types';

export function toCaseInfo(serviceCase: ServiceCase, directory: CaseDirectory, now: Date): CaseInfo {
  const category = directory.categories.get(serviceCase.categoryId)!;
  const group = serviceCase.answerGroupId ? directory.groups.get(serviceCase.answerGroupId) : undefined;
  const dueDate = serviceCase.dueAt ? dueDateOf(serviceCase.dueAt) : null;
  const open = serviceCase.status !== CaseStatus.CLOSED;
  return {
    id: serviceCase.id,
    reference: serviceCase.reference,
    channel: serviceCase.channel as CaseInfo['channel'],
    category: {
      key: category.key,
      name: category.name,
      slaWorkingDays: category.slaWorkingDays,
      confidential: category.confidential,
    },
    status: serviceCase.status as CaseStatus,
    summary: serviceCase.summary,
    resolvedAtFirstLine: serviceCase.resolvedAtFirstLine,
    answerGroup: group ? { key: group.key, name: group.name, department: group.department } : null,
    assigneeSubject: serviceCase.assigneeSubject,
    assigneeName: serviceCase.assigneeName,
    version: serviceCase.version,
    dueAt: serviceCase.dueAt,
    dueDate,
    dueText: dueDate && deadlineText(dueDate),
    dueRemainingText: dueDate && open ? workingDaysLeftText(dueDate, stockholmDate(now)) : null,
    wakeDate:
      serviceCase.status === CaseStatus.WAITING_FOR_CUSTOMER && serviceCase.wakeAt
        ? stockholmDate(serviceCase.wakeAt)
        : null,
    overdue: serviceCase.status === CaseStatus.FORWARDED && !!serviceCase.dueAt && serviceCase.dueAt < now,
    resolution: serviceCase.resolution,
    createdAt: serviceCase.createdAt,
    closedAt: serviceCase.closedAt,
    partyId: serviceCase.partyId,
    stored: {
      phone: serviceCase.contactPhone,
      email: serviceCase.contactEmail,
      preferred: serviceCase.contactPreferred,
      registeredBy: serviceCase.registeredBy,
    },
  };
}

/** What a timeline's lines may name of the case as it is now (citizenViewsOf). */
export interface TimelinePresent {
  groupName: string | null;
  /** Only while the case waits for the citizen. */
  wakeDate: string | null;
}

/**
 * The timeline as its reader may see it. Staff see everything, and with each event what the
 * citizen sees of it (`citizenHeadline`, `citizenMessage`). A citizen sees the parcel-tracking
 * view: no internal events, no officers' names, and for `message` only text written for them
 * (never staff text: issue 23).
 */
export function toTimeline(
  events: CaseEvent[],
  forCitizen: boolean,
  present: TimelinePresent,
): CaseEventInfo[] {
  const views = citizenViewsOf(events, present);
  return events.flatMap((e, i) => {
    const view = views[i];
    if (forCitizen && !view) return [];
    return [
      {
        type: e.type as CaseEventInfo['type'],
        at: e.at,
        actorName: forCitizen ? null : e.actorName,
        message: forCitizen ? (view?.text ?? null) : e.message,
        internal: e.internal,
        citizenHeadline: view?.headline ?? null,
        citizenMessage: view?.text ?? null,
      },
    ];
  });
}

/** The present state the timeline's lines may name, from the case as presented. */
export function presentOf(info: Pick<CaseInfo, 'answerGroup' | 'wakeDate'>): TimelinePresent {
  return { groupName: info.answerGroup?.name ?? null, wakeDate: info.wakeDate };
}
