import { StatusState, checkInput, statusItemInput, type StatusReader } from '@frontdoor/plugin-sdk';
import {
  callbackOutcome,
  childYouthAnswer,
  type ChildYouthAnswer,
  type InterventionAnswer,
  type InvestigationAnswer,
} from './child-youth-answer.schema';
import { callbackRequestInput } from './callback-request.input';
import {
  interventionCatalogue,
  interventionKindLabel,
  investigationCatalogue,
  refusalLabel,
} from './child-youth.catalogues';
import {
  CLOSED_TO_GUARDIANS_REASON,
  INTERVENTION,
  INVESTIGATION,
  childYouthDecisions,
  childYouthDetail,
  childYouthStatuses,
  closedToGuardians,
} from './child-youth.mapping';
import { childYouthConfig, childYouthPlugin } from './child-youth.plugin';

const TODAY = '2026-12-05';
const CITIZEN: StatusReader = { kind: 'citizen' };
const STAFF: StatusReader = { kind: 'staff' };
const REPRESENTATIVE: StatusReader = { kind: 'representative' };
const READERS = [CITIZEN, STAFF, REPRESENTATIVE];

function investigation(overrides: Partial<InvestigationAnswer> = {}): InvestigationAnswer {
  return {
    investigationId: 'BOU-UTR-1',
    status: 'ONGOING',
    startedOn: '2026-10-26',
    dueOn: '2027-02-26',
    closedOn: null,
    confidentialFromGuardians: false,
    updatedAt: '2026-11-29T09:00:00+01:00',
    ...overrides,
  };
}

function intervention(overrides: Partial<InterventionAnswer> = {}): InterventionAnswer {
  return {
    interventionId: 'BOU-INS-1',
    kind: 'CONTACT_FAMILY',
    status: 'GRANTED',
    decidedOn: '2026-11-05',
    validTo: '2027-05-04',
    provider: {
      placeId: 'KF-1',
      name: 'Familjen Lindqvist',
      street: 'Björkvägen 14',
      postalCode: '931 41',
      city: 'Skellefteå',
    },
    decisionReason: 'Avlastning för vårdnadshavaren en helg i månaden.',
    confidentialFromGuardians: false,
    updatedAt: '2026-11-05T09:00:00+01:00',
    ...overrides,
  };
}

function answer(overrides: Partial<ChildYouthAnswer> = {}): ChildYouthAnswer {
  return {
    personalNumber: '201708142425',
    caseOfficer: {
      officerId: 'HL-11',
      name: 'Lina Ek',
      phone: '0910-73 50 12',
      phoneHours: 'tisdag och torsdag 9–10',
    },
    investigations: [investigation()],
    interventions: [intervention()],
    callbackRequests: [],
    ...overrides,
  };
}

const OFFICER = 'Handläggare Lina Ek, telefontid tisdag och torsdag 9–10, 0910-73 50 12';

describe('child-youth plugin', () => {
  it('is a valid SDK 4.4 secrecy plugin with its statuses at level 2 and the grounds a secret field', () => {
    expect(childYouthPlugin.secrecy).toEqual({ class: 'secrecy', statute: 'OSL 26:1' });
    expect(childYouthPlugin.person.statusLevels).toEqual({ [INVESTIGATION]: 2, [INTERVENTION]: 2 });
    expect(childYouthPlugin.person.details?.map((d) => [d.field, d.mandate])).toEqual([
      ['childYouth', 2],
      ['childYouthDecisions', 4],
    ]);
    expect(childYouthPlugin.person.secretFields).toEqual(['interventions.*.decisionReason']);
    expect(childYouthPlugin.actions.map((a) => [a.field, a.mandate])).toEqual([
      ['requestCaseOfficerCallback', 3],
    ]);
    expect(childYouthConfig.safeParse({}).success).toBe(true);
    expect(childYouthConfig.safeParse({ baseUrl: 'http://x/' }).success).toBe(false);
  });

  describe('statuses', () => {
    it('has no matters for a child the system does not know', () => {
      for (const reader of READERS) expect(childYouthStatuses(null, TODAY, reader)).toEqual([]);
    });

    it.each(investigationCatalogue.codes.flatMap((code) => READERS.map((reader) => [code, reader] as const)))(
      'words investigation state %s for the %o reader as a valid status item',
      (code, reader) => {
        const [item] = childYouthStatuses(
          answer({
            investigations: [
              investigation({ status: code, closedOn: code === 'CLOSED' ? '2026-12-01' : null }),
            ],
            interventions: [],
          }),
          TODAY,
          reader,
        );
        expect(statusItemInput.safeParse(item).success).toBe(true);
        expect(item.kind).toBe(INVESTIGATION);
        expect(item.state).toBe(investigationCatalogue.lookup(code).state);
        if (code === 'CLOSED') expect(item.nextStep).toBe('Avslutad 2026-12-01');
        else expect(item.nextStep).toContain('2027-02-26');
      },
    );

    it('words an investigation per reader, naming the case officer and the due date', () => {
      const worded = READERS.map(
        (reader) => childYouthStatuses(answer({ interventions: [] }), TODAY, reader)[0],
      );
      expect(worded.map((item) => [item.label, item.nextStep])).toEqual([
        [
          'Socialtjänsten utreder',
          'Ska vara klar senast 2027-02-26. Din handläggare Lina Ek, telefontid tisdag och torsdag 9–10, 0910-73 50 12',
        ],
        ['Pågår', `Ska vara klar senast 2027-02-26. ${OFFICER}`],
        ['Utredningen pågår', `Ska vara klar senast 2027-02-26. ${OFFICER}`],
      ]);
      expect(worded[1].dueDate).toBe('2027-02-26');
      const extended = childYouthStatuses(
        answer({
          investigations: [investigation({ status: 'EXTENDED', dueOn: '2027-04-26' })],
          interventions: [],
        }),
        TODAY,
        STAFF,
      )[0];
      expect([extended.label, extended.nextStep]).toEqual([
        'Förlängd',
        `Förlängd, ska vara klar senast 2027-04-26. ${OFFICER}`,
      ]);
    });

    it.each(interventionCatalogue.codes.flatMap((code) => READERS.map((reader) => [code, reader] as const)))(
      'words support state %s for the %o reader, never with the provider or the grounds',
      (code, reader) => {
        const [item] = childYouthStatuses(
          answer({ investigations: [], interventions: [intervention({ status: code })] }),
          TODAY,
          reader,
        );
        expect(statusItemInput.safeParse(item).success).toBe(true);
        expect(item).toMatchObject({ kind: INTERVENTION, title: 'Kontaktfamilj' });
        expect(item.state).toBe(interventionCatalogue.lookup(code).state);
        const text = JSON.stringify(item);
        for (const secret of ['Lindqvist', 'Björkvägen', '931 41', 'KF-1', 'Avlastning'])
          expect(text).not.toContain(secret);
      },
    );

    it('says how to appeal a refusal to the child and the representative, and the decision date to staff', () => {
      const refused = answer({ investigations: [], interventions: [intervention({ status: 'REJECTED' })] });
      expect(READERS.map((reader) => childYouthStatuses(refused, TODAY, reader)[0].nextStep)).toEqual([
        'Du kan överklaga beslutet inom tre veckor från den dag du fick det',
        'Beslut 2026-11-05',
        'Beslutet kan överklagas inom tre veckor från den dag det togs emot',
      ]);
    });

    it('shows an unknown code as UNKNOWN with the raw code, and leaves out the officer when there is none', () => {
      const items = childYouthStatuses(
        answer({
          caseOfficer: null,
          investigations: [investigation({ status: 'PAUSED' })],
          interventions: [intervention({ kind: 'RESPITE', status: 'PENDING' })],
        }),
        TODAY,
        STAFF,
      );
      expect(items.map((i) => [i.state, i.title])).toEqual([
        [StatusState.UNKNOWN, 'Utredning, Barn och unga'],
        [StatusState.UNKNOWN, 'Annan insats (RESPITE)'],
      ]);
      expect(items[0].label).toContain('PAUSED');
      expect(items[0].nextStep).toBe('Ska vara klar senast 2027-02-26');
      expect(items[1].nextStep).toBeUndefined();
    });
  });

  describe('details', () => {
    it('gives the matters, the officer and callbacks newest first at level 2, without providers or grounds', () => {
      const detail = childYouthDetail(
        answer({
          callbackRequests: [
            {
              requestId: 'R-1',
              callbackNumber: '0701',
              message: 'a',
              receivedAt: '2026-12-01T09:00:00Z',
              status: 'DONE',
            },
            {
              requestId: 'R-2',
              callbackNumber: '0702',
              message: 'b',
              receivedAt: '2026-12-04T09:00:00Z',
              status: 'RECEIVED',
            },
          ],
        }),
      )!;
      expect(detail.caseOfficer).toEqual({
        name: 'Lina Ek',
        phone: '0910-73 50 12',
        phoneHours: 'tisdag och torsdag 9–10',
      });
      expect(detail.investigations[0]).toMatchObject({ label: 'Pågår', dueOn: '2027-02-26' });
      expect(detail.interventions[0]).toMatchObject({
        kindLabel: 'Kontaktfamilj',
        label: 'Beviljad',
        validTo: '2027-05-04',
      });
      expect(detail.callbackRequests.map((r) => [r.requestId, r.stateLabel])).toEqual([
        ['R-2', 'Mottagen, handläggaren ringer upp'],
        ['R-1', 'Handläggaren har ringt upp'],
      ]);
      expect(JSON.stringify(detail)).not.toMatch(/Lindqvist|Avlastning/);
      expect(childYouthDetail(null)).toBeNull();
    });

    it('gives the grounds and the provider only in the level-4 field', () => {
      expect(childYouthDecisions(answer())!.decisions[0]).toMatchObject({
        decisionReason: 'Avlastning för vårdnadshavaren en helg i månaden.',
        provider: { name: 'Familjen Lindqvist', city: 'Skellefteå' },
      });
      expect(childYouthDecisions(null)).toBeNull();
    });
  });

  describe('sekretess mot vårdnadshavare', () => {
    it('closes the department to representatives when any matter is marked, saying nothing of it', () => {
      expect(closedToGuardians(answer())).toBeUndefined();
      expect(
        closedToGuardians(answer({ investigations: [investigation({ confidentialFromGuardians: true })] })),
      ).toBe(CLOSED_TO_GUARDIANS_REASON);
      expect(
        closedToGuardians(answer({ interventions: [intervention({ confidentialFromGuardians: true })] })),
      ).toBe(CLOSED_TO_GUARDIANS_REASON);
      expect(childYouthPlugin.person.closedToRepresentatives).toBe(closedToGuardians);
    });
  });

  describe('the answer schema', () => {
    it('takes a real answer and refuses garbage: a missing marking, a bad date, a list that is not one', () => {
      expect(childYouthAnswer.safeParse(answer()).success).toBe(true);
      const { confidentialFromGuardians: _dropped, ...unmarked } = investigation();
      for (const bad of [
        { ...answer(), investigations: [unmarked] },
        { ...answer(), investigations: [investigation({ dueOn: '26/02/2027' })] },
        { ...answer(), interventions: 'none' },
        { ...answer(), personalNumber: '2017' },
        '<html>',
      ])
        expect(childYouthAnswer.safeParse(bad).success).toBe(false);
    });

    it('reads a callback outcome, taken or refused', () => {
      expect(callbackOutcome.safeParse({ outcome: 'REFUSED', reason: 'UNKNOWN_CHILD' }).success).toBe(true);
      expect(callbackOutcome.safeParse({ outcome: 'BOOKED' }).success).toBe(false);
      expect(refusalLabel('NO_CASE_OFFICER')).toMatch(/ingen handläggare/);
      expect(refusalLabel('SOMETHING')).toBe('Barn och ungas system tog inte emot begäran (SOMETHING).');
      expect(interventionKindLabel('SUPPORT_TALKS')).toBe('Stödsamtal');
    });
  });

  describe('the callback input', () => {
    const good = {
      personalNumber: '201708142425',
      callbackNumber: '070-123 45 67',
      message: ' Gäller kontaktfamiljen ',
    };

    it('sends the number as digits and the message trimmed', () => {
      expect(checkInput(callbackRequestInput, good, 'input.')).toEqual({
        ok: true,
        value: {
          personalNumber: '201708142425',
          callbackNumber: '0701234567',
          message: 'Gäller kontaktfamiljen',
        },
      });
      const international = checkInput(
        callbackRequestInput,
        { ...good, callbackNumber: '+46 70 123 45 67' },
        'input.',
      );
      expect(international.ok && international.value.callbackNumber).toBe('+46701234567');
    });

    it.each([
      [{ personalNumber: '17081424' }, 'input.personalNumber', /tolv siffror/],
      [{ callbackNumber: 'ring mig' }, 'input.callbackNumber', /svenskt telefonnummer/],
      [{ callbackNumber: '0012345678' }, 'input.callbackNumber', /svenskt telefonnummer/],
      [{ message: 'a' }, 'input.message', /minst tre tecken/],
      [{ message: 'x'.repeat(501) }, 'input.message', /högst 500 tecken/],
    ])('refuses %o in Swedish, naming %s', (change, field, message) => {
      const result = checkInput(callbackRequestInput, { ...good, ...change }, 'input.');
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.field).toBe(field);
        expect(result.message).toMatch(message);
      }
    });
  });
});
