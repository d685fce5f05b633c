import {
  SourceAnswerInvalidError,
  SourceBodyNotJsonError,
  SourceConnectionError,
  SourceHttpStatusError,
  SourceNotFoundUnprovenError,
  SourceUnavailableError,
} from '@frontdoor/plugin-sdk';
import { classifySourceError } from './source-failure';

const PLUGIN = { id: 'childcare-queue', department: 'Förskola' };
const URL = 'https://barnomsorg.intern.exempelstad.se:8443/api/v1/guardians/{personnummer}/applications';

describe('classifySourceError', () => {
  it.each([
    ['an HTTP error', new SourceHttpStatusError(503, URL), 'it answered HTTP 503'],
    [
      'a refused connection',
      new SourceConnectionError('ECONNREFUSED', URL),
      'connection failed (ECONNREFUSED)',
    ],
    ['a body that is not JSON', new SourceBodyNotJsonError('text/html', URL), 'its answer was not JSON'],
    [
      'a 404 with the health check failing',
      new SourceNotFoundUnprovenError(URL, `${URL}/health`, 'HTTP 404'),
      expect.stringContaining('"nothing here" cannot be told from a wrong address'),
    ],
  ])('gives %s a plain reason, and the URL only in the detail for the log', (_label, error, reason) => {
    const failure = classifySourceError(error, PLUGIN, 1500);
    expect(failure.reason).toEqual(reason);
    expect(failure.reason).not.toMatch(/exempelstad|https?:|\/api\//);
    expect(failure.detail).toContain(URL);
  });

  it("withholds the addresses a plugin's own texts name", () => {
    const unavailable = classifySourceError(
      new SourceUnavailableError(`the export at ${URL} is missing, and 10.20.30.40:21 did not answer`),
      PLUGIN,
      1500,
    );
    expect(unavailable.reason).toBe(
      'the export at (address withheld) is missing, and (address withheld) did not answer',
    );
    const invalid = classifySourceError(
      new SourceAnswerInvalidError('sftp.avfall.exempelstad.se sent page 3 twice'),
      PLUGIN,
      1500,
    );
    expect(invalid.reason).toBe('(address withheld) sent page 3 twice');
    expect(invalid.detail).toContain('sftp.avfall.exempelstad.se');
  });
});
