import type { ReachableBy } from '../messaging/message-routes';
import { surveyRoutes } from './survey-routes';

const nothing: ReachableBy = {
  preferred: null,
  preferenceEmail: null,
  preferencePhone: null,
  caseEmail: null,
  casePhone: null,
  personalNumber: null,
};
const all = () => true;

describe('surveyRoutes: the question by the channel the citizen came in by', () => {
  it('texts a caller who left a mobile number, with e-mail after it', () => {
    expect(
      surveyRoutes('PHONE', { ...nothing, casePhone: '070-123 45 67', caseEmail: 'a@example.se' }, all),
    ).toEqual([
      { channel: 'sms', address: '+46701234567' },
      { channel: 'email', address: 'a@example.se' },
    ]);
  });

  it('e-mails a caller whose number is a landline, and asks nobody with neither', () => {
    expect(
      surveyRoutes('PHONE', { ...nothing, casePhone: '08-123 456 78', caseEmail: 'a@example.se' }, all),
    ).toEqual([{ channel: 'email', address: 'a@example.se' }]);
    expect(surveyRoutes('PHONE', { ...nothing, casePhone: '08-123 456 78' }, all)).toEqual([]);
    expect(surveyRoutes('PHONE', { ...nothing, casePhone: 'inte ett nummer' }, all)).toEqual([]);
  });

  it('e-mails the address an e-mail came from before any number', () => {
    expect(
      surveyRoutes(
        'EMAIL',
        {
          ...nothing,
          caseEmail: 'skrev@example.se',
          preferenceEmail: 'pref@example.se',
          casePhone: '0701234567',
        },
        all,
      ),
    ).toEqual([
      { channel: 'email', address: 'skrev@example.se' },
      { channel: 'sms', address: '+46701234567' },
    ]);
  });

  it('follows the citizen’s preference after a web question', () => {
    expect(
      surveyRoutes(
        'E_SERVICE',
        { ...nothing, preferred: 'SMS', preferencePhone: '0701234567', caseEmail: 'a@example.se' },
        all,
      ),
    ).toEqual([
      { channel: 'sms', address: '+46701234567' },
      { channel: 'email', address: 'a@example.se' },
    ]);
  });

  it('asks nobody who chose no messages, and leaves out a channel the hub has no provider for', () => {
    expect(surveyRoutes('PHONE', { ...nothing, preferred: 'NONE', casePhone: '0701234567' }, all)).toEqual(
      [],
    );
    expect(
      surveyRoutes(
        'PHONE',
        { ...nothing, casePhone: '0701234567', caseEmail: 'a@example.se' },
        (channel) => channel === 'email',
      ),
    ).toEqual([{ channel: 'email', address: 'a@example.se' }]);
  });
});
