import { addDays } from '../../clock';

/** The water system's own vocabulary (its codes, not Frontdoor's). */
export type SubscriptionStatus = 'APPLIED' | 'CONNECTING' | 'ACTIVE' | 'TERMINATED';

export interface MeterReading {
  value: number;
  readOn: string;
  source: 'CUSTOMER' | 'REMOTE' | 'ESTIMATED';
}

export interface WaterProperty {
  propertyId: string;
  designation: string;
  address: { street: string; postalCode: string; city: string };
  areaId: string;
  subscription: {
    subscriptionId: string;
    status: SubscriptionStatus;
    services: ('WATER' | 'WASTEWATER' | 'STORMWATER')[];
    startedOn: string;
    endedOn: string | null;
  };
  meter: { meterId: string; unit: 'm3'; lastReading: MeterReading | null } | null;
  billing: {
    nextBillingDate: string | null;
    period: 'MONTHLY' | 'QUARTERLY' | 'YEARLY';
    lastInvoiceAmount: number | null;
  };
  updatedAt: string;
}

export interface WaterCustomer {
  personalNumber: string;
  properties: WaterProperty[];
}

export interface WaterInterruption {
  interruptionId: string;
  areaId: string;
  areaName: string;
  startsAt: string;
  endsAt: string;
  reason: string;
}

export interface WaterSeed {
  customers: Map<string, WaterCustomer>;
  interruptions: WaterInterruption[];
}

/** The first day of the next quarter: when the quarterly invoice is made. */
function nextQuarter(today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const quarterStart = Math.floor((month - 1) / 3) * 3 + 4;
  return quarterStart > 12 ? `${year + 1}-01-01` : `${year}-${String(quarterStart).padStart(2, '0')}-01`;
}

/** Property owners among the demo people; Cecilia Carlsson has protected identity. */
export function seedWater(today: string): WaterSeed {
  const updatedAt = `${addDays(today, -20)}T08:00:00.000Z`;
  // Subscription ids are the system's own numbers, not derived from the property (a place id).
  const active = (
    subscriptionId: string,
    propertyId: string,
    designation: string,
    street: string,
    areaId: string,
    meterId: string,
    last: MeterReading,
  ): WaterProperty => ({
    propertyId,
    designation,
    address: { street, postalCode: '931 00', city: 'Skellefteå' },
    areaId,
    subscription: {
      subscriptionId,
      status: 'ACTIVE',
      services: ['WATER', 'WASTEWATER', 'STORMWATER'],
      startedOn: '2009-05-01',
      endedOn: null,
    },
    meter: { meterId, unit: 'm3', lastReading: last },
    billing: { nextBillingDate: nextQuarter(today), period: 'QUARTERLY', lastInvoiceAmount: 2184.5 },
    updatedAt,
  });
  const customers = new Map<string, WaterCustomer>([
    [
      '199001012385',
      {
        personalNumber: '199001012385',
        properties: [
          active('AB-70031', 'P-1001', 'Skellefteå Morö 4:12', 'Storgatan 12', 'AREA-MORO', 'M-40012', {
            value: 1234,
            readOn: addDays(today, -65),
            source: 'CUSTOMER',
          }),
        ],
      },
    ],
    [
      '190001019801',
      {
        personalNumber: '190001019801',
        properties: [
          active(
            'AB-70032',
            'P-1002',
            'Skellefteå Sunnanå 2:7',
            'Sunnanåvägen 7',
            'AREA-SUNNANA',
            'M-40207',
            {
              value: 8812,
              readOn: addDays(today, -30),
              source: 'REMOTE',
            },
          ),
        ],
      },
    ],
    [
      '200002292399',
      {
        personalNumber: '200002292399',
        properties: [
          active(
            'AB-70033',
            'P-1003',
            'Skellefteå Ersmark 1:44',
            'Ersmarksvägen 44',
            'AREA-ERSMARK',
            'M-40144',
            {
              value: 402,
              readOn: addDays(today, -90),
              source: 'ESTIMATED',
            },
          ),
        ],
      },
    ],
    [
      '196408233234',
      {
        personalNumber: '196408233234',
        properties: [
          {
            propertyId: 'P-1004',
            designation: 'Skellefteå Kusmark 3:2',
            address: { street: 'Kusmarksvägen 2', postalCode: '931 97', city: 'Skellefteå' },
            areaId: 'AREA-KUSMARK',
            subscription: {
              subscriptionId: 'AB-70034',
              status: 'CONNECTING',
              services: ['WATER', 'WASTEWATER'],
              startedOn: addDays(today, 30),
              endedOn: null,
            },
            meter: null,
            billing: { nextBillingDate: null, period: 'QUARTERLY', lastInvoiceAmount: null },
            updatedAt,
          },
        ],
      },
    ],
  ]);
  const interruptions: WaterInterruption[] = [
    {
      interruptionId: 'AVB-2031',
      areaId: 'AREA-MORO',
      areaName: 'Morö Backe',
      startsAt: `${addDays(today, 3)}T08:00:00.000Z`,
      endsAt: `${addDays(today, 3)}T12:00:00.000Z`,
      reason: 'Byte av ventil i Storgatan',
    },
    {
      interruptionId: 'AVB-2032',
      areaId: 'AREA-ERSMARK',
      areaName: 'Ersmark',
      startsAt: `${addDays(today, 5)}T07:00:00.000Z`,
      endsAt: `${addDays(today, 5)}T10:00:00.000Z`,
      reason: 'Spolning av ledningsnätet',
    },
  ];
  return { customers, interruptions };
}
