import { purposeFromList } from '../src/lookup-purpose';

const REASONS = [
  { key: 'samtal', label: 'Samtal med personen', needsText: false },
  { key: 'arende', label: 'Handläggning av ärende', needsText: false },
];

describe('the purpose from the list the console names with a lookup', () => {
  it('names the open case when no call is on the line', () => {
    expect(purposeFromList(REASONS, false, 'case-1')).toEqual({ reason: 'arende', caseId: 'case-1' });
  });

  it('names the call when one is on the line, also with a case open', () => {
    expect(purposeFromList(REASONS, true, 'case-1')).toEqual({ reason: 'samtal' });
    expect(purposeFromList(REASONS, true, null)).toEqual({ reason: 'samtal' });
  });

  it('names nothing the hub is not configured with', () => {
    expect(purposeFromList([{ key: 'annat', label: 'Annat', needsText: true }], false, 'case-1')).toBeNull();
    expect(purposeFromList(undefined, true, null)).toBeNull();
  });
});
