import { Agent, request } from 'undici';
import { startSandbox, type SandboxHandle } from '@frontdoor/testing';

/** The sandbox plays the BankID RP API v6 over HTTPS with mutual TLS, as production has it. */
describe('sandbox BankID RP API', () => {
  let sandbox: SandboxHandle;
  let rp: Agent;
  const anna = '199001012385';

  beforeAll(async () => {
    sandbox = await startSandbox();
    const { caPem, clientCertPem, clientKeyPem } = sandbox.bankId.certificates;
    rp = new Agent({ connect: { ca: caPem, cert: clientCertPem, key: clientKeyPem } });
  });
  afterAll(async () => {
    await rp.close();
    await sandbox.close();
  });
  afterEach(() => sandbox.clearFaults());

  const call = async (path: string, body: unknown, dispatcher: Agent = rp) => {
    const response = await request(`${sandbox.bankId.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      dispatcher,
    });
    return { status: response.statusCode, body: (await response.body.json()) as Record<string, unknown> };
  };

  it('refuses a client without a certificate at TLS, and one with a certificate of another CA', async () => {
    const anonymous = new Agent({ connect: { ca: sandbox.bankId.certificates.caPem } });
    await expect(call('collect', { orderRef: 'x' }, anonymous)).rejects.toThrow();
    await anonymous.close();
    const other = await startSandbox();
    const stranger = new Agent({
      connect: {
        ca: sandbox.bankId.certificates.caPem,
        cert: other.bankId.certificates.clientCertPem,
        key: other.bankId.certificates.clientKeyPem,
      },
    });
    await expect(call('collect', { orderRef: 'x' }, stranger)).rejects.toThrow();
    await stranger.close();
    await other.close();
  });

  it('runs a phone authentication: pending with hints, then complete with the user', async () => {
    const started = await call('phone/auth', { personalNumber: anna, callInitiator: 'RP' });
    expect(started.status).toBe(200);
    const orderRef = started.body.orderRef as string;
    expect(await call('collect', { orderRef })).toEqual({
      status: 200,
      body: { orderRef, status: 'pending', hintCode: 'outstandingTransaction' },
    });
    await sandbox.bankId.caller(orderRef, 'hint', { hintCode: 'userCallConfirm' });
    expect((await call('collect', { orderRef })).body.hintCode).toBe('userCallConfirm');
    await sandbox.bankId.caller(orderRef, 'approve');
    const done = await call('collect', { orderRef });
    expect(done.body).toMatchObject({
      status: 'complete',
      completionData: { user: { personalNumber: anna, name: 'Anna Andersson', givenName: 'Anna' } },
    });
  });

  it('answers BankID errors: invalidParameters, alreadyInProgress, notFound; declined and cancelled orders', async () => {
    expect(await call('phone/auth', { personalNumber: '123', callInitiator: 'RP' })).toMatchObject({
      status: 400,
      body: { errorCode: 'invalidParameters' },
    });
    expect((await call('collect', { orderRef: 'no-such' })).body.errorCode).toBe('invalidParameters');
    expect((await call('nothing-here', {})).status).toBe(404);
    const first = (await call('phone/auth', { personalNumber: anna, callInitiator: 'RP' })).body.orderRef;
    expect((await call('phone/auth', { personalNumber: anna, callInitiator: 'RP' })).body.errorCode).toBe(
      'alreadyInProgress',
    );
    expect((await call('collect', { orderRef: first })).body).toMatchObject({
      status: 'failed',
      hintCode: 'cancelled',
    });
    const second = (await call('phone/auth', { personalNumber: anna, callInitiator: 'user' })).body
      .orderRef as string;
    await sandbox.bankId.caller(second, 'decline');
    expect((await call('collect', { orderRef: second })).body).toMatchObject({
      status: 'failed',
      hintCode: 'userDeclinedCall',
    });
    const third = (await call('phone/auth', { personalNumber: anna, callInitiator: 'RP' })).body.orderRef;
    expect(await call('cancel', { orderRef: third })).toEqual({ status: 200, body: {} });
    expect((await call('collect', { orderRef: third })).body.hintCode).toBe('cancelled');
  });

  it('goes down or answers garbage on the fault board', async () => {
    await sandbox.setFault({ system: 'bankid', mode: 'error' });
    expect((await call('phone/auth', { personalNumber: anna, callInitiator: 'RP' })).status).toBe(500);
    await sandbox.setFault({ system: 'bankid', mode: 'garbage' });
    const garbage = await call('collect', { orderRef: 'x' });
    expect(garbage.body.status).toBeUndefined();
  });
});
