import { addDays } from '../../clock';

/** The municipality's e-service for income support, where the applicant sends documents. */
const E_SERVICE = 'https://e-tjanster.exempelstad.se/forsorjningsstod';

/**
 * The income-support system's own vocabulary (ekonomiskt bistånd): an application per month,
 * received, investigated, waiting for documents, decided, paid.
 */
export type IncomeSupportApplicationState =
  'RECEIVED' | 'INVESTIGATING' | 'SUPPLEMENT_REQUESTED' | 'DECIDED' | 'PAID';

export interface IncomeSupportApplication {
  applicationId: string;
  /** The month applied for, YYYY-MM. */
  period: string;
  receivedAt: string;
  updatedAt: string;
  state: IncomeSupportApplicationState;
  /** Documents the social worker asked for (komplettering), with the day they are needed by. */
  missingDocuments: { documentType: string; description: string; requestedBy: string }[];
  decision: {
    decidedAt: string;
    outcome: 'GRANTED' | 'PARTLY_GRANTED' | 'REJECTED';
    /** The decided amount for the month, in whole kronor. */
    amountSek: number;
  } | null;
  payment: { plannedDate: string; paidAt: string | null } | null;
  /** The application's page in the e-service (send documents, read the decision). */
  eServiceUrl: string;
}

export interface IncomeSupportClient {
  clientPersonalNumber: string;
  /** The social services' file number for the household (akt). */
  caseFileNumber: string;
  applications: IncomeSupportApplication[];
}

/** `YYYY-MM` of the month after the one `isoDate` is in: in November one applies for December. */
export function nextPeriod(isoDate: string): string {
  const [year, month] = isoDate.split('-').map(Number);
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** `YYYY-MM` of the month `isoDate` is in. */
function periodOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

/**
 * Seeded households, dated relative to the sandbox's today: Bertil Berg has next month's
 * application decided with a payment date ahead (and this month's paid), Cecilia Carlsson (protected
 * identity) one waiting for documents, Sam Samordnad one just received; Anna Andersson none.
 */
export function seedIncomeSupport(today: string): Map<string, IncomeSupportClient> {
  const at = (days: number, time = '10:15:00') => `${addDays(today, days)}T${time}+01:00`;
  const coming = nextPeriod(today);
  const current = periodOf(today);
  const application = (
    id: string,
    fields: Omit<IncomeSupportApplication, 'applicationId' | 'eServiceUrl'>,
  ): IncomeSupportApplication => ({
    applicationId: id,
    eServiceUrl: `${E_SERVICE}/ansokan/${id}`,
    ...fields,
  });
  return new Map<string, IncomeSupportClient>([
    [
      '196408233234',
      {
        clientPersonalNumber: '196408233234',
        caseFileNumber: 'SOC-EB-2019-0457',
        applications: [
          application(`FB-${coming}-0457`, {
            period: coming,
            receivedAt: at(-9),
            updatedAt: at(-1, '15:40:00'),
            state: 'DECIDED',
            missingDocuments: [],
            decision: { decidedAt: at(-1, '15:40:00'), outcome: 'GRANTED', amountSek: 7230 },
            payment: { plannedDate: addDays(today, 7), paidAt: null },
          }),
          application(`FB-${current}-0457`, {
            period: current,
            receivedAt: at(-38),
            updatedAt: at(-24, '06:00:00'),
            state: 'PAID',
            missingDocuments: [],
            decision: { decidedAt: at(-30), outcome: 'PARTLY_GRANTED', amountSek: 6815 },
            payment: { plannedDate: addDays(today, -24), paidAt: at(-24, '06:00:00') },
          }),
        ],
      },
    ],
    [
      '200002292399',
      {
        clientPersonalNumber: '200002292399',
        caseFileNumber: 'SOC-EB-2025-1102',
        applications: [
          application(`FB-${coming}-1102`, {
            period: coming,
            receivedAt: at(-6),
            updatedAt: at(-2, '11:05:00'),
            state: 'SUPPLEMENT_REQUESTED',
            missingDocuments: [
              {
                documentType: 'BANK_STATEMENT',
                description: 'Kontoutdrag för de senaste tre månaderna',
                requestedBy: addDays(today, 5),
              },
              {
                documentType: 'RENTAL_AGREEMENT',
                description: 'Hyresavi för nästa månad',
                requestedBy: addDays(today, 5),
              },
            ],
            decision: null,
            payment: null,
          }),
        ],
      },
    ],
    [
      '191401682396',
      {
        clientPersonalNumber: '191401682396',
        caseFileNumber: 'SOC-EB-2026-0031',
        applications: [
          application(`FB-${coming}-0031`, {
            period: coming,
            receivedAt: at(-1, '08:20:00'),
            updatedAt: at(-1, '08:20:00'),
            state: 'RECEIVED',
            missingDocuments: [],
            decision: null,
            payment: null,
          }),
        ],
      },
    ],
  ]);
}
