import { addDays } from '../../clock';

/**
 * The waste system's nightly export: one row per bin, with the property, its address,
 * the customer and the next pickup. Two rows are broken on purpose (as real exports
 * sometimes are) so the import's reporting of rejected rows can be seen in the demo.
 */
export const WASTE_EXPORT_COLUMNS = [
  'property_id',
  'address',
  'postal_code',
  'city',
  'customer_personal_number',
  'bin_id',
  'bin_type',
  'size_liters',
  'interval',
  'next_pickup',
  'subscription_status',
] as const;

export function seedWasteExport(today: string): string[][] {
  const d = (days: number) => addDays(today, days);
  return [
    [
      'P-1001',
      'Storgatan 12',
      '123 45',
      'Exempelstad',
      '199001012385',
      'B-1',
      'RESTAVFALL',
      '190',
      'BIWEEKLY',
      d(3),
      'ACTIVE',
    ],
    [
      'P-1001',
      'Storgatan 12',
      '123 45',
      'Exempelstad',
      '199001012385',
      'B-2',
      'MATAVFALL',
      '140',
      'WEEKLY',
      d(1),
      'ACTIVE',
    ],
    [
      'P-1002',
      'Björkvägen 7',
      '123 50',
      'Exempelstad',
      '200002292399',
      'B-3',
      'RESTAVFALL',
      '240',
      'BIWEEKLY',
      d(8),
      'ACTIVE',
    ],
    [
      'P-1003',
      'Gamla vägen 1',
      '123 60',
      'Exempelstad',
      '190001019801',
      'B-4',
      'RESTAVFALL',
      '190',
      'MONTHLY',
      d(15),
      'ACTIVE',
    ],
    [
      'P-1003',
      'Gamla vägen 1',
      '123 60',
      'Exempelstad',
      '190001019801',
      'B-5',
      'TRADGARDSAVFALL',
      '370',
      'SEASONAL',
      d(140),
      'PAUSED',
    ],
    // Broken rows: a date that does not exist, and a bin without a size.
    [
      'P-1004',
      'Ekgatan 3',
      '123 70',
      'Exempelstad',
      '196408233234',
      'B-6',
      'RESTAVFALL',
      '190',
      'BIWEEKLY',
      '2026-13-40',
      'ACTIVE',
    ],
    [
      'P-1004',
      'Ekgatan 3',
      '123 70',
      'Exempelstad',
      '196408233234',
      'B-7',
      'MATAVFALL',
      '',
      'WEEKLY',
      d(2),
      'ACTIVE',
    ],
  ];
}

export function toCsv(rows: string[][]): string {
  const quote = (value: string) => (/[";\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [WASTE_EXPORT_COLUMNS.join(';'), ...rows.map((row) => row.map(quote).join(';'))].join('\n') + '\n';
}
