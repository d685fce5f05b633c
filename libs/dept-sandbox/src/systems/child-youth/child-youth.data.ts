import { addDays } from '../../clock';

/** The child's handläggare at Barn och unga. */
export interface CaseOfficer {
  officerId: string;
  name: string;
  phone: string;
  phoneHours: string;
}

export interface Investigation {
  investigationId: string;
  status: 'STARTED' | 'ONGOING' | 'EXTENDED' | 'CLOSED';
  startedOn: string;
  dueOn: string;
  closedOn: string | null;
  confidentialFromGuardians: boolean;
  updatedAt: string;
}

export interface Intervention {
  interventionId: string;
  kind: string;
  status: 'GRANTED' | 'ENDED' | 'REJECTED';
  decidedOn: string | null;
  validTo: string | null;
  provider: { placeId: string; name: string; street: string; postalCode: string; city: string } | null;
  decisionReason: string | null;
  confidentialFromGuardians: boolean;
  updatedAt: string;
}

export interface ChildRecord {
  personalNumber: string;
  caseOfficerId: string | null;
  investigations: Investigation[];
  interventions: Intervention[];
}

/** Four months on: the time an investigation of a child may take (SoL 11 kap. 2 §) unless extended. */
export function fourMonthsAfter(isoDate: string): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 4);
  return d.toISOString().slice(0, 10);
}

const at = (date: string) => `${date}T09:00:00+01:00`;

export const CASE_OFFICERS: CaseOfficer[] = [
  { officerId: 'HL-11', name: 'Lina Ek', phone: '0910-73 50 12', phoneHours: 'tisdag och torsdag 9–10' },
  { officerId: 'HL-12', name: 'Jonas Strand', phone: '0910-73 50 27', phoneHours: 'måndag–fredag 8.30–9.30' },
];

/**
 * Anna Andersson's children: Elsa (born 2017) has an ongoing investigation, a granted
 * kontaktperson and a kontaktfamilj (whose home is a whereabouts); Tilde (born 2024) has an
 * investigation marked "sekretess mot vårdnadshavare", which no guardian may hear of.
 */
export function seedChildYouth(today: string): Map<string, ChildRecord> {
  const elsaStarted = addDays(today, -40);
  const tildeStarted = addDays(today, -12);
  const children: ChildRecord[] = [
    {
      personalNumber: '201708142425',
      caseOfficerId: 'HL-11',
      investigations: [
        {
          investigationId: 'BOU-UTR-2041',
          status: 'ONGOING',
          startedOn: elsaStarted,
          dueOn: fourMonthsAfter(elsaStarted),
          closedOn: null,
          confidentialFromGuardians: false,
          updatedAt: at(addDays(today, -6)),
        },
      ],
      interventions: [
        {
          interventionId: 'BOU-INS-3310',
          kind: 'CONTACT_PERSON',
          status: 'GRANTED',
          decidedOn: addDays(today, -120),
          validTo: addDays(today, 245),
          provider: null,
          decisionReason: 'Elsa behöver en vuxen förebild utanför familjen och stöd i fritidsaktiviteter.',
          confidentialFromGuardians: false,
          updatedAt: at(addDays(today, -120)),
        },
        {
          interventionId: 'BOU-INS-3322',
          kind: 'CONTACT_FAMILY',
          status: 'GRANTED',
          decidedOn: addDays(today, -30),
          validTo: addDays(today, 150),
          provider: {
            placeId: 'KF-7781',
            name: 'Familjen Lindqvist',
            street: 'Björkvägen 14',
            postalCode: '931 41',
            city: 'Skellefteå',
          },
          decisionReason: 'Avlastning för vårdnadshavaren en helg i månaden under utredningstiden.',
          confidentialFromGuardians: false,
          updatedAt: at(addDays(today, -30)),
        },
      ],
    },
    {
      personalNumber: '202402292383',
      caseOfficerId: 'HL-12',
      investigations: [
        {
          investigationId: 'BOU-UTR-2077',
          status: 'STARTED',
          startedOn: tildeStarted,
          dueOn: fourMonthsAfter(tildeStarted),
          closedOn: null,
          confidentialFromGuardians: true,
          updatedAt: at(tildeStarted),
        },
      ],
      interventions: [],
    },
  ];
  return new Map(children.map((child) => [child.personalNumber, child]));
}
