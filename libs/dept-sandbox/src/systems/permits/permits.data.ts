import { addDays } from '../../clock';

export type PermitStage = 'RECEIVED' | 'COMPLETE' | 'UNDER_REVIEW' | 'DECIDED' | 'APPEAL_PERIOD' | 'CLOSED';

/** A building permit case (bygglovsärende) as the permit system sends it. */
export interface PermitCase {
  caseNumber: string;
  applicantPersonalNumber: string;
  propertyDesignation: string;
  description: string;
  stage: PermitStage;
  receivedDate: string;
  completeDate: string | null;
  decisionExtended: boolean;
  decisionDate: string | null;
  decision: 'GRANTED' | 'REFUSED' | null;
  appealPeriodEnds: string | null;
  missingDocuments: { name: string; requestedDate: string }[];
  caseOfficer: { name: string; phone: string } | null;
  updatedAt: string;
}

export function seedPermitCases(today: string): PermitCase[] {
  const d = (days: number) => addDays(today, days);
  const officer = { name: 'Karin Lund', phone: '010-123 45 67' };
  return [
    {
      caseNumber: 'BN 2026-000123',
      applicantPersonalNumber: '199001012385',
      propertyDesignation: 'Sjöstaden 4:12',
      description: 'Nybyggnad av enbostadshus',
      stage: 'UNDER_REVIEW',
      receivedDate: d(-30),
      completeDate: d(-20),
      decisionExtended: false,
      decisionDate: null,
      decision: null,
      appealPeriodEnds: null,
      missingDocuments: [],
      caseOfficer: officer,
      updatedAt: `${d(-6)}T10:15:00Z`,
    },
    {
      caseNumber: 'BN 2026-000187',
      applicantPersonalNumber: '199001012385',
      propertyDesignation: 'Sjöstaden 4:12',
      description: 'Tillbyggnad av garage',
      stage: 'RECEIVED',
      receivedDate: d(-5),
      completeDate: null,
      decisionExtended: false,
      decisionDate: null,
      decision: null,
      appealPeriodEnds: null,
      missingDocuments: [
        { name: 'Situationsplan', requestedDate: d(-3) },
        { name: 'Fasadritningar', requestedDate: d(-3) },
      ],
      caseOfficer: null,
      updatedAt: `${d(-3)}T08:00:00Z`,
    },
    {
      caseNumber: 'BN 2026-000045',
      applicantPersonalNumber: '196408233234',
      propertyDesignation: 'Eken 2:7',
      description: 'Inglasning av altan',
      stage: 'UNDER_REVIEW',
      receivedDate: d(-100),
      completeDate: d(-90),
      decisionExtended: false,
      decisionDate: null,
      decision: null,
      appealPeriodEnds: null,
      missingDocuments: [],
      caseOfficer: { name: 'Per Ek', phone: '010-123 45 68' },
      updatedAt: `${d(-40)}T13:30:00Z`,
    },
    {
      caseNumber: 'BN 2026-000201',
      applicantPersonalNumber: '200002292399',
      propertyDesignation: 'Björken 5:3',
      description: 'Nybyggnad av friggebod',
      stage: 'RECEIVED',
      receivedDate: d(-4),
      completeDate: null,
      decisionExtended: false,
      decisionDate: null,
      decision: null,
      appealPeriodEnds: null,
      missingDocuments: [],
      caseOfficer: null,
      updatedAt: `${d(-4)}T11:00:00Z`,
    },
    {
      caseNumber: 'BN 2026-000078',
      applicantPersonalNumber: '190001019801',
      propertyDesignation: 'Gamla Byn 1:3',
      description: 'Rivning av förråd',
      stage: 'APPEAL_PERIOD',
      receivedDate: d(-75),
      completeDate: d(-60),
      decisionExtended: false,
      decisionDate: d(-10),
      decision: 'GRANTED',
      appealPeriodEnds: d(11),
      missingDocuments: [],
      caseOfficer: officer,
      updatedAt: `${d(-10)}T09:00:00Z`,
    },
  ];
}
