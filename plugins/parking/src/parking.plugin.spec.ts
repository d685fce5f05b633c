import { StatusState, statusItemInput, type StatusReader } from '@frontdoor/plugin-sdk';
import {
  parkingAnswer,
  reviewOutcome,
  type ParkingAnswer,
  type ParkingFineAnswer,
  type ParkingPermitAnswer,
} from './parking-answer.schema';
import { fineReviewInput } from './fine-review.input';
import { parkingFineCatalogue, parkingPermitCatalogue, refusalLabel } from './parking.catalogues';
import { kronor, parkingDetail, parkingStatuses } from './parking.mapping';
import { parkingConfig, parkingPlugin } from './parking.plugin';

const TODAY = '2026-11-24';
const STAFF: StatusReader = { kind: 'staff' };
const CITIZEN: StatusReader = { kind: 'citizen' };
const REPRESENTATIVE: StatusReader = { kind: 'representative' };

function permit(overrides: Partial<ParkingPermitAnswer> = {}): ParkingPermitAnswer {
  return {
    permitId: 'BP-2026-0311',
    status: 'ACTIVE',
    zone: 'Zon C Norrböle',
    vehicle: 'KLM 42A',
    appliedAt: '2026-03-10T09:12:00+01:00',
    decidedAt: '2026-03-17T14:02:00+01:00',
    validFrom: '2026-04-01',
    validTo: '2027-03-31',
    updatedAt: '2026-03-17T14:02:00+01:00',
    ...overrides,
  };
}

function fine(overrides: Partial<ParkingFineAnswer> = {}): ParkingFineAnswer {
  return {
    fineId: 'FP-2026-004711',
    status: 'UNPAID',
    vehicle: 'BRT 640',
    issuedAt: '2026-11-19T16:05:00+01:00',
    location: 'Storgatan 31',
    amountSek: 800,
    dueDate: '2026-11-27',
    ocr: '2600471108',
    bankgiro: '5050-1055',
    review: null,
    updatedAt: '2026-11-19T16:05:00+01:00',
    ...overrides,
  };
}

const answer = (permits: ParkingPermitAnswer[], fines: ParkingFineAnswer[] = []): ParkingAnswer => ({
  personalNumber: '196408233234',
  permits,
  fines,
});

describe('parking plugin', () => {
  it('declares itself a personal-data department with the SDK 4.2 and takes no config of its own', () => {
    expect(parkingPlugin).toMatchObject({ id: 'parking', department: 'Parkering', sdk: '^4.2' });
    expect(parkingPlugin.secrecy).toEqual({ class: 'personal' });
    expect(parkingConfig.safeParse({ baseUrl: 'x' }).success).toBe(false);
  });

  it('has nothing to say for a person the system does not know', () => {
    expect(parkingStatuses(null, TODAY)).toEqual([]);
    expect(parkingDetail(null)).toBeNull();
  });

  it('maps an unpaid fine with its due date and how to pay, worded for each reader', () => {
    const forStaff = parkingStatuses(answer([], [fine()]), TODAY, STAFF);
    expect(forStaff).toEqual([
      {
        kind: 'parking-fine',
        reference: 'FP-2026-004711',
        title: 'Felparkeringsavgift 2026-11-19',
        state: StatusState.WAITING_FOR_CUSTOMER,
        label: 'Obetald',
        updatedAt: new Date('2026-11-19T16:05:00+01:00'),
        dueDate: '2026-11-27',
        nextStep: '800 kr, förfaller 2026-11-27',
        payment: { ocr: '2600471108', bankgiro: '5050-1055', amountOre: 80_000 },
      },
    ]);
    expect(forStaff.every((item) => statusItemInput.safeParse(item).success)).toBe(true);
    const [citizen] = parkingStatuses(answer([], [fine()]), TODAY, CITIZEN);
    expect([citizen.label, citizen.nextStep]).toEqual([
      'Du har en obetald avgift',
      'Betala 800 kr senast 2026-11-27, eller begär omprövning',
    ]);
    const [representative] = parkingStatuses(answer([], [fine()]), TODAY, REPRESENTATIVE);
    expect([representative.label, representative.nextStep]).toEqual([
      'Avgiften är obetald',
      '800 kr ska betalas senast 2026-11-27',
    ]);
  });

  it('says an overdue fine is overdue, and a fine under review waits without a payment to make', () => {
    const [overdue] = parkingStatuses(answer([], [fine({ dueDate: '2026-11-20' })]), TODAY);
    expect(overdue.nextStep).toBe('800 kr, förföll 2026-11-20: betalningspåminnelse skickas');
    const review = {
      reviewId: 'OMP-1',
      status: 'REQUESTED',
      reason: 'SIGN_UNCLEAR',
      requestedAt: '2026-11-20T10:00:00+01:00',
      decidedAt: null,
    };
    const [reviewed] = parkingStatuses(
      answer([], [fine({ status: 'REVIEW_REQUESTED', review })]),
      TODAY,
      CITIZEN,
    );
    expect(reviewed).toMatchObject({ label: 'Vi omprövar avgiften', state: StatusState.IN_PROGRESS });
    expect(reviewed.payment).toBeUndefined();
    expect(reviewed.dueDate).toBeUndefined();
    const detail = parkingDetail(answer([], [fine({ status: 'REVIEW_REQUESTED', review })]))!;
    expect(detail.fines[0].review).toMatchObject({
      reasonLabel: 'Otydlig eller saknad skyltning',
      stateLabel: 'Begärd, parkeringshandläggaren prövar den',
    });
  });

  it('tells a citizen to renew a permit that runs out within a month, and staff the zone and vehicle', () => {
    const soon = permit({ validTo: '2026-12-10' });
    expect(parkingStatuses(answer([soon]), TODAY, CITIZEN)[0]).toMatchObject({
      label: 'Ditt tillstånd gäller',
      nextStep: 'Gäller till 2026-12-10. Ansök om ett nytt tillstånd i e-tjänsten Boendeparkering',
      dueDate: '2026-12-10',
    });
    expect(parkingStatuses(answer([soon]), TODAY, STAFF)[0]).toMatchObject({
      label: 'Giltigt',
      nextStep: 'Zon C Norrböle, KLM 42A, gäller till 2026-12-10',
    });
    expect(
      parkingStatuses(
        answer([permit({ status: 'IN_REVIEW', decidedAt: null, validFrom: null, validTo: null })]),
        TODAY,
      )[0],
    ).toMatchObject({
      title: 'Ansökan om boendeparkering',
      label: 'Handläggs',
      state: StatusState.IN_PROGRESS,
    });
  });

  it('shows a code the catalogue does not know as UNKNOWN, never drops the matter', () => {
    const items = parkingStatuses(
      answer([permit({ status: 'SUSPENDED' })], [fine({ status: 'SENT_TO_KFM' })]),
      TODAY,
      CITIZEN,
    );
    expect(items.map((i) => i.state)).toEqual([StatusState.UNKNOWN, StatusState.UNKNOWN]);
    expect(items.map((i) => i.label)).toEqual([
      parkingPermitCatalogue.lookup('SUSPENDED').label,
      parkingFineCatalogue.lookup('SENT_TO_KFM').label,
    ]);
  });

  it('lists fines newest first in the detail', () => {
    const older = fine({ fineId: 'FP-2026-000001', issuedAt: '2026-01-02T10:00:00+01:00', status: 'PAID' });
    expect(parkingDetail(answer([permit()], [older, fine()]))!.fines.map((f) => f.fineId)).toEqual([
      'FP-2026-004711',
      'FP-2026-000001',
    ]);
  });

  it('refuses garbage from the system', () => {
    expect(parkingAnswer.safeParse({ permits: '§§§', fines: [] }).success).toBe(false);
    expect(parkingAnswer.safeParse(answer([], [fine({ amountSek: -5 })])).success).toBe(false);
    expect(reviewOutcome.safeParse({ outcome: 'MAYBE' }).success).toBe(false);
  });

  it('checks a review request and names what is wrong in Swedish', () => {
    const good = {
      personalNumber: '196408233234',
      fineId: ' fp-2026-004711 ',
      reason: 'PERMIT_VALID',
      message: 'Tillståndet låg i vindrutan.',
    };
    expect(fineReviewInput.parse(good)).toEqual({ ...good, fineId: 'FP-2026-004711' });
    const bad = fineReviewInput.safeParse({ ...good, fineId: 'P-bot 12', reason: 'ANGRY', message: 'Nej' });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['fineId', 'ange avgiftens nummer som på avgiften, till exempel FP-2026-004711'],
      ['reason', expect.stringContaining('välj SIGN_UNCLEAR')],
      ['message', 'beskriv vad som hände (minst tio tecken)'],
    ]);
  });

  it('reads the system’s refusals in Swedish, and an unknown one with its code', () => {
    expect(refusalLabel('ALREADY_REQUESTED')).toBe('Omprövning är redan begärd för avgiften.');
    expect(refusalLabel('WEIRD')).toBe('Parkeringssystemet tog inte emot begäran (WEIRD).');
  });

  it('formats kronor as said aloud', () => {
    expect([kronor(500), kronor(1300), kronor(12500)]).toEqual(['500 kr', '1 300 kr', '12 500 kr']);
  });
});
