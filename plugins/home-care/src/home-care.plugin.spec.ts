import { StatusState, checkInput, statusItemInput, type StatusReader } from '@frontdoor/plugin-sdk';
import {
  changeRequestOutcome,
  homeCareAnswer,
  type HomeCareAnswer,
  type HomeCareDecisionAnswer,
  type HomeCareVisitAnswer,
} from './home-care-answer.schema';
import { homeCareChangeInput } from './home-care-change.input';
import { homeCareDecisionCatalogue, serviceLabel } from './home-care.catalogues';
import { homeCareDetail, homeCareStatuses } from './home-care.mapping';
import { homeCareConfig, homeCarePlugin } from './home-care.plugin';

const TODAY = '2026-11-24'; // a Tuesday
const CITIZEN: StatusReader = { kind: 'citizen' };
const STAFF: StatusReader = { kind: 'staff' };
const REPRESENTATIVE: StatusReader = { kind: 'representative' };

function decision(overrides: Partial<HomeCareDecisionAnswer> = {}): HomeCareDecisionAnswer {
  return {
    decisionId: 'HT-2026-0412',
    status: 'GRANTED',
    receivedAt: '2026-05-08T10:15:00+02:00',
    decidedAt: '2026-05-28T10:15:00+02:00',
    validFrom: '2026-05-30',
    validTo: null,
    services: ['PERSONAL_CARE', 'SHOPPING'],
    teamId: 'T-LARKAN',
    updatedAt: '2026-11-21T10:15:00+01:00',
    ...overrides,
  };
}

function visit(overrides: Partial<HomeCareVisitAnswer> = {}): HomeCareVisitAnswer {
  return {
    visitId: 'V-1',
    date: '2026-11-25',
    from: '08:00',
    to: '08:45',
    services: ['PERSONAL_CARE'],
    teamId: 'T-LARKAN',
    status: 'PLANNED',
    ...overrides,
  };
}

function answer(decisions: HomeCareDecisionAnswer[], visits: HomeCareVisitAnswer[] = []): HomeCareAnswer {
  return {
    client: {
      personalNumber: '190001019801',
      address: { addressId: 'ADR-1', street: 'Norrgatan 4', postalCode: '931 30', city: 'Skellefteå' },
      decisions,
      changeRequests: [],
    },
    visits: { visits },
    teams: [{ teamId: 'T-LARKAN', name: 'Hemtjänstgrupp Lärkan', phone: '0910-73 51 10' }],
  };
}

describe('the home-care decision catalogue', () => {
  it.each([
    ['RECEIVED', StatusState.RECEIVED, 'Ansökan inkommen'],
    ['INVESTIGATING', StatusState.IN_PROGRESS, 'Utreds'],
    ['GRANTED', StatusState.DECIDED, 'Beviljad'],
    ['REJECTED', StatusState.DECIDED, 'Avslagen'],
    ['ENDED', StatusState.COMPLETED, 'Upphört'],
  ])('maps %s to %s "%s"', (code, state, label) => {
    expect(homeCareDecisionCatalogue.lookup(code)).toEqual({ state, label, known: true });
  });
});

describe('homeCareStatuses', () => {
  it('has nothing for a person the system does not know, for every reader', () => {
    for (const reader of [STAFF, CITIZEN, REPRESENTATIVE])
      expect(homeCareStatuses(null, TODAY, reader)).toEqual([]);
  });

  it.each([
    ['RECEIVED', 'Ansökan inkommen', 'Vi har tagit emot din ansökan', 'Ansökan har kommit in'],
    ['INVESTIGATING', 'Utreds', 'Vi utreder din ansökan', 'Ansökan utreds'],
    ['GRANTED', 'Beviljad', 'Du har hemtjänst', 'Hemtjänst beviljad'],
    ['REJECTED', 'Avslagen', 'Din ansökan har fått avslag', 'Ansökan har fått avslag'],
    ['ENDED', 'Upphört', 'Din hemtjänst har upphört', 'Hemtjänsten har upphört'],
  ])('words %s for staff (%p), the citizen (%p) and a representative (%p)', (status, staff, citizen, rep) => {
    const a = answer([decision({ status, validTo: status === 'ENDED' ? '2026-10-31' : null })], [visit()]);
    const labels = [STAFF, CITIZEN, REPRESENTATIVE].map((reader) => {
      const [item] = homeCareStatuses(a, TODAY, reader);
      expect(statusItemInput.safeParse(item).success).toBe(true);
      return item.label;
    });
    expect(labels).toEqual([staff, citizen, rep]);
  });

  it('reads as staff when no reader is given (a test or an older hub)', () => {
    expect(homeCareStatuses(answer([decision()]), TODAY)[0].label).toBe('Beviljad');
  });

  it('tells the citizen and a representative the next visit and the team, staff only the state', () => {
    const a = answer(
      [decision()],
      [visit({ visitId: 'V-2', date: '2026-11-26' }), visit(), visit({ visitId: 'V-0', date: '2026-11-23' })],
    );
    const [citizen] = homeCareStatuses(a, TODAY, CITIZEN);
    expect(citizen).toMatchObject({
      kind: 'home-care-decision',
      reference: 'HT-2026-0412',
      title: 'Hemtjänst',
      state: StatusState.DECIDED,
      nextStep:
        'Nästa besök onsdag 25 november kl. 08.00–08.45. Hemtjänstgruppen: Hemtjänstgrupp Lärkan, 0910-73 51 10',
    });
    expect(homeCareStatuses(a, TODAY, REPRESENTATIVE)[0].nextStep).toBe(citizen.nextStep);
    const [staff] = homeCareStatuses(a, TODAY, STAFF);
    expect(staff.nextStep).toBe('Gäller från 2026-05-30');
    // The visit window and the team are the detail's, at a higher level than the status.
    expect(JSON.stringify(staff)).not.toMatch(/0910|Lärkan|08\.00/);
  });

  it('names all of today’s visits, since the hub gives the date and not the time of day', () => {
    const a = answer(
      [decision()],
      [
        visit({ visitId: 'V-3', date: TODAY, from: '19:30', to: '20:00' }),
        visit({ visitId: 'V-2', date: TODAY, from: '12:00', to: '12:30' }),
        visit({ visitId: 'V-1', date: TODAY }),
        visit({ visitId: 'V-4' }),
      ],
    );
    expect(homeCareStatuses(a, TODAY, CITIZEN)[0].nextStep).toBe(
      'Besök i dag kl. 08.00–08.45, 12.00–12.30 och 19.30–20.00. Hemtjänstgruppen: Hemtjänstgrupp Lärkan, 0910-73 51 10',
    );
    const one = answer([decision()], [visit({ date: TODAY })]);
    expect(homeCareStatuses(one, TODAY, REPRESENTATIVE)[0].nextStep).toMatch(
      /^Besök i dag kl\. 08\.00–08\.45\. /,
    );
  });

  it('says so when no visit is planned, never inventing one; a cancelled visit is not the next', () => {
    const [item] = homeCareStatuses(answer([decision()], [visit({ status: 'CANCELLED' })]), TODAY, CITIZEN);
    expect(item.nextStep).toBe(
      'Inga planerade besök de närmaste två veckorna. Hemtjänstgruppen: Hemtjänstgrupp Lärkan, 0910-73 51 10',
    );
  });

  it.each([
    [CITIZEN, 'En biståndshandläggare kontaktar dig och bokar ett hembesök'],
    [REPRESENTATIVE, 'En biståndshandläggare kontaktar den sökande och bokar ett hembesök'],
    [STAFF, 'Ansökan inkom 2026-05-08; biståndshandläggaren utreder'],
  ])('gives an application under investigation a next step for %p', (reader, nextStep) => {
    const [item] = homeCareStatuses(
      answer([decision({ status: 'INVESTIGATING', teamId: null })]),
      TODAY,
      reader,
    );
    expect(item).toMatchObject({ title: 'Ansökan om hemtjänst', state: StatusState.IN_PROGRESS, nextStep });
  });

  it('tells the citizen how to appeal a refusal, and staff the decision date', () => {
    const a = answer([decision({ status: 'REJECTED', teamId: null })]);
    expect(homeCareStatuses(a, TODAY, CITIZEN)[0].nextStep).toMatch(/överklaga beslutet inom tre veckor/);
    expect(homeCareStatuses(a, TODAY, STAFF)[0].nextStep).toBe('Beslut 2026-05-28');
  });

  it('shows a code the catalogue lacks as UNKNOWN with the raw code, to every reader alike', () => {
    for (const reader of [STAFF, CITIZEN, REPRESENTATIVE]) {
      const [item] = homeCareStatuses(answer([decision({ status: 'ON_HOLD' })]), TODAY, reader);
      expect(item).toMatchObject({ state: StatusState.UNKNOWN, label: 'Okänd status (ON_HOLD)' });
      expect(item.nextStep).toBeUndefined();
    }
  });
});

describe('homeCareDetail', () => {
  it('is null for a person the system does not know', () => {
    expect(homeCareDetail(null, TODAY)).toBeNull();
  });

  it('lists the next planned visits soonest first, at most six, with the services in plain Swedish and the team', () => {
    const visits = Array.from({ length: 9 }, (_, i) =>
      visit({
        visitId: `V-${i}`,
        date: `2026-11-${String(30 - i).padStart(2, '0')}`,
        services: ['MEALS', 'X_NEW'],
      }),
    );
    const detail = homeCareDetail(
      answer([decision()], [...visits, visit({ visitId: 'V-past', date: '2026-11-20' })]),
      TODAY,
    )!;
    expect(detail.nextVisits.map((v) => v.date)).toEqual([
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(detail.nextVisits[0]).toMatchObject({
      window: 'tisdag 24 november kl. 08.00–08.45',
      services: [
        { code: 'MEALS', label: 'Hjälp med måltider' },
        { code: 'X_NEW', label: 'Annan insats (X_NEW)' },
      ],
      team: { name: 'Hemtjänstgrupp Lärkan', phone: '0910-73 51 10' },
    });
    expect(detail.team).toEqual({ name: 'Hemtjänstgrupp Lärkan', phone: '0910-73 51 10' });
    expect(detail.decisions[0]).toMatchObject({
      statusCode: 'GRANTED',
      label: 'Beviljad',
      services: [
        { code: 'PERSONAL_CARE', label: 'Personlig omvårdnad' },
        { code: 'SHOPPING', label: 'Inköp' },
      ],
    });
  });

  it('has no team while nothing is granted, and a team the system did not send is absent, not made up', () => {
    const detail = homeCareDetail(answer([decision({ status: 'INVESTIGATING', teamId: null })]), TODAY)!;
    expect(detail.team).toBeNull();
    const unknownTeam = homeCareDetail(answer([decision({ teamId: 'T-OTHER' })]), TODAY)!;
    expect(unknownTeam.team).toBeNull();
  });

  it('shows the change requests the system has taken, newest first, in Swedish', () => {
    const a = answer([decision()], [visit()]);
    a.client.changeRequests = [
      {
        requestId: 'ÄND-1',
        kind: 'CHANGE_VISIT_TIME',
        visitId: 'V-1',
        wishedFrom: '09:00',
        wishedTo: '09:45',
        pauseFrom: null,
        pauseTo: null,
        message: 'Vill sova längre',
        receivedAt: '2026-11-23T09:00:00Z',
        status: 'RECEIVED',
      },
      {
        requestId: 'ÄND-2',
        kind: 'PAUSE_VISITS',
        visitId: null,
        wishedFrom: null,
        wishedTo: null,
        pauseFrom: '2026-11-26',
        pauseTo: '2026-12-03',
        message: 'På lasarettet',
        receivedAt: '2026-11-24T09:00:00Z',
        status: 'RECEIVED',
      },
    ];
    expect(
      homeCareDetail(a, TODAY)!.changeRequests.map((r) => [
        r.requestId,
        r.kindLabel,
        r.summary,
        r.stateLabel,
      ]),
    ).toEqual([
      [
        'ÄND-2',
        'Uppehåll i besöken',
        'Inga besök 2026-11-26–2026-12-03',
        'Mottagen, hemtjänstgruppen hanterar den',
      ],
      [
        'ÄND-1',
        'Ändrad besökstid',
        'Besöket onsdag 25 november kl. 08.00–08.45 önskas kl. 09.00–09.45',
        'Mottagen, hemtjänstgruppen hanterar den',
      ],
    ]);
  });
});

describe('the home-care system’s answer schema', () => {
  const good = answer([decision()], [visit()]);
  it.each([
    [{ applications: '§§§' }, 'client'],
    [{ ...good, visits: { visits: [{ ...visit(), from: '8' }] } }, 'visits.visits.0.from'],
    [{ ...good, visits: { visits: [{ ...visit(), status: 'MAYBE' }] } }, 'visits.visits.0.status'],
    [{ ...good, teams: [{ teamId: 'T', name: '' }] }, 'teams.0'],
    [
      { ...good, client: { ...good.client, decisions: [{ ...decision(), receivedAt: 'igår' }] } },
      'client.decisions.0.receivedAt',
    ],
  ])('rejects %p at %s', (body, where) => {
    const result = homeCareAnswer.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.')).join(' ')).toContain(where);
  });
});

describe('requestHomeCareChange', () => {
  const action = homeCarePlugin.actions.find((a) => a.field === 'requestHomeCareChange')!;
  const base = { personalNumber: '190001019801', message: 'Dottern ringde' };

  it('needs level 3, above the detail (2)', () => {
    expect(action.mandate).toBe(3);
    expect(homeCarePlugin.person.detail!.mandate).toBe(2);
    expect(homeCarePlugin.secrecy).toEqual({ class: 'secrecy', statute: 'OSL 26:1' });
  });

  it.each([
    [{ ...base, kind: 'CHANGE_VISIT_TIME', visitId: 'V-1', wishedFrom: '09:00', wishedTo: '09:45' }],
    [{ ...base, kind: 'CANCEL_VISIT', visitId: 'V-1', wishedFrom: null }],
    [{ ...base, kind: 'PAUSE_VISITS', pauseFrom: '2026-11-26', pauseTo: '2026-12-03' }],
    [{ ...base, kind: 'MESSAGE' }],
  ])('accepts %p, sending the fields of its kind and null for the rest', (input) => {
    const checked = checkInput(homeCareChangeInput, input);
    expect(checked.ok).toBe(true);
    if (checked.ok)
      expect(Object.keys(checked.value).sort()).toEqual(
        [
          'kind',
          'message',
          'pauseFrom',
          'pauseTo',
          'personalNumber',
          'visitId',
          'wishedFrom',
          'wishedTo',
        ].sort(),
      );
  });

  it.each([
    [
      'a bad personal number',
      { ...base, personalNumber: '1900', kind: 'MESSAGE' },
      'personalNumber',
      'tolv siffror',
    ],
    ['an unknown kind', { ...base, kind: 'MOVE_HOUSE' }, 'kind', 'välj CHANGE_VISIT_TIME'],
    ['no message', { ...base, kind: 'MESSAGE', message: '  ' }, 'message', 'skriv ett meddelande'],
    [
      'a message too long',
      { ...base, kind: 'MESSAGE', message: 'x'.repeat(1001) },
      'message',
      'högst 1000 tecken',
    ],
    [
      'a time change without the visit',
      { ...base, kind: 'CHANGE_VISIT_TIME', wishedFrom: '09:00', wishedTo: '09:30' },
      'visitId',
      'behövs för en ändrad besökstid',
    ],
    [
      'a time written wrong',
      { ...base, kind: 'CHANGE_VISIT_TIME', visitId: 'V-1', wishedFrom: '9.00', wishedTo: '09:30' },
      'wishedFrom',
      'TT:MM',
    ],
    [
      'an end before the start',
      { ...base, kind: 'CHANGE_VISIT_TIME', visitId: 'V-1', wishedFrom: '10:00', wishedTo: '09:30' },
      'wishedTo',
      'senare än starttiden',
    ],
    [
      'a cancellation without the visit',
      { ...base, kind: 'CANCEL_VISIT' },
      'visitId',
      'behövs för ett avbokat besök',
    ],
    [
      'a pause without its end',
      { ...base, kind: 'PAUSE_VISITS', pauseFrom: '2026-11-26' },
      'pauseTo',
      'behövs för ett uppehåll',
    ],
    [
      'a pause ending before it starts',
      { ...base, kind: 'PAUSE_VISITS', pauseFrom: '2026-11-26', pauseTo: '2026-11-20' },
      'pauseTo',
      'samma dag',
    ],
    [
      'a pause longer than a year',
      { ...base, kind: 'PAUSE_VISITS', pauseFrom: '2026-11-26', pauseTo: '2028-01-01' },
      'pauseTo',
      'högst ett år',
    ],
    [
      'a date that does not exist',
      { ...base, kind: 'PAUSE_VISITS', pauseFrom: '2026-02-30', pauseTo: '2026-13-01' },
      'pauseFrom',
      'datum',
    ],
    [
      'a field of another kind',
      { ...base, kind: 'MESSAGE', pauseFrom: '2026-11-26' },
      'pauseFrom',
      'hör inte till ett meddelande',
    ],
  ])('refuses %s, naming the field in Swedish', (_what, input, field, message) => {
    const checked = checkInput(homeCareChangeInput, input, 'input.');
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.field).toBe(`input.${field}`);
      expect(checked.message).toContain(message);
    }
  });

  it('reads a taken request and a refusal aloud in Swedish', () => {
    const taken = changeRequestOutcome.parse({
      outcome: 'RECEIVED',
      request: {
        requestId: 'ÄND-9',
        kind: 'CANCEL_VISIT',
        visitId: 'V-1',
        wishedFrom: null,
        wishedTo: null,
        pauseFrom: null,
        pauseTo: null,
        message: 'Hos tandläkaren',
        receivedAt: '2026-11-24T09:00:00Z',
        status: 'RECEIVED',
      },
    });
    expect(action.map(taken)).toEqual({
      accepted: true,
      requestId: 'ÄND-9',
      label: 'Hemtjänsten har tagit emot begäran (ÄND-9): Besök V-1 avbokas',
    });
    expect(action.map(changeRequestOutcome.parse({ outcome: 'REFUSED', reason: 'UNKNOWN_VISIT' }))).toEqual({
      accepted: false,
      requestId: null,
      label: 'Besöket finns inte i hemtjänstens planering. Kontrollera vilket besök det gäller.',
    });
    expect(action.map(changeRequestOutcome.parse({ outcome: 'REFUSED', reason: 'NEW_RULE' }))).toMatchObject({
      label: 'Hemtjänstens system tog inte emot begäran (NEW_RULE).',
    });
    expect(changeRequestOutcome.safeParse({ outcome: 'MAYBE' }).success).toBe(false);
  });
});

it('knows every service code it names', () => {
  expect(serviceLabel('SAFETY_ALARM')).toBe('Trygghetslarm');
});

describe('home-care config', () => {
  it('holds nothing of the connection: a base URL or key there is refused (they belong to the hub)', () => {
    expect(homeCareConfig.safeParse({}).success).toBe(true);
    expect(homeCareConfig.safeParse({ apiKey: 'k' }).success).toBe(false);
  });
});
