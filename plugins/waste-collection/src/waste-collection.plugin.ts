import { z } from 'zod';
import { definePlugin, isoDate, type StatusItemInput } from '@frontdoor/plugin-sdk';
import { CreateWasteTables1764100000000 } from './data/1764100000000-CreateWasteTables';
import { WasteBin } from './data/waste-bin.entity';
import { WasteImport } from './data/waste-import.entity';
import { WasteProperty } from './data/waste-property.entity';
import {
  BulkyWasteOrder,
  BulkyWastePickupInput,
  WasteCollection,
  WastePropertyInfo,
} from './graphql/waste-collection.types';
import { binTypeLabel, intervalLabel, wasteSubscriptionCatalogue } from './waste-catalogues';
import { wasteCollectionConfig } from './waste-collection.config';
import { importWasteExport } from './waste-import.job';
import {
  wasteRecords,
  wasteRecordsForAddress,
  wasteRecordsForCustomer,
  type WastePropertyRecord,
  type WasteRecords,
} from './waste-records';

export function toPropertyInfo(property: WastePropertyRecord, importedAt: string): WastePropertyInfo {
  return {
    propertyId: property.propertyId,
    address: property.address,
    postalCode: property.postalCode,
    city: property.city,
    dataAsOf: new Date(importedAt),
    bins: property.bins.map((bin) => {
      const { state, label } = wasteSubscriptionCatalogue.lookup(bin.subscriptionStatus);
      return {
        binId: bin.binId,
        type: bin.binType,
        typeLabel: binTypeLabel(bin.binType),
        sizeLiters: bin.sizeLiters,
        interval: bin.interval,
        intervalLabel: intervalLabel(bin.interval),
        state,
        label,
        nextPickup: bin.nextPickup,
      };
    }),
  };
}

/** One status item per property: the subscription, and the next pickups an agent reads aloud. */
export function wasteStatuses(records: WasteRecords | null): StatusItemInput[] {
  if (!records) return [];
  return records.properties.map((property) => {
    const active = property.bins.filter((bin) => bin.subscriptionStatus === 'ACTIVE');
    const shown = active.length ? active : property.bins;
    const { state, label } = wasteSubscriptionCatalogue.lookup(shown[0]?.subscriptionStatus ?? 'ENDED');
    return {
      kind: 'waste-subscription',
      reference: property.propertyId,
      title: `Sophämtning, ${property.address}`,
      state,
      label,
      updatedAt: new Date(records.importedAt),
      dueDate: active[0]?.nextPickup,
      nextStep: active.length
        ? `Nästa tömning: ${active.map((bin) => `${binTypeLabel(bin.binType).toLowerCase()} ${bin.nextPickup}`).join(', ')}`
        : undefined,
    };
  });
}

const orderAnswer = z.object({
  orderId: z.string().min(1),
  propertyId: z.string(),
  status: z.literal('BOOKED'),
  pickupDate: isoDate,
});

/**
 * Waste collection (avfall, renhållning). The waste system publishes a nightly export, which
 * the plugin imports into its own tables: agents get answers when the system is down, with
 * the data's age shown. Orders (bulky waste) go to the system's API with an idempotency key.
 */
export const wasteCollectionPlugin = definePlugin({
  id: 'waste-collection',
  department: 'Avfall och återvinning',
  version: '1.0.0',
  sdk: '^4',
  config: wasteCollectionConfig,
  connection: { healthPath: 'api/v1/health' },
  data: { entities: [WasteProperty, WasteBin, WasteImport], migrations: [CreateWasteTables1764100000000] },
  jobs: [
    {
      name: 'import-export',
      description: 'Imports the waste system’s nightly export (properties, customers, bins, next pickups).',
      everyMinutes: 24 * 60,
      runOnStart: true,
      run: ({ http, data }) => importWasteExport({ http, data }),
    },
  ],
  person: {
    fetch: ({ data }, person) => wasteRecordsForCustomer(data!, person.personalNumber),
    answer: wasteRecords,
    statuses: (records) => wasteStatuses(records),
    detail: {
      field: 'wasteCollection',
      description: 'Waste collection at the properties the person is customer of.',
      type: () => WasteCollection,
      map: (records) =>
        records
          ? {
              dataAsOf: new Date(records.importedAt),
              properties: records.properties.map((p) => toPropertyInfo(p, records.importedAt)),
            }
          : null,
      mandate: 1,
    },
    whereabouts: ['properties.*.address', 'properties.*.postalCode', 'properties.*.city'],
    // The property id is also each status's reference; a bin stands at the property.
    placeIds: ['properties.*.propertyId', 'properties.*.bins.*.binId'],
  },
  queries: ({ defineQuery }) => [
    defineQuery({
      field: 'property',
      description: 'A property and its waste collection by street address (case and spacing do not matter).',
      args: z.object({
        address: z.string().trim().min(3, 'address: give at least a street and number').max(200),
      }),
      type: () => WastePropertyInfo,
      fetch: ({ data }, args: { address: string }) => wasteRecordsForAddress(data!, args.address),
      answer: wasteRecords,
      map: (records: WasteRecords) => toPropertyInfo(records.properties[0], records.importedAt),
      subjects: (records: WasteRecords) => records.properties.map((p) => p.customerPersonalNumber),
      mandate: 1,
      whereabouts: ['properties.*.address', 'properties.*.postalCode', 'properties.*.city'],
      placeIds: ['properties.*.propertyId', 'properties.*.bins.*.binId'],
      // Any answer at a protected customer's address, blanked or not, says who lives there.
      findsByPlace: true,
    }),
  ],
  actions: ({ defineAction }) => [
    defineAction({
      field: 'orderBulkyWastePickup',
      description: 'Orders a bulky waste pickup (grovsopshämtning) at a property.',
      mandate: 3,
      inputType: () => BulkyWastePickupInput,
      input: z.object({
        propertyId: z.string().min(1),
        preferredDate: isoDate,
        description: z.string().trim().min(3, 'describe what is to be picked up').max(500),
        orderedBy: z.string().regex(/^\d{12}$/, 'expected a 12-digit personal number'),
      }),
      type: () => BulkyWasteOrder,
      // The hub sends the client's idempotency key with the order: a retry never books twice.
      run: ({ http }, input) => http.postJson('api/v1/orders', { ...input, kind: 'BULKY_WASTE' }),
      answer: orderAnswer,
      map: (order) => ({
        ...order,
        label: `Grovsopshämtning bokad ${order.pickupDate} (order ${order.orderId})`,
      }),
      subjects: (input) => [input.orderedBy],
    }),
  ],
});
