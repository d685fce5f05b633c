import { StatusState, statusItemInput, type StatusReader } from '@frontdoor/plugin-sdk';
import { cancellationInput } from './cancellation.input';
import {
  cancellationOutcome,
  swimmingAnswer,
  type SwimBookingAnswer,
  type SwimmingAnswer,
  type SwimQueueEntryAnswer,
} from './swimming-answer.schema';
import { refusalLabel, swimQueueCatalogue } from './swimming.catalogues';
import { swimmingDetail, swimmingStatuses } from './swimming.mapping';
import { swimmingConfig, swimmingPlugin } from './swimming.plugin';

const TODAY = '2026-11-24'; // a Tuesday
const STAFF: StatusReader = { kind: 'staff' };
const CITIZEN: StatusReader = { kind: 'citizen' };
const REPRESENTATIVE: StatusReader = { kind: 'representative' };

function queued(overrides: Partial<SwimQueueEntryAnswer> = {}): SwimQueueEntryAnswer {
  return {
    queueId: 'SK-2026-0142',
    participant: { firstName: 'Tolvan', birthYear: 2020 },
    course: 'Simskola steg 1, Baddaren',
    status: 'WAITING',
    place: 14,
    joinedAt: '2026-08-19T10:00:00+02:00',
    offer: null,
    updatedAt: '2026-11-17T10:00:00+01:00',
    ...overrides,
  };
}

function booking(overrides: Partial<SwimBookingAnswer> = {}): SwimBookingAnswer {
  return {
    bookingId: 'SB-2026-88120',
    participant: { firstName: 'Elsa', birthYear: 2017 },
    activity: 'Simskola steg 3, Delfinen',
    facility: 'Medleforsbadet',
    date: '2026-11-26',
    from: '17:30',
    to: '18:15',
    status: 'BOOKED',
    priceSek: 0,
    updatedAt: '2026-08-25T10:00:00+02:00',
    ...overrides,
  };
}

const answer = (queue: SwimQueueEntryAnswer[], bookings: SwimBookingAnswer[] = []): SwimmingAnswer => ({
  personalNumber: '199001012385',
  queue,
  bookings,
});

const OFFER = {
  groupId: 'G-1',
  groupName: 'Sjöhästen onsdagar',
  facility: 'Medleforsbadet',
  weekday: 'onsdagar',
  time: '17:00',
  startDate: '2027-01-13',
  answerBy: '2026-11-29',
};

describe('swimming plugin', () => {
  it('declares itself a personal-data department with the SDK 4.2, no whereabouts, no config of its own', () => {
    expect(swimmingPlugin).toMatchObject({ id: 'swimming', department: 'Badhus och simskola', sdk: '^4.2' });
    expect(swimmingPlugin.person?.whereabouts).toEqual([]);
    expect(swimmingConfig.safeParse({ baseUrl: 'x' }).success).toBe(false);
  });

  it('has nothing to say for a person the system does not know', () => {
    expect(swimmingStatuses(null, TODAY)).toEqual([]);
    expect(swimmingDetail(null, TODAY)).toBeNull();
  });

  it('gives the child’s place in the queue, worded for each reader', () => {
    const [staff] = swimmingStatuses(answer([queued()]), TODAY, STAFF);
    expect(staff).toEqual({
      kind: 'swim-school-queue',
      reference: 'SK-2026-0142',
      title: 'Simskola steg 1, Baddaren för Tolvan',
      state: StatusState.IN_PROGRESS,
      label: 'Står i kö',
      updatedAt: new Date('2026-11-17T10:00:00+01:00'),
      nextStep: 'Plats 14 i kön, sedan 2026-08-19',
    });
    expect(statusItemInput.safeParse(staff).success).toBe(true);
    expect(swimmingStatuses(answer([queued()]), TODAY, CITIZEN)[0]).toMatchObject({
      label: 'Ni står i kö till simskolan',
      nextStep: 'Plats 14 i kön. Ni får ett erbjudande när det finns plats i en grupp',
    });
    expect(swimmingStatuses(answer([queued()]), TODAY, REPRESENTATIVE)[0]).toMatchObject({
      label: 'Står i kö till simskolan',
      nextStep: 'Plats 14 i kön',
    });
  });

  it('gives the group offered and the last day to answer', () => {
    const offered = queued({ status: 'OFFERED', place: null, offer: OFFER });
    expect(swimmingStatuses(answer([offered]), TODAY, CITIZEN)[0]).toMatchObject({
      state: StatusState.WAITING_FOR_CUSTOMER,
      label: 'Ni har fått ett erbjudande om plats',
      dueDate: '2026-11-29',
      nextStep:
        'Svara senast 2026-11-29 på erbjudandet: Sjöhästen onsdagar, Medleforsbadet, onsdagar kl. 17.00, från 2027-01-13',
    });
    expect(swimmingDetail(answer([offered]), TODAY)!.queue[0].offer).toEqual({
      groupName: 'Sjöhästen onsdagar',
      facility: 'Medleforsbadet',
      when: 'onsdagar kl. 17.00, från 2027-01-13',
      answerBy: '2026-11-29',
    });
  });

  it('lists bookings from today on, soonest first, and tells the booker when to cancel by', () => {
    const past = booking({ bookingId: 'SB-2026-00001', date: '2026-11-20' });
    const later = booking({ bookingId: 'SB-2026-00003', date: '2026-12-03' });
    const items = swimmingStatuses(answer([], [later, past, booking()]), TODAY, CITIZEN);
    expect(items.map((i) => i.reference)).toEqual(['SB-2026-88120', 'SB-2026-00003']);
    expect(items[0]).toMatchObject({
      label: 'Du har en bokning',
      nextStep: 'Medleforsbadet torsdag 26 november kl. 17.30–18.15. Avboka senast dagen före',
    });
    expect(swimmingStatuses(answer([], [booking({ date: TODAY })]), TODAY, CITIZEN)[0].nextStep).toBe(
      'Medleforsbadet tisdag 24 november kl. 17.30–18.15',
    );
    expect(swimmingDetail(answer([], [booking({ status: 'CANCELLED' })]), TODAY)!.bookings[0]).toMatchObject({
      label: 'Avbokad',
      time: 'torsdag 26 november kl. 17.30–18.15',
    });
  });

  it('shows a code the catalogue does not know as UNKNOWN, never drops the matter', () => {
    const [item] = swimmingStatuses(answer([queued({ status: 'PAUSED' })]), TODAY, CITIZEN);
    expect(item.state).toBe(StatusState.UNKNOWN);
    expect(item.label).toBe(swimQueueCatalogue.lookup('PAUSED').label);
  });

  it('refuses garbage from the system', () => {
    expect(swimmingAnswer.safeParse({ queue: '§§§', bookings: [] }).success).toBe(false);
    expect(swimmingAnswer.safeParse(answer([], [booking({ from: '25:00' })])).success).toBe(false);
    expect(cancellationOutcome.safeParse({ outcome: 'CANCELLED' }).success).toBe(false);
  });

  it('checks a cancellation and names what is wrong in Swedish', () => {
    expect(
      cancellationInput.parse({ personalNumber: '199001012385', bookingId: 'sb-2026-88120 ', reason: '  ' }),
    ).toEqual({
      personalNumber: '199001012385',
      bookingId: 'SB-2026-88120',
      reason: null,
    });
    const bad = cancellationInput.safeParse({
      personalNumber: '9001012385',
      bookingId: 'simskola',
      reason: 'x'.repeat(501),
    });
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['personalNumber', 'bookingId', 'reason']);
    expect(bad.error?.issues[1].message).toBe(
      'ange bokningsnumret som i bekräftelsen, till exempel SB-2026-88120',
    );
  });

  it('reads the system’s refusals in Swedish, and an unknown one with its code', () => {
    expect(refusalLabel('TOO_LATE')).toBe('Bokningen kan inte avbokas samma dag. Avboka senast dagen före.');
    expect(refusalLabel('WEIRD')).toBe('Badhusets system tog inte emot avbokningen (WEIRD).');
  });
});
