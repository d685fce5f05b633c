import { addDays } from '../../clock';

/** The home-care system's own vocabulary (its codes, not Frontdoor's). */
export type DecisionStatus = 'RECEIVED' | 'INVESTIGATING' | 'GRANTED' | 'REJECTED' | 'ENDED';
export type ServiceCode =
  | 'PERSONAL_CARE'
  | 'MEALS'
  | 'MEAL_DELIVERY'
  | 'SHOPPING'
  | 'CLEANING'
  | 'LAUNDRY'
  | 'SAFETY_ALARM'
  | 'SUPERVISION'
  | 'ACCOMPANIMENT';

export interface HomeCareDecision {
  decisionId: string;
  status: DecisionStatus;
  receivedAt: string;
  decidedAt: string | null;
  validFrom: string | null;
  validTo: string | null;
  services: ServiceCode[];
  teamId: string | null;
  updatedAt: string;
}

export interface HomeCareVisit {
  visitId: string;
  date: string;
  from: string;
  to: string;
  services: ServiceCode[];
  teamId: string;
  status: 'PLANNED' | 'CANCELLED';
}

export interface HomeCareTeam {
  teamId: string;
  name: string;
  phone: string;
}

export interface HomeCareClient {
  personalNumber: string;
  /** Where the care is given (the service address, which may differ from the registered one). */
  address: { addressId: string; street: string; postalCode: string; city: string };
  decisions: HomeCareDecision[];
}

export interface HomeCareSeed {
  clients: Map<string, HomeCareClient>;
  visits: Map<string, HomeCareVisit[]>;
  teams: Map<string, HomeCareTeam>;
}

/** Home-care teams are named after birds, not districts: a team's name must not say where anyone lives. */
const TEAMS: HomeCareTeam[] = [
  { teamId: 'T-LARKAN', name: 'Hemtjänstgrupp Lärkan', phone: '0910-73 51 10' },
  { teamId: 'T-TRANAN', name: 'Hemtjänstgrupp Tranan', phone: '0910-73 51 20' },
];

/** Visits for the coming week, one or more a day, planned by the team. */
function weekOfVisits(
  prefix: string,
  today: string,
  teamId: string,
  daily: { from: string; to: string; services: ServiceCode[] }[],
  weekly?: { weekday: number; from: string; to: string; services: ServiceCode[] },
): HomeCareVisit[] {
  const visits: HomeCareVisit[] = [];
  for (let day = 0; day < 14; day++) {
    const date = addDays(today, day);
    const slots = [...daily];
    if (weekly && new Date(`${date}T12:00:00Z`).getUTCDay() === weekly.weekday) slots.push(weekly);
    slots.sort((a, b) => a.from.localeCompare(b.from));
    for (const slot of slots)
      visits.push({
        visitId: `${prefix}-${date.replaceAll('-', '')}-${slot.from.replace(':', '')}`,
        date,
        from: slot.from,
        to: slot.to,
        services: slot.services,
        teamId,
        status: 'PLANNED',
      });
  }
  return visits;
}

/**
 * Seeded clients, decisions and visits, dated relative to the sandbox's today so a demo always
 * has a next visit ahead. Olga Olsson (100+) and Cecilia Carlsson (protected identity) have home
 * care granted; Bertil Berg's application is being investigated; Sam Samordnad's just arrived.
 */
export function seedHomeCare(today: string): HomeCareSeed {
  const at = (days: number, time = '10:15:00') => `${addDays(today, days)}T${time}+01:00`;
  const clients: HomeCareClient[] = [
    {
      personalNumber: '190001019801',
      address: {
        addressId: 'ADR-20417',
        street: 'Norrgatan 4 lgh 1102',
        postalCode: '931 30',
        city: 'Skellefteå',
      },
      decisions: [
        {
          decisionId: 'HT-2026-0412',
          status: 'GRANTED',
          receivedAt: at(-200),
          decidedAt: at(-180),
          validFrom: addDays(today, -178),
          validTo: null,
          services: ['PERSONAL_CARE', 'MEALS', 'SHOPPING', 'CLEANING', 'SAFETY_ALARM'],
          teamId: 'T-LARKAN',
          updatedAt: at(-3),
        },
        {
          decisionId: 'HT-2024-0877',
          status: 'ENDED',
          receivedAt: at(-800),
          decidedAt: at(-790),
          validFrom: addDays(today, -788),
          validTo: addDays(today, -179),
          services: ['SHOPPING', 'CLEANING'],
          teamId: 'T-LARKAN',
          updatedAt: at(-179),
        },
      ],
    },
    {
      personalNumber: '200002292399',
      address: { addressId: 'ADR-31990', street: 'Kvarngatan 17', postalCode: '931 33', city: 'Skellefteå' },
      decisions: [
        {
          decisionId: 'HT-2026-0533',
          status: 'GRANTED',
          receivedAt: at(-60),
          decidedAt: at(-45),
          validFrom: addDays(today, -44),
          validTo: null,
          services: ['PERSONAL_CARE', 'SHOPPING'],
          teamId: 'T-TRANAN',
          updatedAt: at(-10),
        },
      ],
    },
    {
      personalNumber: '196408233234',
      address: { addressId: 'ADR-10233', street: 'Storgatan 30', postalCode: '931 31', city: 'Skellefteå' },
      decisions: [
        {
          decisionId: 'HT-2026-0871',
          status: 'INVESTIGATING',
          receivedAt: at(-14),
          decidedAt: null,
          validFrom: null,
          validTo: null,
          services: ['PERSONAL_CARE', 'MEAL_DELIVERY'],
          teamId: null,
          updatedAt: at(-6),
        },
      ],
    },
    {
      personalNumber: '191401682396',
      address: { addressId: 'ADR-40518', street: 'Solbacken 2', postalCode: '931 40', city: 'Skellefteå' },
      decisions: [
        {
          decisionId: 'HT-2026-0902',
          status: 'RECEIVED',
          receivedAt: at(-1),
          decidedAt: null,
          validFrom: null,
          validTo: null,
          services: ['CLEANING'],
          teamId: null,
          updatedAt: at(-1),
        },
      ],
    },
  ];
  const visits = new Map<string, HomeCareVisit[]>([
    [
      '190001019801',
      weekOfVisits(
        'V-OO',
        today,
        'T-LARKAN',
        [
          { from: '08:00', to: '08:45', services: ['PERSONAL_CARE', 'MEALS'] },
          { from: '12:00', to: '12:30', services: ['MEALS'] },
          { from: '19:30', to: '20:00', services: ['PERSONAL_CARE'] },
        ],
        { weekday: 3, from: '13:00', to: '14:30', services: ['CLEANING', 'SHOPPING'] },
      ),
    ],
    [
      '200002292399',
      weekOfVisits('V-CC', today, 'T-TRANAN', [{ from: '09:00', to: '09:30', services: ['PERSONAL_CARE'] }]),
    ],
  ]);
  return {
    clients: new Map(clients.map((c) => [c.personalNumber, c])),
    visits,
    teams: new Map(TEAMS.map((t) => [t.teamId, t])),
  };
}
