import { z } from 'zod';
import { isoDate } from '@frontdoor/plugin-sdk';

const moment = z.iso.datetime({ offset: true });
// Codes the catalogues do not know are still installations or results to show; so: any string.
const code = z.string().min(1);

/** A protocol's remark (anmärkning): what the owner must fix, and by when. */
export const protocolRemark = z.object({
  code,
  text: z.string(),
  fixBy: isoDate.nullable(),
});

/** A fireplace or boiler with its chimney (eldstad med rökkanal), as the sweep register keeps it. */
export const sweepInstallation = z.object({
  installationId: z.string().min(1),
  /** WOOD_STOVE, TILED_STOVE, FIREPLACE, INSERT, WOOD_BOILER, PELLET_BOILER, OIL_BOILER. */
  kind: code,
  nextVisit: z.object({ kind: code, date: isoDate }).nullable(),
  lastProtocol: z
    .object({
      protocolId: z.string().min(1),
      /** SWEEP (sotning) or INSPECTION (brandskyddskontroll). */
      kind: code,
      performedOn: isoDate,
      /** NO_REMARKS, REMARKS or USAGE_BAN (eldningsförbud). */
      result: code,
      remarks: z.array(protocolRemark),
    })
    .nullable(),
});

export const sweepProperty = z.object({
  propertyId: z.string().min(1),
  designation: z.string(),
  address: z.object({ street: z.string(), postalCode: z.string(), city: z.string() }),
  /** The sweep contractor for the district: how to reach them, not where the owner is. */
  contractor: z.object({ name: z.string().min(1), phone: z.string().min(1) }),
  installations: z.array(sweepInstallation),
  updatedAt: moment,
});

/** What the sweep register answers for one owner, validated by the hub before mapping. */
export const chimneySweepAnswer = z.object({
  personalNumber: z.string(),
  properties: z.array(sweepProperty),
});

export type ChimneySweepAnswer = z.infer<typeof chimneySweepAnswer>;
export type SweepPropertyAnswer = z.infer<typeof sweepProperty>;
export type SweepInstallationAnswer = z.infer<typeof sweepInstallation>;
