import { addDays } from '../../clock';

/** The bath system's own vocabulary (its codes, not Frontdoor's). */
export type QueueStatus = 'WAITING' | 'OFFERED' | 'ACCEPTED' | 'DECLINED' | 'REMOVED';
export type BookingStatus = 'BOOKED' | 'CANCELLED' | 'ATTENDED';

export interface Participant {
  firstName: string;
  birthYear: number;
}

export interface SwimQueueEntry {
  queueId: string;
  participant: Participant;
  course: string;
  status: QueueStatus;
  place: number | null;
  joinedAt: string;
  offer: {
    groupId: string;
    groupName: string;
    facility: string;
    weekday: string;
    time: string;
    startDate: string;
    answerBy: string;
  } | null;
  updatedAt: string;
}

export interface SwimBooking {
  bookingId: string;
  /** Who booked (and pays): the one the contact center may cancel for. */
  booker: string;
  participant: Participant;
  activity: string;
  facility: string;
  date: string;
  from: string;
  to: string;
  status: BookingStatus;
  priceSek: number;
  updatedAt: string;
}

export interface SwimSeed {
  queueByBooker: Map<string, SwimQueueEntry[]>;
  bookings: Map<string, SwimBooking>;
}

const at = (date: string, time = '10:00:00') => `${date}T${time}+01:00`;

/** The demo people's queue places and bookings, dated from the sandbox's today. */
export function seedSwim(today: string): SwimSeed {
  const queueByBooker = new Map<string, SwimQueueEntry[]>([
    [
      '199001012385', // Anna Andersson: her child Tolvan waits for swim school
      [
        {
          queueId: 'SK-2026-0142',
          participant: { firstName: 'Tolvan', birthYear: 2020 },
          course: 'Simskola steg 1, Baddaren',
          status: 'WAITING',
          place: 14,
          joinedAt: at('2026-08-19'),
          offer: null,
          updatedAt: at(addDays(today, -7)),
        },
      ],
    ],
    [
      '200002292399', // Cecilia Carlsson: her child offered a group
      [
        {
          queueId: 'SK-2026-0087',
          participant: { firstName: 'Vilja', birthYear: 2019 },
          course: 'Simskola steg 2, Sjöhästen',
          status: 'OFFERED',
          place: null,
          joinedAt: at('2026-04-02'),
          offer: {
            groupId: 'G-SJO-ONS-1700',
            groupName: 'Sjöhästen onsdagar',
            facility: 'Medleforsbadet',
            weekday: 'onsdagar',
            time: '17:00',
            startDate: addDays(today, 49),
            answerBy: addDays(today, 5),
          },
          updatedAt: at(addDays(today, -2)),
        },
      ],
    ],
  ]);
  const bookings: SwimBooking[] = [
    {
      bookingId: 'SB-2026-88120', // Anna: her daughter's swim-school lesson the day after tomorrow
      booker: '199001012385',
      participant: { firstName: 'Elsa', birthYear: 2017 },
      activity: 'Simskola steg 3, Delfinen',
      facility: 'Medleforsbadet',
      date: addDays(today, 2),
      from: '17:30',
      to: '18:15',
      status: 'BOOKED',
      priceSek: 0,
      updatedAt: at('2026-08-25'),
    },
    {
      bookingId: 'SB-2026-90311', // Bertil Berg: water aerobics in two days, cancellable
      booker: '196408233234',
      participant: { firstName: 'Bertil', birthYear: 1964 },
      activity: 'Vattengympa',
      facility: 'Eddahallen',
      date: addDays(today, 2),
      from: '09:00',
      to: '09:45',
      status: 'BOOKED',
      priceSek: 90,
      updatedAt: at(addDays(today, -10)),
    },
    {
      bookingId: 'SB-2026-90307', // Bertil Berg: lane swimming today, too late to cancel
      booker: '196408233234',
      participant: { firstName: 'Bertil', birthYear: 1964 },
      activity: 'Motionssim, bana 3',
      facility: 'Eddahallen',
      date: today,
      from: '18:00',
      to: '19:00',
      status: 'BOOKED',
      priceSek: 70,
      updatedAt: at(addDays(today, -3)),
    },
  ];
  return { queueByBooker, bookings: new Map(bookings.map((b) => [b.bookingId, b])) };
}
