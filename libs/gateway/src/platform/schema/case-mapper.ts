import {
  CaseStatus,
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

/**
 * The timeline as its reader may see it: staff see everything; a citizen sees the
 * parcel-tracking view, without internal events and without officers' names.
 */
export function toTimeline(events: CaseEvent[], forCitizen: boolean): CaseEventInfo[] {
  return events
    .filter((e) => !forCitizen || !e.internal)
    .map((e) => ({
      type: e.type as CaseEventInfo['type'],
      at: e.at,
      actorName: forCitizen ? null : e.actorName,
      // The first line's message to the group is for staff; the citizen sees that it was forwarded.
      message: forCitizen && e.type === 'FORWARDED' ? null : e.message,
      internal: e.internal,
    }));
}
