import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { loadHubConfig } from './hub-config';

const load = (content: unknown) => {
  const path = join(mkdtempSync(join(tmpdir(), 'fd-bankid-')), 'frontdoor.config.json');
  writeFileSync(path, JSON.stringify(content));
  return () => loadHubConfig({ FRONTDOOR_CONFIG: path }, tmpdir());
};
const problems = (content: unknown): string[] => {
  try {
    load(content)();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};
const files = { clientCertFile: 'rp.pem', clientKeyFile: 'rp-key.pem', caFile: 'ca.pem' };

describe('the BankID connection and the identification settings (decision 0076)', () => {
  it('defaults: no BankID; agents must identify the caller; 120 minutes on a call, 15 without; no exceptions', () => {
    const config = load({})();
    expect(config.bankId).toBeUndefined();
    expect(config.access.identification).toEqual({
      requiredFor: { roles: ['agent'], answerGroups: [] },
      maxMinutes: 120,
      withoutCallMinutes: 15,
      exceptionReasons: [],
    });
  });

  it('takes BankID over HTTPS only, with its certificate files, and a base URL ending in /', () => {
    expect(
      load({ bankId: { baseUrl: 'https://appapi2.test.bankid.com/rp/v6.0', ...files } })().bankId,
    ).toEqual({
      baseUrl: 'https://appapi2.test.bankid.com/rp/v6.0/',
      ...files,
      timeoutMs: 5000,
    });
    expect(problems({ bankId: { baseUrl: 'http://127.0.0.1:4011/rp/v6.0/', ...files } })[0]).toContain(
      'bankId.baseUrl: BankID is spoken over HTTPS only',
    );
    expect(problems({ bankId: { baseUrl: 'https://x/' } }).join('\n')).toContain('bankId.caFile');
  });

  it('refuses a citizen or service role among those who must identify, and a malformed exception', () => {
    expect(problems({ access: { identification: { requiredFor: { roles: ['citizen'] } } } })[0]).toContain(
      'access.identification.requiredFor.roles.0',
    );
    expect(
      problems({ access: { identification: { exceptionReasons: [{ key: 'Inte OK', label: 'x' }] } } })[0],
    ).toContain('access.identification.exceptionReasons.0.key');
  });
});
