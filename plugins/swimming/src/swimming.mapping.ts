import type { StatusItemInput, StatusReader } from '@frontdoor/plugin-sdk';
import type { SwimBookingAnswer, SwimmingAnswer, SwimQueueEntryAnswer } from './swimming-answer.schema';
import { bookingLabel, queueLabel, swimBookingCatalogue, swimQueueCatalogue } from './swimming.catalogues';
import type { SwimBooking, SwimGroupOffer, Swimming, SwimQueueEntry } from './swimming.types';
import { sessionTime } from './session-time';

const STAFF: StatusReader = { kind: 'staff' };

const dateOf = (moment: string) => moment.slice(0, 10);

/** "onsdagar kl. 17.00 på Medleforsbadet, från 2027-01-13". */
function offerWhen(offer: NonNullable<SwimQueueEntryAnswer['offer']>): string {
  return `${offer.weekday} kl. ${offer.time.replace(':', '.')}, från ${offer.startDate}`;
}

function queueNextStep(entry: SwimQueueEntryAnswer, reader: StatusReader): string | undefined {
  switch (entry.status) {
    case 'WAITING': {
      if (entry.place === null) return undefined;
      if (reader.kind === 'staff') return `Plats ${entry.place} i kön, sedan ${dateOf(entry.joinedAt)}`;
      return reader.kind === 'citizen'
        ? `Plats ${entry.place} i kön. Ni får ett erbjudande när det finns plats i en grupp`
        : `Plats ${entry.place} i kön`;
    }
    case 'OFFERED': {
      if (!entry.offer) return undefined;
      const group = `${entry.offer.groupName}, ${entry.offer.facility}, ${offerWhen(entry.offer)}`;
      return reader.kind === 'citizen'
        ? `Svara senast ${entry.offer.answerBy} på erbjudandet: ${group}`
        : `${group}; svar senast ${entry.offer.answerBy}`;
    }
    case 'ACCEPTED':
      return entry.offer ? `${entry.offer.groupName}, ${offerWhen(entry.offer)}` : undefined;
    default:
      return undefined;
  }
}

/** Bookings from today on, soonest first. */
function upcoming(answer: SwimmingAnswer, today: string): SwimBookingAnswer[] {
  return answer.bookings
    .filter((b) => b.date >= today)
    .sort((a, b) => `${a.date}${a.from}`.localeCompare(`${b.date}${b.from}`));
}

function bookingNextStep(booking: SwimBookingAnswer, today: string, reader: StatusReader): string {
  const when = `${booking.facility} ${sessionTime(booking.date, booking.from, booking.to)}`;
  if (booking.status !== 'BOOKED' || reader.kind === 'staff' || booking.date <= today) return when;
  return reader.kind === 'citizen'
    ? `${when}. Avboka senast dagen före`
    : `${when}; kan avbokas senast dagen före`;
}

/**
 * One status per queue place and one per booking from today on, worded for their reader
 * (SDK 4.1). The queue place names the swimmer: the booker's matter is often their child's.
 */
export function swimmingStatuses(
  answer: SwimmingAnswer | null,
  today: string,
  reader: StatusReader = STAFF,
): StatusItemInput[] {
  if (!answer) return [];
  const queue = answer.queue.map((entry): StatusItemInput => {
    const nextStep = queueNextStep(entry, reader);
    return {
      kind: 'swim-school-queue',
      reference: entry.queueId,
      title: `${entry.course} för ${entry.participant.firstName}`,
      state: swimQueueCatalogue.lookup(entry.status).state,
      label: queueLabel(entry.status, reader),
      updatedAt: new Date(entry.updatedAt),
      ...(entry.status === 'OFFERED' && entry.offer ? { dueDate: entry.offer.answerBy } : {}),
      ...(nextStep ? { nextStep } : {}),
    };
  });
  const bookings = upcoming(answer, today).map((booking): StatusItemInput => ({
    kind: 'swim-booking',
    reference: booking.bookingId,
    title: `${booking.activity} för ${booking.participant.firstName}`,
    state: swimBookingCatalogue.lookup(booking.status).state,
    label: bookingLabel(booking.status, reader),
    updatedAt: new Date(booking.updatedAt),
    nextStep: bookingNextStep(booking, today, reader),
  }));
  return [...queue, ...bookings];
}

function offerView(offer: SwimQueueEntryAnswer['offer']): SwimGroupOffer | null {
  return offer
    ? {
        groupName: offer.groupName,
        facility: offer.facility,
        when: offerWhen(offer),
        answerBy: offer.answerBy,
      }
    : null;
}

export function bookingView(booking: SwimBookingAnswer): SwimBooking {
  const { state, label } = swimBookingCatalogue.lookup(booking.status);
  return {
    bookingId: booking.bookingId,
    participant: booking.participant.firstName,
    activity: booking.activity,
    facility: booking.facility,
    date: booking.date,
    time: sessionTime(booking.date, booking.from, booking.to),
    statusCode: booking.status,
    state,
    label,
    priceSek: booking.priceSek,
  };
}

/** The `swimming` detail: the queue places and the bookings from today on. */
export function swimmingDetail(answer: SwimmingAnswer | null, today: string): Swimming | null {
  if (!answer) return null;
  return {
    queue: answer.queue.map((entry): SwimQueueEntry => {
      const { state, label } = swimQueueCatalogue.lookup(entry.status);
      return {
        queueId: entry.queueId,
        participant: entry.participant.firstName,
        course: entry.course,
        statusCode: entry.status,
        state,
        label,
        place: entry.place,
        joinedAt: new Date(entry.joinedAt),
        offer: offerView(entry.offer),
      };
    }),
    bookings: upcoming(answer, today).map(bookingView),
  };
}
