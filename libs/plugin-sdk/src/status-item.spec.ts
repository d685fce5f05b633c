import { StatusState } from './status-state';
import { isActionUrl, statusItemInput } from './status-item';

const item = (more: Record<string, unknown> = {}) => ({
  kind: 'invoice',
  reference: '2026-10045',
  title: 'Faktura 2026-10045',
  state: StatusState.WAITING_FOR_CUSTOMER,
  label: 'Obetald',
  ...more,
});

describe('status item 4.1: action and payment', () => {
  it('is still valid without them (a 4.0 plugin’s item)', () => {
    expect(statusItemInput.parse(item())).toEqual(item());
  });

  it.each(['https://e-tjanster.exempelstad.se/forskola/erbjudande/FSK-1?steg=2', '#arende-FD-2026-4QFJ8E'])(
    'accepts the link %p',
    (url) => {
      const parsed = statusItemInput.parse(item({ action: { label: 'Svara på erbjudandet', url } }));
      expect(parsed.action).toEqual({ label: 'Svara på erbjudandet', url });
    },
  );

  it.each([
    'http://e-tjanster.exempelstad.se/x',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '//evil.example/x',
    '/mina-arenden/',
    'https://user:secret@evil.example/',
    'https://',
    '#',
    '#"><script>',
    'not a url',
    '',
  ])('refuses the link %p, naming the field', (url) => {
    expect(isActionUrl(url)).toBe(false);
    const result = statusItemInput.safeParse(item({ action: { label: 'Betala', url } }));
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain('action.url');
  });

  it('refuses an action without a label', () => {
    const result = statusItemInput.safeParse(item({ action: { label: '', url: 'https://a.example/' } }));
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['action.label']);
  });

  it('accepts a payment with OCR, bankgiro and amount in öre', () => {
    const payment = { ocr: '2026100457', bankgiro: '5050-1055', amountOre: 175_000 };
    expect(statusItemInput.parse(item({ payment })).payment).toEqual(payment);
  });

  it.each([
    [{ ocr: '12 34', bankgiro: '5050-1055', amountOre: 100 }, 'payment.ocr'],
    [{ ocr: '1234', bankgiro: '50501055', amountOre: 100 }, 'payment.bankgiro'],
    [{ ocr: '1234', bankgiro: '5050-1055', amountOre: 0 }, 'payment.amountOre'],
    [{ ocr: '1234', bankgiro: '5050-1055', amountOre: 12.5 }, 'payment.amountOre'],
  ])('refuses the payment %p at %s', (payment, where) => {
    const result = statusItemInput.safeParse(item({ payment }));
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual([where]);
  });
});
