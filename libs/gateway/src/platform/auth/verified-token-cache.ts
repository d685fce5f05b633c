import { LRUCache } from 'lru-cache';
import type { Principal } from './principal';

/**
 * Principals of recently verified tokens, each good until its token's own expiry (plus the
 * allowed skew): checking a signature again on every request of a session was a fifth of a
 * small request's CPU. Bounded, so a flood of distinct tokens cannot grow it.
 */
export class VerifiedTokenCache {
  private readonly entries = new LRUCache<string, { principal: Readonly<Principal>; validUntilMs: number }>({
    max: 5000,
  });

  constructor(private readonly now: () => number) {}

  /** A copy of the principal, while the token is still valid. */
  get(token: string): Principal | undefined {
    const known = this.entries.get(token);
    return known && this.now() < known.validUntilMs ? { ...known.principal } : undefined;
  }

  set(token: string, principal: Principal, validUntilMs: number): void {
    this.entries.set(token, { principal: Object.freeze({ ...principal }), validUntilMs });
  }
}
