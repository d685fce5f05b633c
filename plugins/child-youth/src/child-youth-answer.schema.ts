import { z } from 'zod';
import { isoDate } from '@frontdoor/plugin-sdk';

const moment = z.iso.datetime({ offset: true });
// Codes the catalogues do not know are still matters to show (as UNKNOWN); so: any string.
const code = z.string().min(1);

/** The child's handläggare: how to reach them at work (not a whereabouts of the child). */
export const caseOfficer = z.object({
  officerId: z.string().min(1),
  name: z.string().min(1),
  /** The work phone, e.g. 0910-73 50 12. */
  phone: z.string().min(1),
  /** When they answer the phone, in Swedish, e.g. "tisdag och torsdag 9–10". */
  phoneHours: z.string().min(1),
});

/** Who carries out a granted support: a contact family's home is where the child stays. */
const provider = z.object({
  placeId: z.string().min(1),
  name: z.string().min(1),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
});

/** An investigation (utredning enligt SoL 11 kap. 1 §): four months unless extended. */
export const investigation = z.object({
  investigationId: z.string().min(1),
  status: code,
  startedOn: isoDate,
  /** When it must be finished: four months after the start, or the extended date. */
  dueOn: isoDate,
  closedOn: isoDate.nullable(),
  /** Sekretess mot vårdnadshavare (OSL 12 kap. 3 § andra stycket). */
  confidentialFromGuardians: z.boolean(),
  updatedAt: moment,
});

/** A support (insats) applied for or granted: kontaktperson, kontaktfamilj, familjebehandling … */
export const intervention = z.object({
  interventionId: z.string().min(1),
  kind: code,
  status: code,
  decidedOn: isoDate.nullable(),
  validTo: isoDate.nullable(),
  provider: provider.nullable(),
  /** The grounds of the decision (motivering): secret beyond the status. */
  decisionReason: z.string().nullable(),
  confidentialFromGuardians: z.boolean(),
  updatedAt: moment,
});

export const callbackRequest = z.object({
  requestId: z.string().min(1),
  callbackNumber: z.string().min(1),
  message: z.string(),
  receivedAt: moment,
  status: code,
});

/** `GET api/v1/children/{pn}/matters`: what the social-services system knows of one child. */
export const childYouthAnswer = z.object({
  personalNumber: z.string().regex(/^\d{12}$/),
  caseOfficer: caseOfficer.nullable(),
  investigations: z.array(investigation),
  interventions: z.array(intervention),
  callbackRequests: z.array(callbackRequest),
});

export type ChildYouthAnswer = z.infer<typeof childYouthAnswer>;
export type InvestigationAnswer = z.infer<typeof investigation>;
export type InterventionAnswer = z.infer<typeof intervention>;
export type CaseOfficerAnswer = z.infer<typeof caseOfficer>;
export type CallbackRequestAnswer = z.infer<typeof callbackRequest>;

/** What the system answers to a callback request: taken (with the officer who calls), or refused. */
export const callbackOutcome = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('RECEIVED'),
    request: callbackRequest,
    officerName: z.string().min(1),
  }),
  z.object({ outcome: z.literal('REFUSED'), reason: code }),
]);
export type CallbackOutcome = z.infer<typeof callbackOutcome>;
