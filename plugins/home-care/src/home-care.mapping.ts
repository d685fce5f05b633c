import type { StatusItemInput, StatusReader } from '@frontdoor/plugin-sdk';
import type {
  HomeCareAnswer,
  HomeCareChangeRequestAnswer,
  HomeCareDecisionAnswer,
  HomeCareTeamAnswer,
  HomeCareVisitAnswer,
} from './home-care-answer.schema';
import {
  changeKindLabel,
  changeStateLabel,
  decisionLabel,
  homeCareDecisionCatalogue,
  serviceLabel,
} from './home-care.catalogues';
import type { HomeCare, HomeCareChangeRequest, HomeCareTeam, HomeCareVisit } from './home-care.types';
import { visitWindow } from './visit-window';

const STAFF: StatusReader = { kind: 'staff' };
const MAX_NEXT_VISITS = 6;

const dateOf = (moment: string | null) => moment?.slice(0, 10);

function teamOf(answer: HomeCareAnswer, teamId: string | null): HomeCareTeamAnswer | undefined {
  return teamId ? answer.teams.find((t) => t.teamId === teamId) : undefined;
}

/** Planned visits from today on, soonest first. */
function upcoming(answer: HomeCareAnswer, today: string): HomeCareVisitAnswer[] {
  return answer.visits.visits
    .filter((v) => v.status === 'PLANNED' && v.date >= today)
    .sort((a, b) => `${a.date}${a.from}`.localeCompare(`${b.date}${b.from}`));
}

/**
 * The next visit, said aloud. The hub gives the date, not the time of day, so today's visits are
 * all named (one of them may have been): "Besök i dag kl. 08.00–08.45 och 12.00–12.30".
 */
function comingVisits(visits: HomeCareVisitAnswer[], today: string): string {
  const todays = visits.filter((v) => v.date === today);
  if (todays.length) {
    const windows = todays.map((v) => `${v.from}–${v.to}`.replaceAll(':', '.'));
    const last = windows.pop()!;
    return `Besök i dag kl. ${windows.length ? `${windows.join(', ')} och ${last}` : last}`;
  }
  const next = visits[0];
  return next
    ? `Nästa besök ${visitWindow(next.date, next.from, next.to)}`
    : 'Inga planerade besök de närmaste två veckorna';
}

/**
 * What happens next, worded for the reader. The person (and whoever acts for them) hears the
 * next visit and how to reach the team; staff read the state here and the visits in the
 * `homeCare` detail, which needs a higher level than the status.
 */
function nextStepFor(
  decision: HomeCareDecisionAnswer,
  answer: HomeCareAnswer,
  today: string,
  reader: StatusReader,
): string | undefined {
  const staff = reader.kind === 'staff';
  switch (decision.status) {
    case 'RECEIVED':
    case 'INVESTIGATING':
      if (staff) return `Ansökan inkom ${dateOf(decision.receivedAt)}; biståndshandläggaren utreder`;
      return reader.kind === 'citizen'
        ? 'En biståndshandläggare kontaktar dig och bokar ett hembesök'
        : 'En biståndshandläggare kontaktar den sökande och bokar ett hembesök';
    case 'GRANTED': {
      if (staff) return decision.validFrom ? `Gäller från ${decision.validFrom}` : undefined;
      const team = teamOf(answer, decision.teamId);
      const visit = comingVisits(upcoming(answer, today), today);
      return team ? `${visit}. Hemtjänstgruppen: ${team.name}, ${team.phone}` : visit;
    }
    case 'REJECTED':
      if (staff) return decision.decidedAt ? `Beslut ${dateOf(decision.decidedAt)}` : undefined;
      return reader.kind === 'citizen'
        ? 'Du kan överklaga beslutet inom tre veckor från den dag du fick det'
        : 'Beslutet kan överklagas inom tre veckor från den dag det togs emot';
    case 'ENDED':
      return decision.validTo ? `Upphörde ${decision.validTo}` : undefined;
    default:
      return undefined;
  }
}

/** One status item per decision or application, worded for its reader (SDK 4.1). */
export function homeCareStatuses(
  answer: HomeCareAnswer | null,
  today: string,
  reader: StatusReader = STAFF,
): StatusItemInput[] {
  if (!answer) return [];
  return answer.client.decisions.map((decision) => {
    const { state } = homeCareDecisionCatalogue.lookup(decision.status);
    const applying = decision.status === 'RECEIVED' || decision.status === 'INVESTIGATING';
    const nextStep = nextStepFor(decision, answer, today, reader);
    return {
      kind: 'home-care-decision',
      reference: decision.decisionId,
      title: applying ? 'Ansökan om hemtjänst' : 'Hemtjänst',
      state,
      label: decisionLabel(decision.status, reader),
      updatedAt: new Date(decision.updatedAt),
      ...(nextStep ? { nextStep } : {}),
    };
  });
}

const services = (codes: string[]) => codes.map((code) => ({ code, label: serviceLabel(code) }));
const teamView = (team: HomeCareTeamAnswer | undefined): HomeCareTeam | null =>
  team ? { name: team.name, phone: team.phone } : null;

/** A change request in a sentence, with the visit's window when the visit is still planned. */
export function changeSummary(
  request: Pick<
    HomeCareChangeRequestAnswer,
    'kind' | 'visitId' | 'wishedFrom' | 'wishedTo' | 'pauseFrom' | 'pauseTo'
  >,
  visits: HomeCareVisitAnswer[] = [],
): string {
  const visit = visits.find((v) => v.visitId === request.visitId);
  const which = visit
    ? `Besöket ${visitWindow(visit.date, visit.from, visit.to)}`
    : `Besök ${request.visitId}`;
  switch (request.kind) {
    case 'CHANGE_VISIT_TIME':
      return `${which} önskas kl. ${request.wishedFrom?.replace(':', '.')}–${request.wishedTo?.replace(':', '.')}`;
    case 'CANCEL_VISIT':
      return `${which} avbokas`;
    case 'PAUSE_VISITS':
      return `Inga besök ${request.pauseFrom}–${request.pauseTo}`;
    default:
      return changeKindLabel(request.kind);
  }
}

function changeRequestView(
  request: HomeCareChangeRequestAnswer,
  answer: HomeCareAnswer,
): HomeCareChangeRequest {
  return {
    requestId: request.requestId,
    kind: request.kind,
    kindLabel: changeKindLabel(request.kind),
    summary: changeSummary(request, answer.visits.visits),
    message: request.message,
    receivedAt: new Date(request.receivedAt),
    stateLabel: changeStateLabel(request.status),
  };
}

/** The `homeCare` detail: decisions with their services, the next visits, the team and change requests. */
export function homeCareDetail(answer: HomeCareAnswer | null, today: string): HomeCare | null {
  if (!answer) return null;
  const nextVisits: HomeCareVisit[] = upcoming(answer, today)
    .slice(0, MAX_NEXT_VISITS)
    .map((visit) => ({
      visitId: visit.visitId,
      date: visit.date,
      from: visit.from,
      to: visit.to,
      window: visitWindow(visit.date, visit.from, visit.to),
      services: services(visit.services),
      team: teamView(teamOf(answer, visit.teamId)),
    }));
  const inForce = answer.client.decisions.find((d) => d.status === 'GRANTED');
  return {
    decisions: answer.client.decisions.map((decision) => {
      const { state, label } = homeCareDecisionCatalogue.lookup(decision.status);
      return {
        decisionId: decision.decisionId,
        statusCode: decision.status,
        state,
        label,
        receivedAt: new Date(decision.receivedAt),
        decidedAt: decision.decidedAt ? new Date(decision.decidedAt) : null,
        validFrom: decision.validFrom,
        validTo: decision.validTo,
        services: services(decision.services),
        team: teamView(teamOf(answer, decision.teamId)),
      };
    }),
    nextVisits,
    team: teamView(teamOf(answer, inForce?.teamId ?? null)),
    changeRequests: [...answer.client.changeRequests]
      .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
      .map((request) => changeRequestView(request, answer)),
  };
}
