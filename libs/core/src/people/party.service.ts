import { randomUUID } from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import { Party } from './party.entity';

export class PartyService {
  private readonly parties: Repository<Party>;

  constructor(dataSource: DataSource) {
    this.parties = dataSource.getRepository(Party);
  }

  /** The party for a normalised personal number, created on first sight. Safe under concurrent calls. */
  async partyFor(personalNumber: string): Promise<Party> {
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
