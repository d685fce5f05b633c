import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { SourceUnavailableError } from '@frontdoor/plugin-sdk';
import { addressKey } from './address-key';
import { WasteImport } from './data/waste-import.entity';
import { WasteProperty } from './data/waste-property.entity';

/** What the plugin reads from its imported tables: properties with their bins, and the data's age. */
export const wasteRecords = z.object({
  importedAt: z.iso.datetime(),
  properties: z.array(
    z.object({
      propertyId: z.string(),
      address: z.string(),
      postalCode: z.string(),
      city: z.string(),
      customerPersonalNumber: z.string(),
      bins: z.array(
        z.object({
          binId: z.string(),
          binType: z.string(),
          sizeLiters: z.number().int(),
          interval: z.string(),
          subscriptionStatus: z.string(),
          nextPickup: z.string(),
        }),
      ),
    }),
  ),
});
export type WasteRecords = z.infer<typeof wasteRecords>;
export type WastePropertyRecord = WasteRecords['properties'][number];

async function latestImport(data: EntityManager): Promise<WasteImport> {
  const [latest] = await data.find(WasteImport, { order: { importedAt: 'DESC' }, take: 1 });
  if (!latest) throw new SourceUnavailableError('no export from the waste system has been imported yet');
  return latest;
}

async function withBins(
  data: EntityManager,
  where: Partial<Pick<WasteProperty, 'customerPersonalNumber' | 'addressKey'>>,
) {
  const properties = await data.find(WasteProperty, {
    where,
    relations: { bins: true },
    order: { propertyId: 'ASC' },
  });
  return properties.map(({ bins, ...property }) => ({
    propertyId: property.propertyId,
    address: property.address,
    postalCode: property.postalCode,
    city: property.city,
    customerPersonalNumber: property.customerPersonalNumber,
    bins: (bins ?? [])
      .sort((a, b) => a.nextPickup.localeCompare(b.nextPickup))
      .map(({ property: _p, propertyId: _id, ...bin }) => bin),
  }));
}

/** The properties a person is customer of; `null` when none. */
export async function wasteRecordsForCustomer(
  data: EntityManager,
  personalNumber: string,
): Promise<WasteRecords | null> {
  const latest = await latestImport(data);
  const properties = await withBins(data, { customerPersonalNumber: personalNumber });
  return properties.length ? { importedAt: latest.importedAt, properties } : null;
}

/** The property at an address (case and spacing do not matter); `null` when unknown. */
export async function wasteRecordsForAddress(
  data: EntityManager,
  address: string,
): Promise<WasteRecords | null> {
  const latest = await latestImport(data);
  const properties = await withBins(data, { addressKey: addressKey(address) });
  return properties.length ? { importedAt: latest.importedAt, properties } : null;
}
