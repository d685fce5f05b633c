import { StatusState, statusItemInput } from '@frontdoor/plugin-sdk';
import {
  childcareAnswer,
  type ChildcareAnswer,
  type ChildcareApplicationAnswer,
} from './childcare-answer.schema';
import { childcareDetail, childcareQueueConfig, childcareStatuses } from './childcare-queue.plugin';
import { childcareStatusCatalogue } from './childcare-status.catalogue';

const TODAY = '2026-11-24';

function application(overrides: Partial<ChildcareApplicationAnswer> = {}): ChildcareApplicationAnswer {
  return {
    applicationId: 'FSK-1',
    child: { personalNumber: '202402292383', firstName: 'Tilde' },
    submittedAt: '2026-07-27T09:30:00+01:00',
    updatedAt: '2026-11-22T14:05:00+01:00',
    wishedStartDate: '2026-12-24',
    queuePosition: 7,
    status: 'IN_QUEUE',
    preferredUnits: [
      { unitId: 'U-2', name: 'Förskolan Ekorren', rank: 2 },
      { unitId: 'U-1', name: 'Förskolan Solrosen', rank: 1 },
    ],
    offer: null,
    ...overrides,
  };
}

const answer = (...applications: ChildcareApplicationAnswer[]): ChildcareAnswer => ({
  guardianPersonalNumber: '199001012385',
  applications,
});
const offer = (o: Partial<NonNullable<ChildcareApplicationAnswer['offer']>> = {}) => ({
  unitId: 'U-1',
  unitName: 'Förskolan Solrosen',
  startDate: '2027-01-04',
  answerBy: '2026-12-05',
  answered: false,
  answer: null,
  ...o,
});

describe('childcare status catalogue', () => {
  it.each([
    ['IN_QUEUE', StatusState.IN_PROGRESS, 'Står i kö'],
    ['INCOMPLETE', StatusState.WAITING_FOR_CUSTOMER, 'Ansökan är inte komplett'],
    ['OFFERED', StatusState.WAITING_FOR_CUSTOMER, 'Plats erbjuden'],
    ['ACCEPTED', StatusState.DECIDED, 'Erbjudandet är accepterat'],
    ['DECLINED', StatusState.CANCELLED, 'Erbjudandet är avböjt'],
    ['PLACED', StatusState.COMPLETED, 'Placerad'],
    ['WITHDRAWN', StatusState.CANCELLED, 'Ansökan återkallad'],
  ])('maps %s to %s "%s"', (code, state, label) => {
    expect(childcareStatusCatalogue.lookup(code)).toEqual({ state, label, known: true });
  });
});

describe('childcareStatuses', () => {
  it('has nothing for a guardian the system does not know', () => {
    expect(childcareStatuses(null, TODAY)).toEqual([]);
  });

  it('tells a queued application’s place and wished start', () => {
    expect(childcareStatuses(answer(application()), TODAY)).toEqual([
      {
        kind: 'childcare-application',
        reference: 'FSK-1',
        title: 'Förskoleplats för Tilde',
        state: StatusState.IN_PROGRESS,
        label: 'Står i kö',
        updatedAt: new Date('2026-11-22T13:05:00Z'),
        nextStep: 'Plats 7 i kön, önskat startdatum 2026-12-24',
      },
    ]);
  });

  it.each([
    [offer(), 'Svara på erbjudandet senast 2026-12-05', '2026-12-05'],
    [offer({ answerBy: '2026-11-20' }), 'Svarstiden gick ut 2026-11-20', '2026-11-20'],
    [
      offer({ answered: true, answer: 'YES' }),
      'Svar (ja) mottaget; placeringen bekräftas av förskolan',
      undefined,
    ],
    [
      offer({ answered: true, answer: 'NO' }),
      'Svar (nej) mottaget; placeringen bekräftas av förskolan',
      undefined,
    ],
  ])('an offer %p: next step %p, due %p', (o, nextStep, dueDate) => {
    const [item] = childcareStatuses(
      answer(application({ status: 'OFFERED', queuePosition: null, offer: o })),
      TODAY,
    );
    expect(item.nextStep).toBe(nextStep);
    expect(item.dueDate).toBe(dueDate);
    expect(item.state).toBe(StatusState.WAITING_FOR_CUSTOMER);
  });

  describe('the link to where it is done (SDK 4.1 action)', () => {
    const ANSWER = 'https://e-tjanster.exempelstad.se/forskola/erbjudande/FSK-1';
    const COMPLETE = 'https://e-tjanster.exempelstad.se/forskola/ansokan/FSK-1';

    it('links an open offer to the page where it is answered, and a valid item says so', () => {
      const [item] = childcareStatuses(
        answer(
          application({ status: 'OFFERED', eServiceUrl: COMPLETE, offer: offer({ answerUrl: ANSWER }) }),
        ),
        TODAY,
      );
      expect(item.action).toEqual({ label: 'Svara på erbjudandet', url: ANSWER });
      expect(statusItemInput.parse(item).action).toEqual(item.action);
    });

    it('links an incomplete application to the e-service', () => {
      const [item] = childcareStatuses(
        answer(application({ status: 'INCOMPLETE', eServiceUrl: COMPLETE })),
        TODAY,
      );
      expect(item.action).toEqual({ label: 'Komplettera ansökan', url: COMPLETE });
    });

    it.each([
      ['an answered offer', offer({ answered: true, answer: 'YES', answerUrl: ANSWER })],
      ['an offer past its answer date', offer({ answerBy: '2026-11-20', answerUrl: ANSWER })],
    ])('offers no link for %s', (_, o) => {
      const [item] = childcareStatuses(answer(application({ status: 'OFFERED', offer: o })), TODAY);
      expect(item.action).toBeUndefined();
    });

    it.each([
      'javascript:alert(1)',
      'http://e-tjanster.exempelstad.se/x',
      'https://user:pw@evil.example/',
      'not a url',
    ])('leaves out a link the SDK refuses (%p), keeping the matter and its next step', (url) => {
      const [item] = childcareStatuses(
        answer(application({ status: 'OFFERED', offer: offer({ answerUrl: url }) })),
        TODAY,
      );
      expect(item.action).toBeUndefined();
      expect(item.nextStep).toBe('Svara på erbjudandet senast 2026-12-05');
    });
  });

  it('shows a code the catalogue lacks as UNKNOWN with the raw code', () => {
    const [item] = childcareStatuses(answer(application({ status: 'ON_HOLD_BY_UNIT' })), TODAY);
    expect(item).toMatchObject({ state: StatusState.UNKNOWN, label: 'Okänd status (ON_HOLD_BY_UNIT)' });
  });
});

describe('childcareDetail', () => {
  it('orders preferred units by rank and carries the offer', () => {
    const detail = childcareDetail(answer(application({ status: 'OFFERED', offer: offer() })));
    expect(detail?.applications[0].preferredUnits.map((u) => u.rank)).toEqual([1, 2]);
    expect(detail?.applications[0]).toMatchObject({
      statusCode: 'OFFERED',
      label: 'Plats erbjuden',
      offer: { answerBy: '2026-12-05', answered: false },
    });
  });

  it('is null for a guardian the system does not know', () => {
    expect(childcareDetail(null)).toBeNull();
  });
});

describe('the childcare system’s answer schema', () => {
  it.each([
    [{ applications: 'nope' }, 'guardianPersonalNumber'],
    [
      { guardianPersonalNumber: 'x', applications: [{ ...application(), queuePosition: -1 }] },
      'queuePosition',
    ],
    [
      { guardianPersonalNumber: 'x', applications: [{ ...application(), wishedStartDate: '24/12/2026' }] },
      'wishedStartDate',
    ],
  ])('rejects %p at %s', (body, where) => {
    const result = childcareAnswer.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.')).join(' ')).toContain(where);
  });
});

describe('childcare config', () => {
  it('holds nothing of the connection: a base URL or key there is refused (they belong to the hub)', () => {
    expect(childcareQueueConfig.safeParse({}).success).toBe(true);
    expect(
      childcareQueueConfig.safeParse({ baseUrl: 'http://127.0.0.1:4010/childcare/', apiKey: 'k' }).success,
    ).toBe(false);
  });
});
