import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { JobReport, SourceHttp } from '@frontdoor/plugin-sdk';
import { addressKey } from './address-key';
import { WasteBin } from './data/waste-bin.entity';
import { WasteImport } from './data/waste-import.entity';
import { WasteProperty } from './data/waste-property.entity';
import { parseWasteExport } from './waste-export';

/**
 * Imports the waste system's nightly export into the plugin's tables, so agents get
 * answers even when the waste system is down. All or nothing: the valid rows replace the
 * previous import in one transaction; an unreadable file changes nothing.
 */
export async function importWasteExport(
  ctx: { http: SourceHttp; data: EntityManager },
  now = new Date(),
): Promise<JobReport> {
  const { http, data } = ctx;
  const csv = await http.getText('export/latest.csv');
  const { rows, rejections } = parseWasteExport(csv);

  const properties = new Map<string, WasteProperty>();
  for (const row of rows) {
    if (properties.has(row.property_id)) continue;
    properties.set(row.property_id, {
      propertyId: row.property_id,
      address: row.address,
      addressKey: addressKey(row.address),
      postalCode: row.postal_code,
      city: row.city,
      customerPersonalNumber: row.customer_personal_number,
    });
  }
  const bins: WasteBin[] = rows.map((row) => ({
    binId: row.bin_id,
    propertyId: row.property_id,
    binType: row.bin_type,
    sizeLiters: row.size_liters,
    interval: row.interval,
    subscriptionStatus: row.subscription_status,
    nextPickup: row.next_pickup,
  }));

  await data.transaction(async (tx) => {
    await tx.createQueryBuilder().delete().from(WasteBin).execute();
    await tx.createQueryBuilder().delete().from(WasteProperty).execute();
    // Chunked: SQLite caps the variables of one statement.
    for (const chunk of chunks([...properties.values()], 100)) await tx.insert(WasteProperty, chunk);
    for (const chunk of chunks(bins, 100)) await tx.insert(WasteBin, chunk);
    await tx.insert(WasteImport, {
      id: randomUUID(),
      importedAt: now.toISOString(),
      rowsImported: rows.length,
      rowsRejected: rejections.length,
      rejections,
    });
  });

  return {
    summary: `imported ${rows.length} bins on ${properties.size} properties, rejected ${rejections.length} rows`,
    counts: { imported: rows.length, rejected: rejections.length },
  };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
