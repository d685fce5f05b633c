import { addDays } from '../../clock';

export type InvoiceStatus = 'PAID' | 'SENT' | 'PARTIALLY_PAID' | 'REMINDER' | 'DEBT_COLLECTION' | 'CREDITED';

/** An invoice as the invoicing system sends it. Amounts are in öre (integers), as the system keeps them. */
export interface Invoice {
  invoiceNumber: string;
  issueDate: string;
  dueDate: string;
  amountOre: number;
  remainingOre: number;
  status: InvoiceStatus;
  updatedAt: string;
  /** The OCR reference the payment must carry (the invoice number's digits and a Luhn check digit). */
  ocr: string;
  /** The municipality's bankgiro number the invoice is paid to. */
  bankgiro: string;
  lines: { code: string; description: string; period: string | null; amountOre: number }[];
}

/** The municipality's bankgiro (a demo number). */
const BANKGIRO = '5050-1055';

/** An OCR reference: the invoice number's digits with a Luhn (10-modulus) check digit, as banks check it. */
export function ocrFor(invoiceNumber: string): string {
  const digits = invoiceNumber.replace(/\D/g, '');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]) * (i % 2 === 0 ? 2 : 1);
    if (n > 9) n -= 9;
    sum += n;
  }
  return `${digits}${(10 - (sum % 10)) % 10}`;
}

/** Seeded invoices per customer (personal number), dated relative to the sandbox's today. */
export function seedInvoices(today: string): Map<string, Invoice[]> {
  const seeded = seedInvoicesWithoutPayment(today);
  return new Map(
    [...seeded].map(([customer, invoices]) => [
      customer,
      invoices.map((invoice) => ({ ...invoice, ocr: ocrFor(invoice.invoiceNumber), bankgiro: BANKGIRO })),
    ]),
  );
}

function seedInvoicesWithoutPayment(today: string): Map<string, Omit<Invoice, 'ocr' | 'bankgiro'>[]> {
  const d = (days: number) => addDays(today, days);
  const at = (days: number) => `${addDays(today, days)}T06:00:00Z`;
  const preschool = (period: string, ore: number) => ({
    code: 'FSK-AVG',
    description: 'Avgift för förskola',
    period,
    amountOre: ore,
  });
  return new Map<string, Omit<Invoice, 'ocr' | 'bankgiro'>[]>([
    [
      '199001012385',
      [
        {
          invoiceNumber: '2026-10045',
          issueDate: d(-9),
          dueDate: d(11),
          amountOre: 175_000,
          remainingOre: 175_000,
          status: 'SENT',
          updatedAt: at(-9),
          lines: [
            preschool('november', 125_000),
            {
              code: 'VA-FAST',
              description: 'Vatten och avlopp, fast avgift',
              period: 'november',
              amountOre: 50_000,
            },
          ],
        },
        {
          invoiceNumber: '2026-09031',
          issueDate: d(-40),
          dueDate: d(-19),
          amountOre: 125_000,
          remainingOre: 0,
          status: 'PAID',
          updatedAt: at(-20),
          lines: [preschool('oktober', 125_000)],
        },
        {
          invoiceNumber: '2026-08017',
          issueDate: d(-70),
          dueDate: d(-49),
          amountOre: 125_000,
          remainingOre: 0,
          status: 'PAID',
          updatedAt: at(-50),
          lines: [preschool('september', 125_000)],
        },
        {
          invoiceNumber: '2026-07002',
          issueDate: d(-100),
          dueDate: d(-79),
          amountOre: 31_250,
          remainingOre: 0,
          status: 'CREDITED',
          updatedAt: at(-78),
          lines: [
            { code: 'AVF-GROV', description: 'Hämtning av grovavfall', period: null, amountOre: 31_250 },
          ],
        },
        {
          invoiceNumber: '2026-06950',
          issueDate: d(-130),
          dueDate: d(-109),
          amountOre: 125_000,
          remainingOre: 0,
          status: 'PAID',
          updatedAt: at(-110),
          lines: [preschool('juli', 125_000)],
        },
      ],
    ],
    [
      '196408233234',
      [
        {
          invoiceNumber: '2026-09877',
          issueDate: d(-45),
          dueDate: d(-15),
          amountOre: 98_000,
          remainingOre: 98_000,
          status: 'REMINDER',
          updatedAt: at(-5),
          lines: [
            {
              code: 'AVF-ABB',
              description: 'Avfallsabonnemang, restavfall 190 liter',
              period: 'kvartal 3',
              amountOre: 98_000,
            },
          ],
        },
        {
          invoiceNumber: '2026-05512',
          issueDate: d(-160),
          dueDate: d(-130),
          amountOre: 240_000,
          remainingOre: 140_000,
          status: 'DEBT_COLLECTION',
          updatedAt: at(-30),
          lines: [
            {
              code: 'VA-RORL',
              description: 'Vatten och avlopp, förbrukning',
              period: 'maj',
              amountOre: 240_000,
            },
          ],
        },
      ],
    ],
    [
      '191401682396',
      [
        {
          invoiceNumber: '2026-10311',
          issueDate: d(-3),
          dueDate: d(27),
          amountOre: 45_000,
          remainingOre: 20_000,
          status: 'PARTIALLY_PAID',
          updatedAt: at(-1),
          lines: [{ code: 'BAD-KORT', description: 'Badhuskort, 10 bad', period: null, amountOre: 45_000 }],
        },
      ],
    ],
  ]);
}
