import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { DataSource, Repository } from 'typeorm';
import { Party } from './party.entity';

/**
 * Parties already seen, per database. A party row is never changed or deleted once made, so
 * its id can be remembered: the lookup was one SELECT on every registration and every person
 * read (docs/performance.md). Bounded; forgetting only costs the SELECT again.
 */
const known = new WeakMap<DataSource, LRUCache<string, Party>>();

export class PartyService {
  private readonly parties: Repository<Party>;
  private readonly seen: LRUCache<string, Party>;

  constructor(dataSource: DataSource) {
    this.parties = dataSource.getRepository(Party);
    let seen = known.get(dataSource);
    if (!seen) {
      seen = new LRUCache<string, Party>({ max: 50_000 });
      known.set(dataSource, seen);
    }
    this.seen = seen;
  }

  /** The party for a normalised personal number, created on first sight. Safe under concurrent calls. */
  async partyFor(personalNumber: string): Promise<Party> {
    const remembered = this.seen.get(personalNumber);
    if (remembered) return remembered;
    const party = await this.find(personalNumber);
    this.seen.set(personalNumber, party);
    return party;
  }

  /** The personal number behind a party id (a case keeps only the id). */
  async personalNumberOf(partyId: string): Promise<string | null> {
    return (await this.parties.findOneBy({ id: partyId }))?.personalNumber ?? null;
  }

  private async find(personalNumber: string): Promise<Party> {
    const existing = await this.parties.findOneBy({ personalNumber });
    if (existing) return existing;
    await this.parties
      .createQueryBuilder()
      .insert()
      .values({ id: randomUUID(), personalNumber, createdAt: new Date() })
      .orIgnore()
      .execute();
    return this.parties.findOneByOrFail({ personalNumber });
  }
}
