import { StatusState } from '@frontdoor/plugin-sdk';
import { byNewest, namespaceOf, statusEvents } from './customer-events';

describe('customer events: the mapping', () => {
  it.each([
    ['Förskola', 'FORSKOLA'],
    ['Avfall och återvinning', 'AVFALL_OCH_ATERVINNING'],
    ['Ekonomi, fakturor', 'EKONOMI_FAKTUROR'],
    ['Äldreomsorg', 'ALDREOMSORG'],
    ['  Bygglov  ', 'BYGGLOV'],
  ])('namespaces %s as %s', (department, namespace) => {
    expect(namespaceOf(department)).toBe(namespace);
  });

  const item = (state: StatusState, extra: Record<string, unknown> = {}) => ({
    source: 'childcare-queue',
    kind: 'childcare-application',
    reference: 'FSK-1',
    title: 'Förskoleplats',
    state,
    label: 'Plats erbjuden',
    asOf: new Date('2026-11-24T09:00:00Z'),
    ...extra,
  });

  it.each([
    [StatusState.WAITING_FOR_CUSTOMER, 'VANTAR_PA_DIG', true, false],
    [StatusState.RECEIVED, 'INKOMMEN', false, false],
    [StatusState.IN_PROGRESS, 'UNDER_HANDLAGGNING', false, false],
    [StatusState.DECIDED, 'BESLUT', false, false],
    [StatusState.COMPLETED, 'AVSLUTAT', false, true],
    [StatusState.CANCELLED, 'ATERKALLAT', false, true],
    [StatusState.UNKNOWN, 'OKAND', false, false],
  ])('maps %s to %s (action %s, done %s)', (state, typ, action, done) => {
    const [event] = statusEvents([item(state)], () => 'Förskola', 'EXEMPELSTAD', 'https://x/mina-arenden/');
    expect(event).toMatchObject({
      kundhandelseTyp: `EXEMPELSTAD.FORSKOLA.${typ}`,
      producentarendetKraverKundatgard: action,
      producentarendetKlart: done,
      tidpunkt: '2026-11-24T09:00:00.000Z',
      sprak: 'sv',
    });
  });

  it('keeps an id stable for the same status, and new when it changes', () => {
    const map = (extra: Record<string, unknown>) =>
      statusEvents([item(StatusState.WAITING_FOR_CUSTOMER, extra)], () => 'Förskola', 'X', 'u')[0]
        .kundhandelseId;
    expect(map({})).toBe(map({}));
    expect(map({ label: 'Svar mottaget' })).not.toBe(map({}));
  });

  it('says the next step after the label, and orders newest first then by id', () => {
    const [event] = statusEvents(
      [item(StatusState.WAITING_FOR_CUSTOMER, { nextStep: 'Svara senast 2026-12-05' })],
      () => 'Förskola',
      'X',
      'u',
    );
    expect(event.beskrivning).toBe('Plats erbjuden. Svara senast 2026-12-05');
    const a = { ...event, kundhandelseId: 'a', tidpunkt: '2026-01-01T00:00:00.000Z' };
    const b = { ...event, kundhandelseId: 'b', tidpunkt: '2026-01-02T00:00:00.000Z' };
    const c = { ...event, kundhandelseId: 'c', tidpunkt: '2026-01-02T00:00:00.000Z' };
    expect([a, c, b].sort(byNewest).map((e) => e.kundhandelseId)).toEqual(['b', 'c', 'a']);
  });
});
