import { StatusState } from './status-state';
import { detailFieldsOf, secretValueForms, statusLevelOf, statusesVisibleAt } from './status-secrecy';

const detail = (field: string, mandate: 1 | 2 | 3 | 4 | 5 | 6) => ({
  field,
  description: 'x',
  type: () => Object,
  map: () => null,
  mandate,
});
const item = (kind: string) => ({
  kind,
  reference: `${kind}-1`,
  title: 't',
  state: StatusState.IN_PROGRESS,
  label: 'l',
});

describe('status secrecy (SDK 4.2)', () => {
  const person = {
    statusLevels: { 'income-support-application': 2 as const, 'income-support-decision': 4 as const },
    detail: detail('incomeSupport', 2),
    details: [detail('incomeSupportDecision', 4)],
  };

  it('needs the declared level for a named kind and level 1 for any other, also an inherited name', () => {
    expect(statusLevelOf(person, 'income-support-application')).toBe(2);
    expect(statusLevelOf(person, 'childcare-application')).toBe(1);
    expect(statusLevelOf(person, 'constructor')).toBe(1);
    expect(statusLevelOf({}, 'income-support-application')).toBe(1);
  });

  it('leaves out, not blanks, what the reader’s level does not reach', () => {
    const items = [item('income-support-application'), item('income-support-decision'), item('note')];
    expect(statusesVisibleAt(person, items, 0).map((i) => i.kind)).toEqual([]);
    expect(statusesVisibleAt(person, items, 1).map((i) => i.kind)).toEqual(['note']);
    expect(statusesVisibleAt(person, items, 3).map((i) => i.kind)).toEqual([
      'income-support-application',
      'note',
    ]);
    expect(statusesVisibleAt(person, items, 6)).toEqual(items);
  });

  it('lists the single detail field first, then the others', () => {
    expect(detailFieldsOf(person).map((d) => d.field)).toEqual(['incomeSupport', 'incomeSupportDecision']);
    expect(detailFieldsOf({})).toEqual([]);
  });

  it('writes a secret number as it is and the Swedish way, and skips values too short to tell', () => {
    const forms = secretValueForms({ a: [{ amount: 5400, note: 'ja', code: 'X-17' }] }, [
      'a.*.amount',
      'a.*.note',
      'a.*.code',
    ]);
    expect(forms).toEqual(expect.arrayContaining(['5400', '5 400', '5\u00a0400', 'X-17']));
    expect(forms).not.toContain('ja');
  });
});
