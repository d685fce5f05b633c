import { z } from 'zod';
import { isoDate } from '@frontdoor/plugin-sdk';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM');
const moment = z.iso.datetime({ offset: true });
// Codes the catalogues do not know are still matters or services to show; so: any string.
const code = z.string().min(1);

/** The client's record: decisions (biståndsbeslut) and the change requests the system has taken. */
export const homeCareClient = z.object({
  personalNumber: z.string(),
  /** Where the care is given: the service address, which says where the person is. */
  address: z.object({
    addressId: z.string().min(1),
    street: z.string(),
    postalCode: z.string(),
    city: z.string(),
  }),
  decisions: z.array(
    z.object({
      decisionId: z.string().min(1),
      status: code,
      receivedAt: moment,
      decidedAt: moment.nullable(),
      validFrom: isoDate.nullable(),
      validTo: isoDate.nullable(),
      services: z.array(code),
      teamId: z.string().min(1).nullable(),
      updatedAt: moment,
    }),
  ),
  changeRequests: z.array(
    z.object({
      requestId: z.string().min(1),
      kind: code,
      visitId: z.string().nullable(),
      wishedFrom: clockTime.nullable(),
      wishedTo: clockTime.nullable(),
      pauseFrom: isoDate.nullable(),
      pauseTo: isoDate.nullable(),
      message: z.string(),
      receivedAt: moment,
      status: code,
    }),
  ),
});

export const homeCareVisit = z.object({
  visitId: z.string().min(1),
  date: isoDate,
  from: clockTime,
  to: clockTime,
  services: z.array(code),
  teamId: z.string().min(1),
  status: z.enum(['PLANNED', 'CANCELLED']),
});

/** A team's name and phone: how to reach the staff, not where the person is. */
export const homeCareTeam = z.object({
  teamId: z.string().min(1),
  name: z.string().min(1),
  phone: z.string().min(1),
});

/**
 * What the plugin reads for one person, put together from the system's three resources
 * (client, visits, teams) and validated by the hub before any mapping runs.
 */
export const homeCareAnswer = z.object({
  client: homeCareClient,
  visits: z.object({ visits: z.array(homeCareVisit) }),
  teams: z.array(homeCareTeam),
});

export type HomeCareAnswer = z.infer<typeof homeCareAnswer>;
export type HomeCareDecisionAnswer = HomeCareAnswer['client']['decisions'][number];
export type HomeCareVisitAnswer = z.infer<typeof homeCareVisit>;
export type HomeCareTeamAnswer = z.infer<typeof homeCareTeam>;
export type HomeCareChangeRequestAnswer = HomeCareAnswer['client']['changeRequests'][number];

/** What the system answers to a change request: taken, or refused with its reason. */
export const changeRequestOutcome = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('RECEIVED'),
    request: homeCareClient.shape.changeRequests.element,
  }),
  z.object({ outcome: z.literal('REFUSED'), reason: code }),
]);
export type ChangeRequestOutcome = z.infer<typeof changeRequestOutcome>;
