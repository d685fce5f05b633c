import { StatusState, statusItemInput } from '@frontdoor/plugin-sdk';
import { invoiceStatusCatalogue } from './invoice-status.catalogue';
import type { InvoiceAnswer } from './invoicing-answer.schema';
import { invoiceDetail, invoiceStatuses } from './invoicing.plugin';
import { formatKronor } from './kronor';

const TODAY = '2026-11-24';
const invoice = (overrides: Partial<InvoiceAnswer> = {}): InvoiceAnswer => ({
  invoiceNumber: '2026-10045',
  issueDate: '2026-11-15',
  dueDate: '2026-12-05',
  amountOre: 175_000,
  remainingOre: 175_000,
  status: 'SENT',
  updatedAt: '2026-11-15T06:00:00Z',
  lines: [{ code: 'FSK-AVG', description: 'Avgift för förskola', period: 'november', amountOre: 125_000 }],
  ...overrides,
});

describe('invoice status catalogue', () => {
  it.each([
    ['SENT', StatusState.WAITING_FOR_CUSTOMER, 'Obetald'],
    ['PARTIALLY_PAID', StatusState.WAITING_FOR_CUSTOMER, 'Delvis betald'],
    ['REMINDER', StatusState.WAITING_FOR_CUSTOMER, 'Påminnelse skickad'],
    ['DEBT_COLLECTION', StatusState.WAITING_FOR_CUSTOMER, 'Skickad till inkasso'],
    ['PAID', StatusState.COMPLETED, 'Betald'],
    ['CREDITED', StatusState.CANCELLED, 'Krediterad'],
  ])('%s -> %s "%s"', (code, state, label) => {
    expect(invoiceStatusCatalogue.lookup(code)).toEqual({ state, label, known: true });
  });
});

describe('formatKronor', () => {
  it.each([
    [125_000, '1 250 kr'],
    [12_550, '125,50 kr'],
    [5, '0,05 kr'],
    [123_456_700, '1 234 567 kr'],
  ])('%d öre reads "%s"', (ore, text) => {
    expect(formatKronor(ore)).toBe(text);
  });
});

describe('invoiceStatuses', () => {
  it.each([
    [invoice(), 'Betala 1 750 kr senast 2026-12-05', '2026-12-05'],
    [invoice({ dueDate: '2026-11-20' }), 'Förfallen 2026-11-20: 1 750 kr kvar att betala', '2026-11-20'],
    [
      invoice({ status: 'PARTIALLY_PAID', remainingOre: 20_000 }),
      'Betala 200 kr senast 2026-12-05',
      '2026-12-05',
    ],
    [invoice({ status: 'REMINDER' }), 'Betala 1 750 kr snarast för att undvika inkasso', '2026-12-05'],
    [
      invoice({ status: 'DEBT_COLLECTION', remainingOre: 140_000 }),
      '1 400 kr hos inkasso; kontakta inkassobolaget för betalning',
      '2026-12-05',
    ],
    [invoice({ status: 'PAID', remainingOre: 0 }), undefined, undefined],
  ])('%#: next step %p, due %p', (answer, nextStep, dueDate) => {
    const [item] = invoiceStatuses({ invoices: [answer] }, TODAY);
    expect(item).toMatchObject({
      kind: 'invoice',
      reference: '2026-10045',
      title: 'Faktura 2026-10045, 1 750 kr',
    });
    expect(item.nextStep).toBe(nextStep);
    expect(item.dueDate).toBe(dueDate);
  });

  it('shows an unknown status as UNKNOWN with the raw code', () => {
    expect(invoiceStatuses({ invoices: [invoice({ status: 'WRITTEN_OFF' })] }, TODAY)[0]).toMatchObject({
      state: StatusState.UNKNOWN,
      label: 'Okänd status (WRITTEN_OFF)',
    });
  });

  describe('how to pay (SDK 4.1 payment)', () => {
    const paying = { ocr: '2026100457', bankgiro: '5050-1055' };

    it.each([
      [invoice(paying), 175_000],
      [invoice({ ...paying, status: 'PARTIALLY_PAID', remainingOre: 20_000 }), 20_000],
      [invoice({ ...paying, status: 'REMINDER', remainingOre: 98_000 }), 98_000],
    ])('%#: gives OCR, bankgiro and what remains to pay', (answer, amountOre) => {
      const [item] = invoiceStatuses({ invoices: [answer] }, TODAY);
      expect(statusItemInput.parse(item).payment).toEqual({ ...paying, amountOre });
    });

    it.each([
      ['paid', invoice({ ...paying, status: 'PAID', remainingOre: 0 })],
      ['at debt collection (paid to the agency)', invoice({ ...paying, status: 'DEBT_COLLECTION' })],
      ['without an OCR from the system', invoice({ bankgiro: '5050-1055' })],
      ['with a malformed OCR', invoice({ ...paying, ocr: 'OCR-12' })],
      ['with a malformed bankgiro', invoice({ ...paying, bankgiro: 'SE45 5000' })],
    ])('gives no payment for an invoice %s, keeping the invoice', (_, answer) => {
      const [item] = invoiceStatuses({ invoices: [answer] }, TODAY);
      expect(item.payment).toBeUndefined();
      expect(item.reference).toBe('2026-10045');
    });
  });

  it('has nothing for an unknown customer', () => {
    expect(invoiceStatuses(null, TODAY)).toEqual([]);
    expect(invoiceDetail(null)).toBeNull();
  });
});

describe('invoiceDetail', () => {
  it('explains each line in words an agent reads aloud', () => {
    const [detail] = invoiceDetail({
      invoices: [
        invoice({
          lines: [
            { code: 'FSK-AVG', description: 'Avgift för förskola', period: 'november', amountOre: 125_000 },
            { code: 'AVF-GROV', description: 'Hämtning av grovavfall', period: null, amountOre: 31_250 },
          ],
        }),
      ],
    })!;
    expect(detail.amountText).toBe('1 750 kr');
    expect(detail.lines.map((l) => l.explanation)).toEqual([
      'Avgift för förskola, november: 1 250 kr',
      'Hämtning av grovavfall: 312,50 kr',
    ]);
  });
});
