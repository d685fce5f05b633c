import { StatusState } from '@frontdoor/plugin-sdk';
import type { PermitCase } from './permit-answer.schema';
import { permitStatuses, toBuildingPermit } from './building-permits.plugin';
import { permitStageCatalogue } from './permit-stage.catalogue';
import { isDecisionOverdue, statutoryDecisionDate } from './statutory-decision-date';

const TODAY = '2026-11-24';

describe('statutoryDecisionDate (PBL 9 kap. 27 §)', () => {
  it.each([
    ['2026-11-04', false, '2027-01-13'], // 10 weeks
    ['2026-11-04', true, '2027-03-24'], // extended once: 20 weeks
    ['2026-12-28', false, '2027-03-08'], // over the new year
    ['2028-01-01', false, '2028-03-11'], // through a leap day
    [null, false, null], // not complete: the clock has not started
  ])('complete %p, extended %p -> %p', (complete, extended, expected) => {
    expect(statutoryDecisionDate(complete, extended)).toBe(expected);
  });

  it.each([
    ['2026-11-23', null, true],
    ['2026-11-24', null, false], // the last day itself is on time
    ['2026-11-23', '2026-11-20', false],
    [null, null, false],
  ])('statutory %p, decided %p: overdue %p', (statutory, decided, overdue) => {
    expect(isDecisionOverdue(statutory, decided, TODAY)).toBe(overdue);
  });
});

describe('permit stage catalogue', () => {
  it.each([
    ['RECEIVED', StatusState.RECEIVED, 'Ansökan inkommen'],
    ['COMPLETE', StatusState.IN_PROGRESS, 'Ansökan komplett'],
    ['UNDER_REVIEW', StatusState.IN_PROGRESS, 'Under handläggning'],
    ['DECIDED', StatusState.DECIDED, 'Beslut fattat'],
    ['APPEAL_PERIOD', StatusState.DECIDED, 'Beslutat, överklagandetid pågår'],
    ['CLOSED', StatusState.COMPLETED, 'Avslutat'],
  ])('%s -> %s "%s"', (code, state, label) => {
    expect(permitStageCatalogue.lookup(code)).toEqual({ state, label, known: true });
  });
});

const permit = (overrides: Partial<PermitCase> = {}): PermitCase => ({
  caseNumber: 'BN 2026-000123',
  applicantPersonalNumber: '199001012385',
  propertyDesignation: 'Sjöstaden 4:12',
  description: 'Nybyggnad av enbostadshus',
  stage: 'UNDER_REVIEW',
  receivedDate: '2026-10-25',
  completeDate: '2026-11-04',
  decisionExtended: false,
  decisionDate: null,
  decision: null,
  appealPeriodEnds: null,
  missingDocuments: [],
  caseOfficer: { name: 'Karin Lund', phone: '010-123 45 67' },
  updatedAt: '2026-11-18T10:15:00Z',
  ...overrides,
});

describe('permitStatuses', () => {
  it.each([
    [
      'under review',
      permit(),
      'Under handläggning',
      '2027-01-13',
      'Beslut senast 2027-01-13 (10 veckor från komplett ansökan)',
    ],
    [
      'extended',
      permit({ decisionExtended: true }),
      'Under handläggning',
      '2027-03-24',
      'Beslut senast 2027-03-24 (20 veckor från komplett ansökan)',
    ],
    [
      'overdue',
      permit({ completeDate: '2026-08-26' }),
      'Under handläggning (försenat)',
      '2026-11-04',
      'Beslutet är försenat: skulle ha fattats senast 2026-11-04',
    ],
    [
      'missing documents',
      permit({
        stage: 'RECEIVED',
        completeDate: null,
        missingDocuments: [{ name: 'Situationsplan', requestedDate: '2026-11-21' }],
      }),
      'Komplettering behövs',
      undefined,
      'Skicka in: situationsplan',
    ],
    [
      'appeal period',
      permit({
        stage: 'APPEAL_PERIOD',
        decisionDate: '2026-11-14',
        decision: 'GRANTED',
        appealPeriodEnds: '2026-12-05',
      }),
      'Beslutat, överklagandetid pågår',
      '2026-12-05',
      'Beslutet (beviljat) kan överklagas till och med 2026-12-05',
    ],
  ])('%s', (_label, answer, label, dueDate, nextStep) => {
    const [item] = permitStatuses({ cases: [answer] }, TODAY);
    expect(item).toMatchObject({ kind: 'building-permit', reference: 'BN 2026-000123', label, nextStep });
    expect(item.dueDate).toBe(dueDate);
  });

  it('flags overdue in the typed detail too', () => {
    expect(toBuildingPermit(permit({ completeDate: '2026-08-26' }), TODAY)).toMatchObject({
      overdue: true,
      statutoryDecisionDate: '2026-11-04',
    });
  });

  it('shows an unknown stage as UNKNOWN with the raw code', () => {
    expect(permitStatuses({ cases: [permit({ stage: 'REMITTED' })] }, TODAY)[0]).toMatchObject({
      state: StatusState.UNKNOWN,
      label: 'Okänd status (REMITTED)',
    });
  });
});
