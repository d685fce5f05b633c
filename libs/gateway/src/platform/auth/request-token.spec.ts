import { unauthenticated } from '@frontdoor/core';
import type { Principal } from './principal';
import { verifyRequestToken } from './request-token';
import type { TokenVerifier } from './token-verifier';

describe('verifyRequestToken', () => {
  const principal = { subject: 'agent-bo', role: 'agent' } as Principal;

  it('verifies a request’s token once, however many ask', async () => {
    const verifyHeader = jest.fn().mockResolvedValue(principal);
    const verifier = { verifyHeader } as unknown as TokenVerifier;
    const request = { headers: { authorization: 'Bearer t' } };
    expect(await verifyRequestToken(verifier, request)).toBe(principal);
    expect(await verifyRequestToken(verifier, request)).toBe(principal);
    expect(verifyHeader).toHaveBeenCalledTimes(1);
    await verifyRequestToken(verifier, { headers: { authorization: 'Bearer t' } });
    expect(verifyHeader).toHaveBeenCalledTimes(2);
  });

  it('gives every asker the same refusal', async () => {
    const verifyHeader = jest.fn().mockRejectedValue(unauthenticated('no'));
    const verifier = { verifyHeader } as unknown as TokenVerifier;
    const request = { headers: {} };
    await expect(verifyRequestToken(verifier, request)).rejects.toThrow('no');
    await expect(verifyRequestToken(verifier, request)).rejects.toThrow('no');
    expect(verifyHeader).toHaveBeenCalledTimes(1);
  });
});
