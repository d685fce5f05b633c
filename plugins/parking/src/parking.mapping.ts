import type { StatusItemInput, StatusReader } from '@frontdoor/plugin-sdk';
import type { ParkingAnswer, ParkingFineAnswer, ParkingPermitAnswer } from './parking-answer.schema';
import {
  fineLabel,
  parkingFineCatalogue,
  parkingPermitCatalogue,
  permitLabel,
  reviewReasonLabel,
  reviewStateLabel,
} from './parking.catalogues';
import type { Parking, ParkingFine, ParkingPermit } from './parking.types';

const STAFF: StatusReader = { kind: 'staff' };
/** How long before a permit runs out the citizen is told to renew it. */
const RENEW_WITHIN_DAYS = 30;

const dateOf = (moment: string | null) => moment?.slice(0, 10);

/** "1 300 kr": whole kronor with a plain space between thousands, as read aloud. */
export function kronor(amount: number): string {
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} kr`;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);

function permitNextStep(
  permit: ParkingPermitAnswer,
  today: string,
  reader: StatusReader,
): string | undefined {
  const staff = reader.kind === 'staff';
  switch (permit.status) {
    case 'APPLIED':
    case 'IN_REVIEW':
      return staff
        ? `Ansökan inkom ${dateOf(permit.appliedAt)}, ${permit.zone}, ${permit.vehicle}`
        : `Beslut brukar komma inom två veckor från ${dateOf(permit.appliedAt)}`;
    case 'ACTIVE': {
      if (!permit.validTo) return `${permit.zone}, ${permit.vehicle}`;
      const soon = daysBetween(today, permit.validTo) <= RENEW_WITHIN_DAYS;
      if (soon && !staff)
        return reader.kind === 'citizen'
          ? `Gäller till ${permit.validTo}. Ansök om ett nytt tillstånd i e-tjänsten Boendeparkering`
          : `Gäller till ${permit.validTo}; ett nytt tillstånd söks i e-tjänsten Boendeparkering`;
      return `${permit.zone}, ${permit.vehicle}, gäller till ${permit.validTo}`;
    }
    case 'REJECTED':
      if (staff) return permit.decidedAt ? `Beslut ${dateOf(permit.decidedAt)}` : undefined;
      return reader.kind === 'citizen'
        ? 'Du kan överklaga beslutet inom tre veckor från den dag du fick det'
        : 'Beslutet kan överklagas inom tre veckor från den dag det togs emot';
    case 'EXPIRED':
      return permit.validTo ? `Gick ut ${permit.validTo}` : undefined;
    default:
      return undefined;
  }
}

function fineNextStep(fine: ParkingFineAnswer, today: string, reader: StatusReader): string | undefined {
  const amount = kronor(fine.amountSek);
  switch (fine.status) {
    case 'UNPAID': {
      const overdue = fine.dueDate < today;
      if (reader.kind === 'staff')
        return overdue
          ? `${amount}, förföll ${fine.dueDate}: betalningspåminnelse skickas`
          : `${amount}, förfaller ${fine.dueDate}`;
      if (reader.kind === 'representative')
        return overdue
          ? `${amount} skulle ha betalats senast ${fine.dueDate}`
          : `${amount} ska betalas senast ${fine.dueDate}`;
      return overdue
        ? `Betala ${amount} snarast; sista dag var ${fine.dueDate}`
        : `Betala ${amount} senast ${fine.dueDate}, eller begär omprövning`;
    }
    case 'REVIEW_REQUESTED':
      return reader.kind === 'citizen'
        ? 'Du behöver inte betala förrän omprövningen är klar'
        : 'Betalningen väntar tills omprövningen är klar';
    case 'PAID':
    case 'CANCELLED':
      return fine.review?.decidedAt ? `Omprövad ${dateOf(fine.review.decidedAt)}` : undefined;
    default:
      return undefined;
  }
}

/**
 * One status per permit (or application) and one per fine, worded for their reader (SDK 4.1).
 * An unpaid fine carries its due date and how to pay it.
 */
export function parkingStatuses(
  answer: ParkingAnswer | null,
  today: string,
  reader: StatusReader = STAFF,
): StatusItemInput[] {
  if (!answer) return [];
  const permits = answer.permits.map((permit): StatusItemInput => {
    const applying = permit.status === 'APPLIED' || permit.status === 'IN_REVIEW';
    const nextStep = permitNextStep(permit, today, reader);
    return {
      kind: 'parking-permit',
      reference: permit.permitId,
      title: applying ? 'Ansökan om boendeparkering' : 'Boendeparkering',
      state: parkingPermitCatalogue.lookup(permit.status).state,
      label: permitLabel(permit.status, reader),
      updatedAt: new Date(permit.updatedAt),
      ...(permit.status === 'ACTIVE' && permit.validTo ? { dueDate: permit.validTo } : {}),
      ...(nextStep ? { nextStep } : {}),
    };
  });
  const fines = answer.fines.map((fine): StatusItemInput => {
    const nextStep = fineNextStep(fine, today, reader);
    const unpaid = fine.status === 'UNPAID';
    return {
      kind: 'parking-fine',
      reference: fine.fineId,
      title: `Felparkeringsavgift ${dateOf(fine.issuedAt)}`,
      state: parkingFineCatalogue.lookup(fine.status).state,
      label: fineLabel(fine.status, reader),
      updatedAt: new Date(fine.updatedAt),
      ...(unpaid ? { dueDate: fine.dueDate } : {}),
      ...(nextStep ? { nextStep } : {}),
      ...(unpaid
        ? { payment: { ocr: fine.ocr, bankgiro: fine.bankgiro, amountOre: fine.amountSek * 100 } }
        : {}),
    };
  });
  return [...permits, ...fines];
}

function permitView(permit: ParkingPermitAnswer): ParkingPermit {
  const { state, label } = parkingPermitCatalogue.lookup(permit.status);
  return {
    permitId: permit.permitId,
    statusCode: permit.status,
    state,
    label,
    zone: permit.zone,
    vehicle: permit.vehicle,
    appliedAt: new Date(permit.appliedAt),
    validFrom: permit.validFrom,
    validTo: permit.validTo,
  };
}

function fineView(fine: ParkingFineAnswer): ParkingFine {
  const { state, label } = parkingFineCatalogue.lookup(fine.status);
  return {
    fineId: fine.fineId,
    statusCode: fine.status,
    state,
    label,
    vehicle: fine.vehicle,
    issuedAt: new Date(fine.issuedAt),
    location: fine.location,
    amountSek: fine.amountSek,
    dueDate: fine.dueDate,
    ocr: fine.ocr,
    bankgiro: fine.bankgiro,
    review: fine.review
      ? {
          reviewId: fine.review.reviewId,
          reasonLabel: reviewReasonLabel(fine.review.reason),
          stateLabel: reviewStateLabel(fine.review.status),
          requestedAt: new Date(fine.review.requestedAt),
          decidedAt: fine.review.decidedAt ? new Date(fine.review.decidedAt) : null,
        }
      : null,
  };
}

/** The `parking` detail: permits, and fines newest first with their reviews. */
export function parkingDetail(answer: ParkingAnswer | null): Parking | null {
  if (!answer) return null;
  return {
    permits: answer.permits.map(permitView),
    fines: [...answer.fines].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt)).map(fineView),
  };
}
