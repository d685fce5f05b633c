import { addDays } from '../../clock';

/** The municipality's childcare e-service, where guardians answer offers and complete applications. */
const E_SERVICE = 'https://e-tjanster.exempelstad.se/forskola';

/** The childcare queue system's own vocabulary (its codes, not Frontdoor's). */
export type ChildcareApplicationStatus =
  'IN_QUEUE' | 'INCOMPLETE' | 'OFFERED' | 'ACCEPTED' | 'DECLINED' | 'PLACED' | 'WITHDRAWN';

export interface ChildcareApplication {
  applicationId: string;
  child: { personalNumber: string; firstName: string };
  submittedAt: string;
  updatedAt: string;
  wishedStartDate: string;
  queuePosition: number | null;
  status: ChildcareApplicationStatus;
  preferredUnits: { unitId: string; name: string; rank: number }[];
  /** The application's page in the municipality's e-service (komplettera, ändra). */
  eServiceUrl: string;
  offer: {
    unitId: string;
    unitName: string;
    startDate: string;
    answerBy: string;
    answered: boolean;
    answer: 'YES' | 'NO' | null;
    /** Where the guardian answers the offer (the e-service). */
    answerUrl: string;
  } | null;
}

/**
 * Seeded applications per guardian, dated relative to the sandbox's today so a demo
 * always shows an open offer with a deadline ahead.
 */
export function seedChildcare(today: string): Map<string, ChildcareApplication[]> {
  const at = (days: number, time = '09:30:00') => `${addDays(today, days)}T${time}+01:00`;
  return new Map<string, ChildcareApplication[]>([
    [
      '199001012385',
      [
        {
          applicationId: 'FSK-2026-0412',
          eServiceUrl: `${E_SERVICE}/ansokan/FSK-2026-0412`,
          child: { personalNumber: '202402292383', firstName: 'Tilde' },
          submittedAt: at(-120),
          updatedAt: at(-2, '14:05:00'),
          wishedStartDate: addDays(today, 30),
          queuePosition: null,
          status: 'OFFERED',
          preferredUnits: [
            { unitId: 'U-117', name: 'Förskolan Solrosen', rank: 1 },
            { unitId: 'U-204', name: 'Förskolan Ekorren', rank: 2 },
          ],
          offer: {
            unitId: 'U-117',
            unitName: 'Förskolan Solrosen',
            startDate: addDays(today, 38),
            answerBy: addDays(today, 11),
            answered: false,
            answer: null,
            answerUrl: `${E_SERVICE}/erbjudande/FSK-2026-0412`,
          },
        },
        {
          applicationId: 'FSK-2026-0977',
          eServiceUrl: `${E_SERVICE}/ansokan/FSK-2026-0977`,
          child: { personalNumber: '202201612393', firstName: 'Elis' },
          submittedAt: at(-40),
          updatedAt: at(-40),
          wishedStartDate: addDays(today, 90),
          queuePosition: 14,
          status: 'IN_QUEUE',
          preferredUnits: [{ unitId: 'U-204', name: 'Förskolan Ekorren', rank: 1 }],
          offer: null,
        },
      ],
    ],
    [
      '196408233234',
      [
        {
          applicationId: 'FSK-2026-1033',
          eServiceUrl: `${E_SERVICE}/ansokan/FSK-2026-1033`,
          child: { personalNumber: '202201612393', firstName: 'Elis' },
          submittedAt: at(-21),
          updatedAt: at(-5, '10:12:00'),
          wishedStartDate: addDays(today, 60),
          queuePosition: 3,
          status: 'IN_QUEUE',
          preferredUnits: [
            { unitId: 'U-310', name: 'Förskolan Lärkan', rank: 1 },
            { unitId: 'U-117', name: 'Förskolan Solrosen', rank: 2 },
          ],
          offer: null,
        },
      ],
    ],
    [
      '200002292399',
      [
        {
          applicationId: 'FSK-2026-1101',
          eServiceUrl: `${E_SERVICE}/ansokan/FSK-2026-1101`,
          child: { personalNumber: '202402292383', firstName: 'Vera' },
          submittedAt: at(-10),
          updatedAt: at(-10),
          wishedStartDate: addDays(today, 75),
          queuePosition: 22,
          status: 'INCOMPLETE',
          preferredUnits: [{ unitId: 'U-512', name: 'Förskolan Ugglan', rank: 1 }],
          offer: null,
        },
      ],
    ],
  ]);
}
