import { z } from 'zod';
import { StatusState, apiPath, definePlugin, type StatusItemInput } from '@frontdoor/plugin-sdk';
import { buildingPermitsConfig } from './building-permits.config';
import { BuildingPermit } from './building-permits.types';
import {
  CASE_NUMBER,
  applicantCases,
  permitCase,
  type ApplicantCases,
  type PermitCase,
} from './permit-answer.schema';
import { permitStageCatalogue } from './permit-stage.catalogue';
import { isDecisionOverdue, statutoryDecisionDate } from './statutory-decision-date';

export function toBuildingPermit(permit: PermitCase, today: string): BuildingPermit {
  const { state, label } = permitStageCatalogue.lookup(permit.stage);
  const statutory = statutoryDecisionDate(permit.completeDate, permit.decisionExtended);
  return {
    caseNumber: permit.caseNumber,
    description: permit.description,
    propertyDesignation: permit.propertyDesignation,
    stage: permit.stage,
    state:
      permit.missingDocuments.length && state === StatusState.RECEIVED
        ? StatusState.WAITING_FOR_CUSTOMER
        : state,
    label: permit.missingDocuments.length && state === StatusState.RECEIVED ? 'Komplettering behövs' : label,
    receivedDate: permit.receivedDate,
    completeDate: permit.completeDate,
    statutoryDecisionDate: statutory,
    overdue: isDecisionOverdue(statutory, permit.decisionDate, today),
    decisionExtended: permit.decisionExtended,
    decisionDate: permit.decisionDate,
    decision: permit.decision,
    appealPeriodEnds: permit.appealPeriodEnds,
    missingDocuments: permit.missingDocuments,
    caseOfficer: permit.caseOfficer,
    updatedAt: new Date(permit.updatedAt),
  };
}

function nextStep(permit: BuildingPermit): string | undefined {
  if (permit.missingDocuments.length)
    return `Skicka in: ${permit.missingDocuments.map((d) => d.name.toLowerCase()).join(', ')}`;
  if (permit.overdue) return `Beslutet är försenat: skulle ha fattats senast ${permit.statutoryDecisionDate}`;
  if (permit.statutoryDecisionDate && !permit.decisionDate) {
    const weeks = permit.decisionExtended ? 20 : 10;
    return `Beslut senast ${permit.statutoryDecisionDate} (${weeks} veckor från komplett ansökan)`;
  }
  if (permit.appealPeriodEnds && permit.stage === 'APPEAL_PERIOD')
    return `Beslutet (${permit.decision === 'GRANTED' ? 'beviljat' : 'avslag'}) kan överklagas till och med ${permit.appealPeriodEnds}`;
  return undefined;
}

export function permitStatuses(answer: ApplicantCases | null, today: string): StatusItemInput[] {
  return (answer?.cases ?? []).map((raw) => {
    const permit = toBuildingPermit(raw, today);
    return {
      kind: 'building-permit',
      reference: permit.caseNumber,
      title: `Bygglov: ${permit.description}, ${permit.propertyDesignation}`,
      state: permit.state,
      label: permit.overdue ? `${permit.label} (försenat)` : permit.label,
      updatedAt: permit.updatedAt,
      dueDate: permit.decisionDate
        ? permit.stage === 'APPEAL_PERIOD'
          ? (permit.appealPeriodEnds ?? undefined)
          : undefined
        : (permit.statutoryDecisionDate ?? undefined),
      nextStep: nextStep(permit),
    };
  });
}

/** Building permits (bygglov): cases by applicant and by diarienummer, with the statutory decision date. */
export const buildingPermitsPlugin = definePlugin({
  id: 'building-permits',
  department: 'Bygglov',
  version: '1.0.0',
  sdk: '^4',
  config: buildingPermitsConfig,
  connection: { healthPath: 'api/v1/health' },
  person: {
    fetch: ({ http }, person) =>
      http.getJson(apiPath`api/v1/applicants/${person.personalNumber}/cases`, { notFoundMeansNone: true }),
    answer: applicantCases,
    statuses: permitStatuses,
    detail: {
      field: 'buildingPermits',
      description: 'The person’s building permit cases, as applicant.',
      type: () => [BuildingPermit],
      map: (answer, today) => (answer ? answer.cases.map((c) => toBuildingPermit(c, today)) : null),
      mandate: 1,
    },
    // A property designation (fastighetsbeteckning) says where the applicant lives or builds.
    whereabouts: ['cases.*.propertyDesignation'],
    // The case number (the status reference) names a case, not a place.
    placeIds: [],
  },
  queries: ({ defineQuery }) => [
    defineQuery({
      field: 'buildingPermit',
      description: 'A building permit case by its case number (diarienummer), e.g. "BN 2026-000123".',
      args: z.object({
        caseNumber: z
          .string()
          .trim()
          .toUpperCase()
          .regex(CASE_NUMBER, 'caseNumber: expected a diarienummer like BN 2026-000123'),
      }),
      type: () => BuildingPermit,
      fetch: ({ http }, args: { caseNumber: string }) =>
        http.getJson(apiPath`api/v1/cases/${args.caseNumber}`, { notFoundMeansNone: true }),
      answer: permitCase,
      map: (permit: PermitCase, today: string) => toBuildingPermit(permit, today),
      subjects: (permit: PermitCase) => [permit.applicantPersonalNumber],
      mandate: 1,
      whereabouts: ['propertyDesignation'],
      placeIds: [],
      // Found by case number: the case may be shown, its designation blanked.
      findsByPlace: false,
    }),
  ],
});
