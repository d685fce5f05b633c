import { StatusState, statusItemInput } from '@frontdoor/plugin-sdk';
import { expectNoSecretInStatuses } from '@frontdoor/plugin-sdk/testing';
import type { IncomeSupportAnswer, IncomeSupportApplicationAnswer } from './income-support-answer.schema';
import {
  incomeSupportDecisions,
  incomeSupportDetail,
  incomeSupportPlugin,
  incomeSupportStatuses,
} from './income-support.plugin';
import { incomeSupportStateCatalogue } from './income-support-state.catalogue';

const TODAY = '2026-11-24';
const E_SERVICE = 'https://e-tjanster.exempelstad.se/forsorjningsstod/ansokan/FB-2026-12-0457';

function application(
  overrides: Partial<IncomeSupportApplicationAnswer> = {},
): IncomeSupportApplicationAnswer {
  return {
    applicationId: 'FB-2026-12-0457',
    period: '2026-12',
    receivedAt: '2026-11-15T10:15:00+01:00',
    updatedAt: '2026-11-23T15:40:00+01:00',
    state: 'DECIDED',
    missingDocuments: [],
    decision: { decidedAt: '2026-11-23T15:40:00+01:00', outcome: 'GRANTED', amountSek: 7230 },
    payment: { plannedDate: '2026-12-18', paidAt: null },
    eServiceUrl: E_SERVICE,
    ...overrides,
  };
}
const answer = (...applications: IncomeSupportApplicationAnswer[]): IncomeSupportAnswer => ({
  clientPersonalNumber: '196408233234',
  caseFileNumber: 'SOC-EB-2019-0457',
  applications,
});
const missing = [
  { documentType: 'BANK_STATEMENT', description: 'Kontoutdrag för november', requestedBy: '2026-12-01' },
  { documentType: 'RENTAL_AGREEMENT', description: 'Hyresavi för december', requestedBy: '2026-11-29' },
];
const words = (found: IncomeSupportAnswer, kind: 'citizen' | 'staff' | 'representative') =>
  incomeSupportStatuses(found, TODAY, { kind }).map(({ title, label, nextStep, dueDate, action }) => ({
    title,
    label,
    nextStep,
    dueDate,
    action,
  }));

describe('income-support state catalogue', () => {
  it.each([
    ['RECEIVED', StatusState.RECEIVED, 'Inkommen'],
    ['INVESTIGATING', StatusState.IN_PROGRESS, 'Under utredning'],
    ['SUPPLEMENT_REQUESTED', StatusState.WAITING_FOR_CUSTOMER, 'Komplettering begärd'],
    ['DECIDED', StatusState.DECIDED, 'Beslutad'],
    ['PAID', StatusState.COMPLETED, 'Utbetald'],
  ])('maps %s to %s "%s"', (code, state, label) => {
    expect(incomeSupportStateCatalogue.lookup(code)).toEqual({ state, label, known: true });
  });
});

describe('incomeSupportStatuses, worded for who reads', () => {
  it('has nothing for a person who never applied', () => {
    expect(incomeSupportStatuses(null, TODAY, { kind: 'citizen' })).toEqual([]);
  });

  it('tells the citizen a granted application and when the money comes, in whole sentences', () => {
    expect(words(answer(application()), 'citizen')).toEqual([
      {
        title: 'Din ansökan om försörjningsstöd för december',
        label: 'Din ansökan för december är beviljad. Pengarna sätts in 2026-12-18.',
        nextStep: 'Beslutet finns i e-tjänsten.',
        dueDate: undefined,
        action: { label: 'Läs beslutet', url: E_SERVICE },
      },
    ]);
  });

  it('tells staff the same in short: the outcome and the planned payment', () => {
    const [item] = incomeSupportStatuses(answer(application()), TODAY, { kind: 'staff' });
    expect(item).toEqual({
      kind: 'income-support-application',
      reference: 'FB-2026-12-0457',
      title: 'Försörjningsstöd december 2026',
      state: StatusState.DECIDED,
      label: 'Beslutad: beviljad',
      nextStep: 'Utbetalning planerad 2026-12-18',
      updatedAt: new Date('2026-11-23T14:40:00Z'),
    });
    expect(statusItemInput.safeParse(item).success).toBe(true);
    // Without a reader (a test, an older hub): staff.
    expect(incomeSupportStatuses(answer(application()), TODAY)).toEqual([item]);
  });

  it('tells a representative about the application, not "your" application', () => {
    expect(words(answer(application()), 'representative')[0]).toMatchObject({
      title: 'Ansökan om försörjningsstöd för december',
      label: 'Ansökan för december är beviljad. Pengarna sätts in 2026-12-18.',
    });
  });

  it('asks for the missing documents with the earliest day they are needed by, and where to send them', () => {
    const waiting = answer(
      application({
        state: 'SUPPLEMENT_REQUESTED',
        decision: null,
        payment: null,
        missingDocuments: missing,
      }),
    );
    expect(words(waiting, 'citizen')[0]).toEqual({
      title: 'Din ansökan om försörjningsstöd för december',
      label: 'Vi behöver fler handlingar från dig.',
      nextStep: 'Skicka in: Kontoutdrag för november, hyresavi för december, senast 2026-11-29.',
      dueDate: '2026-11-29',
      action: { label: 'Skicka in handlingar', url: E_SERVICE },
    });
    expect(words(waiting, 'staff')[0]).toMatchObject({
      label: 'Komplettering begärd',
      nextStep: 'Saknas: Kontoutdrag för november, hyresavi för december (senast 2026-11-29)',
      dueDate: '2026-11-29',
    });
  });

  it.each([
    [{ state: 'RECEIVED', decision: null, payment: null }, 'Vi har tagit emot din ansökan.', 'Inkommen'],
    [{ state: 'INVESTIGATING', decision: null, payment: null }, 'Vi utreder din ansökan.', 'Under utredning'],
    [
      {
        decision: { decidedAt: '2026-11-23T15:40:00+01:00', outcome: 'REJECTED' as const, amountSek: 0 },
        payment: null,
      },
      'Din ansökan för december har fått avslag.',
      'Beslutad: avslag',
    ],
    [
      {
        decision: {
          decidedAt: '2026-11-23T15:40:00+01:00',
          outcome: 'PARTLY_GRANTED' as const,
          amountSek: 5100,
        },
      },
      'Din ansökan för december är delvis beviljad. Pengarna sätts in 2026-12-18.',
      'Beslutad: delvis beviljad',
    ],
    [
      { state: 'PAID', payment: { plannedDate: '2026-12-18', paidAt: '2026-12-18T06:00:00+01:00' } },
      'Pengarna för december sattes in 2026-12-18.',
      'Utbetald',
    ],
  ])('words %p for the citizen and for staff', (overrides, citizen, staff) => {
    const found = answer(application(overrides));
    expect(words(found, 'citizen')[0].label).toBe(citizen);
    expect(words(found, 'staff')[0].label).toBe(staff);
  });

  it('shows a state it does not know as UNKNOWN with its code, never dropping the matter', () => {
    const [item] = incomeSupportStatuses(answer(application({ state: 'ARCHIVED' })), TODAY, {
      kind: 'citizen',
    });
    expect(item.state).toBe(StatusState.UNKNOWN);
    expect(item.label).toContain('ARCHIVED');
  });

  it('leaves out a link that is not https, and keeps the matter', () => {
    const found = answer(application({ eServiceUrl: 'javascript:alert(1)' }));
    expect(words(found, 'citizen')[0]).toMatchObject({
      action: undefined,
      nextStep: 'Beslutet finns i e-tjänsten.',
    });
  });

  it('never tells the decided amount in a status text, for any reader (its secret field)', () => {
    const found = answer(
      application(),
      application({
        applicationId: 'FB-2026-11-0457',
        period: '2026-11',
        state: 'PAID',
        decision: { decidedAt: '2026-10-25T10:00:00+01:00', outcome: 'PARTLY_GRANTED', amountSek: 6815 },
      }),
    );
    expect(() => expectNoSecretInStatuses(incomeSupportPlugin.person, found, TODAY)).not.toThrow();
  });
});

describe('income-support detail fields', () => {
  it('gives the applications without their amounts at level 2, and the amounts alone at level 4', () => {
    const found = answer(application());
    const [level2, level4] = incomeSupportPlugin.person.details!;
    expect([level2.field, level2.mandate, level4.field, level4.mandate]).toEqual([
      'incomeSupport',
      2,
      'incomeSupportDecisions',
      4,
    ]);
    const detail = incomeSupportDetail(found)!;
    expect(JSON.stringify(detail)).not.toContain('7230');
    expect(detail.applications[0]).toMatchObject({ outcome: 'beviljad', plannedPaymentDate: '2026-12-18' });
    expect(incomeSupportDecisions(found)).toEqual({
      decisions: [
        {
          applicationId: 'FB-2026-12-0457',
          period: '2026-12',
          decidedAt: new Date('2026-11-23T14:40:00Z'),
          outcome: 'beviljad',
          decidedAmountSek: 7230,
        },
      ],
    });
  });

  it('needs level 2 to learn that the person has an application at all', () => {
    expect(incomeSupportPlugin.person.statusLevels).toEqual({ 'income-support-application': 2 });
    expect(incomeSupportPlugin.secrecy).toEqual({ class: 'secrecy', statute: 'OSL 26:1' });
  });
});
