import { addDays } from '../../clock';

/** The parking system's own vocabulary (its codes, not Frontdoor's). */
export type PermitStatus = 'APPLIED' | 'IN_REVIEW' | 'ACTIVE' | 'REJECTED' | 'EXPIRED';
export type FineStatus = 'UNPAID' | 'REVIEW_REQUESTED' | 'PAID' | 'CANCELLED';
export type ReviewReason = 'SIGN_UNCLEAR' | 'PERMIT_VALID' | 'VEHICLE_SOLD' | 'VEHICLE_STOLEN' | 'OTHER';

export interface ParkingPermit {
  permitId: string;
  status: PermitStatus;
  zone: string;
  vehicle: string;
  appliedAt: string;
  decidedAt: string | null;
  validFrom: string | null;
  validTo: string | null;
  updatedAt: string;
}

export interface FineReview {
  reviewId: string;
  status: 'REQUESTED' | 'APPROVED' | 'REJECTED';
  reason: ReviewReason;
  message: string;
  requestedAt: string;
  decidedAt: string | null;
}

export interface ParkingFine {
  fineId: string;
  /** The vehicle's owner, whom the fine is charged to. */
  owner: string;
  status: FineStatus;
  vehicle: string;
  issuedAt: string;
  location: string;
  amountSek: number;
  dueDate: string;
  ocr: string;
  bankgiro: string;
  review: FineReview | null;
  updatedAt: string;
}

export interface ParkingSeed {
  permitsByPerson: Map<string, ParkingPermit[]>;
  fines: Map<string, ParkingFine>;
}

const BANKGIRO = '5050-1055';
const at = (date: string, time = '09:12:00') => `${date}T${time}+01:00`;

/** The demo people's permits and fines, dated from the sandbox's today so the demo stays current. */
export function seedParking(today: string): ParkingSeed {
  const permitsByPerson = new Map<string, ParkingPermit[]>([
    [
      '199001012385', // Anna Andersson: a permit in force
      [
        {
          permitId: 'BP-2026-0311',
          status: 'ACTIVE',
          zone: 'Zon C Norrböle',
          vehicle: 'KLM 42A',
          appliedAt: at('2026-03-10'),
          decidedAt: at('2026-03-17', '14:02:00'),
          validFrom: '2026-04-01',
          validTo: addDays(today, 127),
          updatedAt: at('2026-03-17', '14:02:00'),
        },
      ],
    ],
    [
      '200002292399', // Cecilia Carlsson, protected identity: her zone says where she lives
      [
        {
          permitId: 'BP-2026-0502',
          status: 'ACTIVE',
          zone: 'Zon A Centrum',
          vehicle: 'CCA 200',
          appliedAt: at('2026-05-02'),
          decidedAt: at('2026-05-08', '10:30:00'),
          validFrom: '2026-05-15',
          validTo: addDays(today, 172),
          updatedAt: at('2026-05-08', '10:30:00'),
        },
      ],
    ],
    [
      '191401682396', // Sam Samordnad: an application being handled
      [
        {
          permitId: 'BP-2026-0977',
          status: 'IN_REVIEW',
          zone: 'Zon B Sunnanå',
          vehicle: 'SAM 914',
          appliedAt: at(addDays(today, -4)),
          decidedAt: null,
          validFrom: null,
          validTo: null,
          updatedAt: at(addDays(today, -2)),
        },
      ],
    ],
  ]);
  const fines: ParkingFine[] = [
    {
      fineId: 'FP-2026-003120', // Anna: paid long ago
      owner: '199001012385',
      status: 'PAID',
      vehicle: 'KLM 42A',
      issuedAt: at(addDays(today, -60), '11:40:00'),
      location: 'Kanalgatan 12',
      amountSek: 500,
      dueDate: addDays(today, -52),
      ocr: '2600312047',
      bankgiro: BANKGIRO,
      review: null,
      updatedAt: at(addDays(today, -55)),
    },
    {
      fineId: 'FP-2026-004711', // Bertil Berg: unpaid, due in three days
      owner: '196408233234',
      status: 'UNPAID',
      vehicle: 'BRT 640',
      issuedAt: at(addDays(today, -5), '16:05:00'),
      location: 'Storgatan 31',
      amountSek: 800,
      dueDate: addDays(today, 3),
      ocr: '2600471108',
      bankgiro: BANKGIRO,
      review: null,
      updatedAt: at(addDays(today, -5), '16:05:00'),
    },
    {
      fineId: 'FP-2026-004288', // Sam Samordnad: review asked for
      owner: '191401682396',
      status: 'REVIEW_REQUESTED',
      vehicle: 'SAM 914',
      issuedAt: at(addDays(today, -20), '08:15:00'),
      location: 'Nygatan 4',
      amountSek: 1300,
      dueDate: addDays(today, -12),
      ocr: '2600428831',
      bankgiro: BANKGIRO,
      review: {
        reviewId: 'OMP-2026-0150',
        status: 'REQUESTED',
        reason: 'SIGN_UNCLEAR',
        message: 'Skylten var övertäckt av snö.',
        requestedAt: at(addDays(today, -15)),
        decidedAt: null,
      },
      updatedAt: at(addDays(today, -15)),
    },
  ];
  return { permitsByPerson, fines: new Map(fines.map((fine) => [fine.fineId, fine])) };
}
