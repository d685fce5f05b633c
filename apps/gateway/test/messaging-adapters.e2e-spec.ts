import {
  DigitalMailboxMessenger,
  MessageRefused,
  ProviderAnswerInvalid,
  SmsMessenger,
  type CitizenMessage,
} from '@frontdoor/core';
import { sandboxMessaging, startSandbox, type SandboxHandle } from '@frontdoor/testing';

const ANNA = '199001012385';
const OLGA = '190001019801';

describe('the SMS and digital-mailbox adapters against the sandbox, over HTTP', () => {
  let sandbox: SandboxHandle;
  let sms: SmsMessenger;
  let mailbox: DigitalMailboxMessenger;
  let serial = 0;

  const inbox = async <T>(path: string) => (await (await fetch(`${sandbox.url}${path}`)).json()) as T[];
  const message = (channel: CitizenMessage['channel'], address: string): CitizenMessage => ({
    channel,
    address,
    subject: 'Du har fått svar från kommunen',
    text: `Det finns ett svar på ditt ärende FD-2026-TEST${++serial}.`,
    deliveryKey: `case.notify-citizen:test:${serial}:${Date.now()}`,
  });
  const admin = async (path: string, method: string, body: unknown) => {
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(204);
  };

  beforeAll(async () => {
    sandbox = await startSandbox();
    const settings = sandboxMessaging(sandbox);
    sms = new SmsMessenger({ ...settings.sms, baseUrl: `${sandbox.url}/sms/` });
    mailbox = new DigitalMailboxMessenger({ ...settings.digitalMailbox, baseUrl: `${sandbox.url}/mailbox/` });
  });
  afterEach(() => sandbox.clearFaults());
  afterAll(() => sandbox?.close());

  describe('SMS', () => {
    it('sends a text to the number in E.164, and a send tried again with its key is one text', async () => {
      const text = message('sms', '070-123 45 67');
      const first = await sms.send(text);
      const again = await sms.send(text);
      expect(first.providerId).toMatch(/^sms-/);
      expect(again.providerId).toBe(first.providerId);
      const sent = (await inbox<{ to: string; text: string; from: string }>('/sms/admin/inbox')).filter(
        (s) => s.text === text.text,
      );
      expect(sent).toEqual([expect.objectContaining({ to: '+46701234567', from: 'Exempelstad' })]);
    });

    it('reads the operator’s delivery report: delivered, or failed for a number it cannot reach', async () => {
      const delivered = await sms.send(message('sms', '0701234567'));
      expect(await sms.deliveryStatus(delivered.providerId!)).toBe('delivered');
      await admin('/sms/admin/undeliverable-numbers', 'POST', { number: '+46705550101' });
      const lost = await sms.send(message('sms', '070-555 01 01'));
      expect(await sms.deliveryStatus(lost.providerId!)).toBe('failed');
      await sandbox.setFault({ system: 'sms', mode: 'garbage' });
      await expect(sms.deliveryStatus(lost.providerId!)).rejects.toBeInstanceOf(ProviderAnswerInvalid);
    });

    it('refuses a number that cannot get texts before sending anything', async () => {
      const before = (await inbox('/sms/admin/inbox')).length;
      for (const bad of ['08-123 456 78', '12', 'inte ett nummer'])
        await expect(sms.send(message('sms', bad))).rejects.toBeInstanceOf(MessageRefused);
      expect(await inbox('/sms/admin/inbox')).toHaveLength(before);
    });

    it('takes a number the provider rejects as refused (no retry), not as a failure', async () => {
      await admin('/sms/admin/rejected-numbers', 'POST', { number: '+46739876543' });
      await expect(sms.send(message('sms', '0739876543'))).rejects.toBeInstanceOf(MessageRefused);
    });

    it('fails (to be retried) when the provider is down, errs, answers garbage or is slower than the timeout', async () => {
      for (const mode of ['down', 'error'] as const) {
        await sandbox.setFault({ system: 'sms', mode });
        const failure = sms.send(message('sms', '0701234567'));
        await expect(failure).rejects.toThrow(mode === 'down' ? /fetch failed/ : /HTTP 500/);
        await expect(failure).rejects.not.toBeInstanceOf(MessageRefused);
      }
      await sandbox.setFault({ system: 'sms', mode: 'garbage' });
      await expect(sms.send(message('sms', '0701234567'))).rejects.toBeInstanceOf(ProviderAnswerInvalid);
      await sandbox.setFault({ system: 'sms', mode: 'slow', delayMs: 3000 });
      await expect(sms.send(message('sms', '0701234567'))).rejects.toThrow(/timeout|aborted/i);
    });
  });

  describe('digital mailbox', () => {
    it('looks the citizen up (FaR), then delivers to their mailbox, once per message id', async () => {
      const letter = message('mailbox', ANNA);
      const first = await mailbox.send(letter);
      const again = await mailbox.send(letter);
      expect(first).toMatchObject({ delivered: true, providerId: expect.stringMatching(/^dm-/) });
      expect(again.providerId).toBe(first.providerId);
      const delivered = (
        await inbox<{ recipientId: string; supplierId: string; content: string; senderOrgNr: string }>(
          '/mailbox/admin/inbox',
        )
      ).filter((m) => m.content === letter.text);
      expect(delivered).toEqual([
        expect.objectContaining({ recipientId: ANNA, supplierId: 'kivra', senderOrgNr: '2120000000' }),
      ]);
    });

    it('refuses a citizen without a mailbox, and one whose mailbox does not accept the sender', async () => {
      await expect(mailbox.send(message('mailbox', OLGA))).rejects.toThrow(/no digital mailbox/);
      await admin('/mailbox/admin/accounts', 'PUT', {
        personalNumber: OLGA,
        supplierId: 'kivra',
        blockedSenders: ['2120000000'],
      });
      await expect(mailbox.send(message('mailbox', OLGA))).rejects.toThrow(/does not accept this sender/);
      await expect(mailbox.send(message('mailbox', OLGA))).rejects.toBeInstanceOf(MessageRefused);
      await admin('/mailbox/admin/accounts', 'PUT', { personalNumber: OLGA, supplierId: null });
    });

    it('fails (to be retried) when the infrastructure is down or answers garbage', async () => {
      await sandbox.setFault({ system: 'mailbox', mode: 'down' });
      const down = mailbox.send(message('mailbox', ANNA));
      await expect(down).rejects.toThrow(/fetch failed/);
      await expect(down).rejects.not.toBeInstanceOf(MessageRefused);
      await sandbox.setFault({ system: 'mailbox', mode: 'garbage' });
      await expect(mailbox.send(message('mailbox', ANNA))).rejects.toBeInstanceOf(ProviderAnswerInvalid);
    });
  });
});
