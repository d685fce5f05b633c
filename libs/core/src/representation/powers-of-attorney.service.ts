import { randomUUID } from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import { conflict, notFound } from '../errors';
import { stockholmDate } from '../time/stockholm-date';
import { ALL_OPEN_DEPARTMENTS, PowerOfAttorney } from './power-of-attorney.entity';
import { checkPowerOfAttorney, type DepartmentCatalogue } from './power-of-attorney-input';

/** Whether a power lets its agent read `department` on `today`, or why not. */
export type PowerDecision =
  | { ok: true }
  | {
      ok: false;
      code: 'POWER_REVOKED' | 'POWER_NOT_YET_VALID' | 'POWER_EXPIRED' | 'OUT_OF_SCOPE';
      reason: string;
    };

/** Decides one power for one department and day: revoked, dates (inclusive), then scope. */
export function decidePower(
  power: PowerOfAttorney,
  department: string,
  today: string,
  catalogue: Pick<DepartmentCatalogue, 'isSecret'>,
): PowerDecision {
  if (power.revokedAt)
    return {
      ok: false,
      code: 'POWER_REVOKED',
      reason: `Fullmakten återkallades ${stockholmDate(power.revokedAt)}.`,
    };
  if (today < power.validFrom)
    return {
      ok: false,
      code: 'POWER_NOT_YET_VALID',
      reason: `Fullmakten gäller först från ${power.validFrom}.`,
    };
  if (power.validTo !== null && today > power.validTo)
    return { ok: false, code: 'POWER_EXPIRED', reason: `Fullmakten gick ut ${power.validTo}.` };
  const inScope =
    power.departments.includes(department) ||
    (power.departments.includes(ALL_OPEN_DEPARTMENTS) && !catalogue.isSecret(department));
  if (!inScope)
    return {
      ok: false,
      code: 'OUT_OF_SCOPE',
      reason: catalogue.isSecret(department)
        ? `Fullmakten omfattar inte ${department} (sekretess: förvaltningen måste anges uttryckligen).`
        : `Fullmakten omfattar inte ${department}.`,
    };
  return { ok: true };
}

/**
 * Powers of attorney: staff register them from the signed document and revoke them; the
 * hub reads them on every representative's read (never cached, so a revocation holds at once
 * on every gateway: the table is the one shared state).
 */
export class PowersOfAttorney {
  private readonly powers: Repository<PowerOfAttorney>;

  constructor(
    dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.powers = dataSource.getRepository(PowerOfAttorney);
  }

  async register(
    raw: unknown,
    catalogue: DepartmentCatalogue,
    registeredBy: string,
  ): Promise<PowerOfAttorney> {
    const at = this.now();
    const checked = checkPowerOfAttorney(raw, catalogue, stockholmDate(at));
    const power = this.powers.create({
      id: randomUUID(),
      ...checked,
      registeredBy,
      registeredAt: at,
      revokedBy: null,
      revokedAt: null,
    });
    await this.powers.insert(power);
    return power;
  }

  /** Revokes a power (once: a second revocation is a CONFLICT naming the first). */
  async revoke(id: string, revokedBy: string): Promise<PowerOfAttorney> {
    const power = await this.find(id);
    if (power.revokedAt)
      throw conflict(
        `Fullmakten är redan återkallad (${power.revokedAt.toISOString()} av ${power.revokedBy}).`,
      );
    const at = this.now();
    const result = await this.powers
      .createQueryBuilder()
      .update()
      .set({ revokedBy, revokedAt: at })
      .where('id = :id AND revoked_at IS NULL', { id })
      .execute();
    if (!result.affected) throw conflict('Fullmakten återkallades samtidigt av någon annan.');
    return { ...power, revokedBy, revokedAt: at };
  }

  async find(id: string): Promise<PowerOfAttorney> {
    const power = /^[0-9a-f-]{36}$/i.test(id) ? await this.powers.findOneBy({ id }) : null;
    if (!power) throw notFound(`Ingen fullmakt med id ${id}.`);
    return power;
  }

  /** Powers the person has given (as principal), newest first, revoked included. */
  given(principalPersonalNumber: string): Promise<PowerOfAttorney[]> {
    return this.powers.find({ where: { principalPersonalNumber }, order: { registeredAt: 'DESC' } });
  }

  /** Powers the person has received (as agent), newest first, revoked included. */
  received(agentPersonalNumber: string): Promise<PowerOfAttorney[]> {
    return this.powers.find({ where: { agentPersonalNumber }, order: { registeredAt: 'DESC' } });
  }

  /** Every power from `principal` to `agent`, read now (the read path asks on every request). */
  between(agentPersonalNumber: string, principalPersonalNumber: string): Promise<PowerOfAttorney[]> {
    return this.powers.find({
      where: { agentPersonalNumber, principalPersonalNumber },
      order: { registeredAt: 'DESC' },
    });
  }
}
