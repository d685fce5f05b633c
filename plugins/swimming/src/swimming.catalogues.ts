import { StatusState, statusCatalogue, type StatusReader } from '@frontdoor/plugin-sdk';

type Wording = Record<Exclude<StatusReader['kind'], 'staff'>, string>;

/** Every queue state the bath system sends, as staff read it. */
export const swimQueueCatalogue = statusCatalogue({
  WAITING: { state: StatusState.IN_PROGRESS, label: 'Står i kö' },
  OFFERED: { state: StatusState.WAITING_FOR_CUSTOMER, label: 'Plats erbjuden' },
  ACCEPTED: { state: StatusState.DECIDED, label: 'Platsen accepterad' },
  DECLINED: { state: StatusState.CANCELLED, label: 'Erbjudandet avböjt' },
  REMOVED: { state: StatusState.CANCELLED, label: 'Borttagen ur kön' },
});
type QueueCode = (typeof swimQueueCatalogue.codes)[number];

/** Every booking state the bath system sends, as staff read it. */
export const swimBookingCatalogue = statusCatalogue({
  BOOKED: { state: StatusState.DECIDED, label: 'Bokad' },
  CANCELLED: { state: StatusState.CANCELLED, label: 'Avbokad' },
  ATTENDED: { state: StatusState.COMPLETED, label: 'Genomförd' },
});
type BookingCode = (typeof swimBookingCatalogue.codes)[number];

/** The same states worded for the booker themselves and for someone acting for them. */
const QUEUE_WORDING: Record<QueueCode, Wording> = {
  WAITING: { citizen: 'Ni står i kö till simskolan', representative: 'Står i kö till simskolan' },
  OFFERED: { citizen: 'Ni har fått ett erbjudande om plats', representative: 'Plats erbjuden' },
  ACCEPTED: { citizen: 'Ni har tackat ja till platsen', representative: 'Platsen är accepterad' },
  DECLINED: { citizen: 'Ni har tackat nej till platsen', representative: 'Erbjudandet är avböjt' },
  REMOVED: { citizen: 'Ni står inte längre i kön', representative: 'Borttagen ur kön' },
};
const BOOKING_WORDING: Record<BookingCode, Wording> = {
  BOOKED: { citizen: 'Du har en bokning', representative: 'Bokad' },
  CANCELLED: { citizen: 'Din bokning är avbokad', representative: 'Avbokad' },
  ATTENDED: { citizen: 'Genomförd', representative: 'Genomförd' },
};

/** The label for a state and reader; an unknown code reads the same to everyone. */
export function queueLabel(code: string, reader: StatusReader): string {
  const entry = swimQueueCatalogue.lookup(code);
  if (!entry.known || reader.kind === 'staff') return entry.label;
  return QUEUE_WORDING[code as QueueCode][reader.kind];
}

export function bookingLabel(code: string, reader: StatusReader): string {
  const entry = swimBookingCatalogue.lookup(code);
  if (!entry.known || reader.kind === 'staff') return entry.label;
  return BOOKING_WORDING[code as BookingCode][reader.kind];
}

/** Why the system refused a cancellation, in Swedish for the agent to read aloud. */
const REFUSALS: Record<string, string> = {
  UNKNOWN_BOOKING: 'Bokningen finns inte i badhusets system. Kontrollera bokningsnumret.',
  NOT_BOOKER: 'Bokningen är gjord av någon annan. Den som bokade avbokar.',
  ALREADY_CANCELLED: 'Bokningen är redan avbokad.',
  TOO_LATE: 'Bokningen kan inte avbokas samma dag. Avboka senast dagen före.',
  PASSED: 'Tillfället har redan varit och kan inte avbokas.',
};

export function refusalLabel(reason: string): string {
  return REFUSALS[reason] ?? `Badhusets system tog inte emot avbokningen (${reason}).`;
}
