import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuditActor } from '../audit/audit-trail';
import { AccessChange } from './access-change.entity';
import { MandateGrant, type MandateTargetKind } from './mandate-grant.entity';

export interface MandateTarget {
  kind: MandateTargetKind;
  key: string;
  department: string;
}

/**
 * Mandates granted and revoked by admins at run time. Every change writes an
 * access_change row in the same transaction, so no grant exists without its record.
 */
export class MandateGrants {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => number = Date.now,
  ) {}

  list(): Promise<MandateGrant[]> {
    return this.dataSource
      .getRepository(MandateGrant)
      .find({ order: { targetKind: 'ASC', targetKey: 'ASC', department: 'ASC' } });
  }

  async grant(
    actor: AuditActor,
    target: MandateTarget,
    level: number,
    requestId: string,
  ): Promise<MandateGrant> {
    return this.dataSource.transaction(async (tx) => {
      const grants = tx.getRepository(MandateGrant);
      const existing = await grants.findOneBy({
        targetKind: target.kind,
        targetKey: target.key,
        department: target.department,
      });
      const at = new Date(this.now());
      const grant =
        existing ??
        grants.create({
          id: randomUUID(),
          targetKind: target.kind,
          targetKey: target.key,
          department: target.department,
        });
      Object.assign(grant, { level, grantedBy: actor.subject, grantedAt: at });
      await grants.save(grant);
      await tx
        .getRepository(AccessChange)
        .insert(change(actor, 'grant', target, existing?.level ?? null, level, requestId, at));
      return grant;
    });
  }

  /** Removes a granted level (the configured one applies again); false when none was granted. */
  async revoke(actor: AuditActor, target: MandateTarget, requestId: string): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const grants = tx.getRepository(MandateGrant);
      const existing = await grants.findOneBy({
        targetKind: target.kind,
        targetKey: target.key,
        department: target.department,
      });
      if (!existing) return false;
      await grants.delete({ id: existing.id });
      await tx
        .getRepository(AccessChange)
        .insert(change(actor, 'revoke', target, existing.level, null, requestId, new Date(this.now())));
      return true;
    });
  }

  /** Changes to mandates, newest first. */
  changes(limit = 100): Promise<AccessChange[]> {
    return this.dataSource.getRepository(AccessChange).find({ order: { occurredAt: 'DESC' }, take: limit });
  }
}

function change(
  actor: AuditActor,
  action: 'grant' | 'revoke',
  target: MandateTarget,
  levelBefore: number | null,
  levelAfter: number | null,
  requestId: string,
  at: Date,
) {
  return {
    id: randomUUID(),
    occurredAt: at,
    actorSubject: actor.subject,
    actorRole: actor.role,
    action,
    targetKind: target.kind,
    targetKey: target.key,
    department: target.department,
    levelBefore,
    levelAfter,
    requestId,
  };
}
