import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { SourceAnswerInvalidError } from '@frontdoor/plugin-sdk';

export const EXPECTED_COLUMNS = [
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

const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'not a real date');

/** One row of the waste system's export, as the import accepts it. */
export const wasteExportRow = z.object({
  property_id: z.string().min(1, 'property_id is empty'),
  address: z.string().min(1, 'address is empty'),
  postal_code: z.string().regex(/^\d{3} ?\d{2}$/, 'expected a postal code like 123 45'),
  city: z.string().min(1, 'city is empty'),
  customer_personal_number: z.string().regex(/^\d{12}$/, 'expected 12 digits'),
  bin_id: z.string().min(1, 'bin_id is empty'),
  bin_type: z.string().min(1, 'bin_type is empty'),
  size_liters: z.coerce
    .number({ error: 'expected a number of liters' })
    .int()
    .positive('expected a positive number of liters'),
  interval: z.string().min(1, 'interval is empty'),
  next_pickup: calendarDate,
  subscription_status: z.string().min(1, 'subscription_status is empty'),
});
export type WasteExportRow = z.infer<typeof wasteExportRow>;

export interface ParsedWasteExport {
  rows: WasteExportRow[];
  /** Rows that failed validation: reported with their line in the file, never dropped silently. */
  rejections: { line: number; reason: string }[];
}

/**
 * Parses the nightly export (semicolon-separated, header first). A file whose columns are
 * not the expected ones is refused whole: importing it would drop every property.
 */
export function parseWasteExport(csv: string): ParsedWasteExport {
  let records: string[][];
  try {
    records = parse(csv, { delimiter: ';', skip_empty_lines: true, relax_column_count: true, bom: true });
  } catch (error) {
    throw new SourceAnswerInvalidError(`the export is not readable CSV: ${(error as Error).message}`);
  }
  const [header, ...body] = records;
  if (!header || header.join(';') !== EXPECTED_COLUMNS.join(';')) {
    throw new SourceAnswerInvalidError(
      `the export's columns are not the expected ones (got: ${(header ?? []).join(';').slice(0, 200)})`,
    );
  }
  const rows: WasteExportRow[] = [];
  const rejections: ParsedWasteExport['rejections'] = [];
  const seenBins = new Set<string>();
  body.forEach((values, index) => {
    const line = index + 2;
    if (values.length !== EXPECTED_COLUMNS.length) {
      rejections.push({ line, reason: `expected ${EXPECTED_COLUMNS.length} columns, got ${values.length}` });
      return;
    }
    const parsed = wasteExportRow.safeParse(
      Object.fromEntries(EXPECTED_COLUMNS.map((column, i) => [column, values[i].trim()])),
    );
    if (!parsed.success) {
      rejections.push({
        line,
        reason: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
      });
      return;
    }
    if (seenBins.has(parsed.data.bin_id)) {
      rejections.push({ line, reason: `bin_id ${parsed.data.bin_id} appears twice` });
      return;
    }
    seenBins.add(parsed.data.bin_id);
    rows.push(parsed.data);
  });
  return { rows, rejections };
}
