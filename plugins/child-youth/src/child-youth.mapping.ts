import type { StatusItemInput, StatusReader } from '@frontdoor/plugin-sdk';
import type {
  CaseOfficerAnswer,
  ChildYouthAnswer,
  InterventionAnswer,
  InvestigationAnswer,
} from './child-youth-answer.schema';
import {
  callbackStateLabel,
  interventionCatalogue,
  interventionKindLabel,
  interventionLabel,
  investigationCatalogue,
  investigationLabel,
} from './child-youth.catalogues';
import type { ChildYouth, ChildYouthDecisions } from './child-youth.types';

/** Status kinds; both need level 2 (`statusLevels`): that a child has a matter here is itself secret. */
export const INVESTIGATION = 'child-youth-investigation';
export const INTERVENTION = 'child-youth-intervention';

const STAFF: StatusReader = { kind: 'staff' };

/** "Handläggare Lina Ek, telefontid tisdag och torsdag 9–10, 0910-73 50 12": what a caller most often needs. */
export function officerLine(officer: CaseOfficerAnswer | null, reader: StatusReader): string | undefined {
  if (!officer) return undefined;
  const whose = reader.kind === 'citizen' ? 'Din handläggare' : 'Handläggare';
  return `${whose} ${officer.name}, telefontid ${officer.phoneHours}, ${officer.phone}`;
}

const sentence = (...parts: (string | undefined)[]) =>
  parts.filter((part): part is string => !!part).join('. ') || undefined;

function investigationNextStep(
  investigation: InvestigationAnswer,
  officer: CaseOfficerAnswer | null,
  reader: StatusReader,
): string | undefined {
  if (investigation.status === 'CLOSED')
    return investigation.closedOn ? `Avslutad ${investigation.closedOn}` : undefined;
  const due =
    investigation.status === 'EXTENDED'
      ? `Förlängd, ska vara klar senast ${investigation.dueOn}`
      : `Ska vara klar senast ${investigation.dueOn}`;
  return sentence(due, officerLine(officer, reader));
}

function interventionNextStep(
  intervention: InterventionAnswer,
  officer: CaseOfficerAnswer | null,
  reader: StatusReader,
): string | undefined {
  switch (intervention.status) {
    case 'GRANTED':
      return sentence(
        intervention.validTo ? `Gäller till ${intervention.validTo}` : undefined,
        officerLine(officer, reader),
      );
    case 'REJECTED':
      if (reader.kind === 'staff')
        return intervention.decidedOn ? `Beslut ${intervention.decidedOn}` : undefined;
      return reader.kind === 'citizen'
        ? 'Du kan överklaga beslutet inom tre veckor från den dag du fick det'
        : 'Beslutet kan överklagas inom tre veckor från den dag det togs emot';
    case 'ENDED':
      return intervention.validTo ? `Upphörde ${intervention.validTo}` : undefined;
    default:
      return undefined;
  }
}

/**
 * One status per investigation and per support, worded for its reader. Never a provider's
 * name or address (where the child stays) and never a decision's grounds (level 4).
 */
export function childYouthStatuses(
  answer: ChildYouthAnswer | null,
  _today: string,
  reader: StatusReader = STAFF,
): StatusItemInput[] {
  if (!answer) return [];
  const officer = answer.caseOfficer;
  const investigations = answer.investigations.map((investigation): StatusItemInput => {
    const nextStep = investigationNextStep(investigation, officer, reader);
    return {
      kind: INVESTIGATION,
      reference: investigation.investigationId,
      title: 'Utredning, Barn och unga',
      state: investigationCatalogue.lookup(investigation.status).state,
      label: investigationLabel(investigation.status, reader),
      updatedAt: new Date(investigation.updatedAt),
      ...(investigation.status !== 'CLOSED' ? { dueDate: investigation.dueOn } : {}),
      ...(nextStep ? { nextStep } : {}),
    };
  });
  const interventions = answer.interventions.map((intervention): StatusItemInput => {
    const nextStep = interventionNextStep(intervention, officer, reader);
    return {
      kind: INTERVENTION,
      reference: intervention.interventionId,
      title: interventionKindLabel(intervention.kind),
      state: interventionCatalogue.lookup(intervention.status).state,
      label: interventionLabel(intervention.status, reader),
      updatedAt: new Date(intervention.updatedAt),
      ...(nextStep ? { nextStep } : {}),
    };
  });
  return [...investigations, ...interventions];
}

/** The `childYouth` detail (level 2): the matters, the case officer and the callbacks asked for. */
export function childYouthDetail(answer: ChildYouthAnswer | null): ChildYouth | null {
  if (!answer) return null;
  return {
    caseOfficer: answer.caseOfficer
      ? {
          name: answer.caseOfficer.name,
          phone: answer.caseOfficer.phone,
          phoneHours: answer.caseOfficer.phoneHours,
        }
      : null,
    investigations: answer.investigations.map((investigation) => {
      const { state, label } = investigationCatalogue.lookup(investigation.status);
      return {
        investigationId: investigation.investigationId,
        statusCode: investigation.status,
        state,
        label,
        startedOn: investigation.startedOn,
        dueOn: investigation.dueOn,
        closedOn: investigation.closedOn,
      };
    }),
    interventions: answer.interventions.map((intervention) => {
      const { state, label } = interventionCatalogue.lookup(intervention.status);
      return {
        interventionId: intervention.interventionId,
        kind: intervention.kind,
        kindLabel: interventionKindLabel(intervention.kind),
        statusCode: intervention.status,
        state,
        label,
        decidedOn: intervention.decidedOn,
        validTo: intervention.validTo,
      };
    }),
    callbackRequests: [...answer.callbackRequests]
      .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
      .map((request) => ({
        requestId: request.requestId,
        callbackNumber: request.callbackNumber,
        message: request.message,
        receivedAt: new Date(request.receivedAt),
        stateLabel: callbackStateLabel(request.status),
      })),
  };
}

/** The `childYouthDecisions` detail (level 4): each decision's grounds and who carries it out. */
export function childYouthDecisions(answer: ChildYouthAnswer | null): ChildYouthDecisions | null {
  if (!answer) return null;
  return {
    decisions: answer.interventions.map((intervention) => ({
      interventionId: intervention.interventionId,
      kindLabel: interventionKindLabel(intervention.kind),
      label: interventionCatalogue.lookup(intervention.status).label,
      decidedOn: intervention.decidedOn,
      decisionReason: intervention.decisionReason,
      provider: intervention.provider
        ? {
            name: intervention.provider.name,
            street: intervention.provider.street,
            postalCode: intervention.provider.postalCode,
            city: intervention.provider.city,
          }
        : null,
    })),
  };
}

/** Said to the agent when the child's matters are closed to guardians; nothing of what they are. */
export const CLOSED_TO_GUARDIANS_REASON =
  'Sekretess mot vårdnadshavare: uppgifterna lämnas inte ut till den som företräder barnet. Hänvisa till Barn och unga, som gör sin egen prövning.';

/**
 * Whether the child's matters are closed to whoever reads on a representation (OSL 12 kap.
 * 3 § andra stycket): any matter so marked closes the department, since the others would lead
 * to it (the same officer, the same dates).
 */
export function closedToGuardians(answer: ChildYouthAnswer): string | undefined {
  const marked = [...answer.investigations, ...answer.interventions].some((m) => m.confidentialFromGuardians);
  return marked ? CLOSED_TO_GUARDIANS_REASON : undefined;
}
