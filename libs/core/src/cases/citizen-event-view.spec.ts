import { CaseEventType } from './case-vocabulary';
import { citizenHeadline, citizenSeesEventType, citizenViewsOf } from './citizen-event-view';

const event = (type: CaseEventType, citizenMessage: string | null = null, internal = false) => ({
  type,
  internal,
  citizenMessage,
});

describe('what the citizen sees of a case event', () => {
  it('never an internal event or a kind the citizen does not see, whatever text it holds', () => {
    const views = citizenViewsOf(
      [
        event(CaseEventType.NOTE_ADDED, 'skulle aldrig skrivas', true),
        event(CaseEventType.ASSIGNED),
        event(CaseEventType.SLA_ALARM),
      ],
      { groupName: 'Svarsgrupp förskola', wakeDate: null },
    );
    expect(views).toEqual([null, null, null]);
    expect(citizenSeesEventType('NOTE_ADDED')).toBe(false);
    expect(citizenHeadline('NOTE_ADDED')).toBeNull();
  });

  it('names the present group on the latest forwarding only, and the wake-up date on the latest parking only', () => {
    const views = citizenViewsOf(
      [
        event(CaseEventType.REGISTERED),
        event(CaseEventType.FORWARDED),
        event(CaseEventType.PARKED),
        event(CaseEventType.RESUMED),
        event(CaseEventType.FORWARDED),
        event(CaseEventType.PARKED, 'Skicka intyget.'),
      ],
      { groupName: 'Svarsgrupp förskola', wakeDate: '2026-06-19' },
    );
    expect(views).toEqual([
      { headline: 'Vi har tagit emot ditt ärende.', text: null },
      { headline: 'Ditt ärende har skickats vidare.', text: null },
      { headline: 'Vi behöver mer från dig.', text: null },
      { headline: 'Vi arbetar med ditt ärende igen.', text: null },
      { headline: 'Ditt ärende har skickats till Svarsgrupp förskola.', text: null },
      {
        headline: 'Vi behöver mer från dig. Vi väntar på ditt svar till fredag 19 juni 2026.',
        text: 'Skicka intyget.',
      },
    ]);
  });

  it('shows the citizen their own question back on an e-service case', () => {
    expect(
      citizenViewsOf([event(CaseEventType.REGISTERED, 'Var i kön är jag?')], {
        groupName: null,
        wakeDate: null,
      }),
    ).toEqual([{ headline: 'Vi har tagit emot din fråga.', text: 'Var i kön är jag?' }]);
  });
});
