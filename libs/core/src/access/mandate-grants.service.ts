import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditActor } from '../audit/audit-trail';
import { ErrorCode } from '../errors/error-code';
import { conflict, forbidden, notFound } from '../errors/frontdoor-error';
import { AccessChange, type AccessChangeAction } from './access-change.entity';
import { MandateGrant, type MandateTargetKind } from './mandate-grant.entity';
import { MandateGrantRequest } from './mandate-grant-request.entity';

export interface MandateTarget {
  kind: MandateTargetKind;
  key: string;
  department: string;
}

/**
 * Mandates granted and revoked by admins at run time. Every change writes an
 * access_change row in the same transaction, so no grant exists without its record.
 *
 * In a secrecy department a grant is two steps (four-eyes): one admin requests it
 * (`request`), a second admin approves exactly that level (`approve`); until then it opens
 * nothing. Closing needs one admin only: a revoke, or a grant of level 0.
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

  /** Grants waiting for a second admin. */
  requests(): Promise<MandateGrantRequest[]> {
    return this.dataSource
      .getRepository(MandateGrantRequest)
      .find({ order: { targetKind: 'ASC', targetKey: 'ASC', department: 'ASC' } });
  }

  async grant(
    actor: AuditActor,
    target: MandateTarget,
    level: number,
    requestId: string,
  ): Promise<MandateGrant> {
    return this.dataSource.transaction(async (tx) => {
      const at = new Date(this.now());
      const { grant, before } = await this.setGrant(tx, target, level, actor.subject, null, at);
      await record(tx, change(actor, 'grant', target, before, level, requestId, at));
      return grant;
    });
  }

  /** Asks a second admin to approve a grant (four-eyes); replaces an earlier request for the same target. */
  async request(
    actor: AuditActor,
    target: MandateTarget,
    level: number,
    requestId: string,
  ): Promise<MandateGrantRequest> {
    return this.dataSource.transaction(async (tx) => {
      const requests = tx.getRepository(MandateGrantRequest);
      const existing = await requests.findOneBy(targetWhere(target));
      const at = new Date(this.now());
      const request = existing ?? requests.create({ id: randomUUID(), ...targetColumns(target) });
      Object.assign(request, { level, requestedBy: actor.subject, requestedAt: at });
      await requests.save(request);
      const granted = await tx.getRepository(MandateGrant).findOneBy(targetWhere(target));
      await record(tx, change(actor, 'request', target, granted?.level ?? null, level, requestId, at));
      return request;
    });
  }

  /**
   * The second admin's approval: the waiting request becomes the grant. Refused (and recorded)
   * for the admin who requested it, and when the level waiting is not the one the approver saw
   * (another request replaced it meanwhile).
   */
  async approve(
    actor: AuditActor,
    target: MandateTarget,
    expectedLevel: number,
    requestId: string,
  ): Promise<MandateGrant> {
    const refusal = await this.dataSource.transaction(async (tx) => {
      const request = await tx.getRepository(MandateGrantRequest).findOneBy(targetWhere(target));
      if (!request) return notFound('No grant waits for approval for this role or group in this department.');
      if (request.requestedBy === actor.subject)
        return forbidden('A second admin must approve this grant: you requested it yourself.');
      if (request.level !== expectedLevel)
        return conflict(
          `The grant waiting for approval is for level ${request.level}, not ${expectedLevel}: read it again.`,
        );
      return null;
    });
    if (refusal) {
      if (refusal.code !== ErrorCode.NOT_FOUND) {
        const at = new Date(this.now());
        await record(
          this.dataSource.manager,
          change(actor, 'approve_refused', target, null, expectedLevel, requestId, at),
        );
      }
      throw refusal;
    }
    return this.dataSource.transaction(async (tx) => {
      const request = await tx.getRepository(MandateGrantRequest).findOneBy(targetWhere(target));
      // Taken by another admin's approval or withdrawn between the check and now: say so, grant nothing.
      const deleted = request ? await tx.getRepository(MandateGrantRequest).delete({ id: request.id }) : null;
      if (!request || deleted?.affected !== 1 || request.level !== expectedLevel)
        throw conflict('The grant waiting for approval changed meanwhile: read it again.');
      const at = new Date(this.now());
      const { grant, before } = await this.setGrant(
        tx,
        target,
        request.level,
        request.requestedBy,
        actor.subject,
        at,
      );
      await record(tx, change(actor, 'approve', target, before, request.level, requestId, at));
      return grant;
    });
  }

  /** Removes a granted level (the configured one applies again); false when none was granted. */
  async revoke(actor: AuditActor, target: MandateTarget, requestId: string): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const at = new Date(this.now());
      const request = await tx.getRepository(MandateGrantRequest).findOneBy(targetWhere(target));
      if (request) {
        await tx.getRepository(MandateGrantRequest).delete({ id: request.id });
        await record(tx, change(actor, 'withdraw', target, null, request.level, requestId, at));
      }
      const existing = await tx.getRepository(MandateGrant).findOneBy(targetWhere(target));
      if (!existing) return false;
      await tx.getRepository(MandateGrant).delete({ id: existing.id });
      await record(tx, change(actor, 'revoke', target, existing.level, null, requestId, at));
      return true;
    });
  }

  /** Changes to mandates, newest first. */
  changes(limit = 100): Promise<AccessChange[]> {
    return this.dataSource.getRepository(AccessChange).find({ order: { occurredAt: 'DESC' }, take: limit });
  }

  private async setGrant(
    tx: EntityManager,
    target: MandateTarget,
    level: number,
    grantedBy: string,
    approvedBy: string | null,
    at: Date,
  ): Promise<{ grant: MandateGrant; before: number | null }> {
    const grants = tx.getRepository(MandateGrant);
    const existing = await grants.findOneBy(targetWhere(target));
    const grant = existing ?? grants.create({ id: randomUUID(), ...targetColumns(target) });
    Object.assign(grant, { level, grantedBy, grantedAt: at, approvedBy });
    await grants.save(grant);
    return { grant, before: existing?.level ?? null };
  }
}

function targetColumns(target: MandateTarget) {
  return { targetKind: target.kind, targetKey: target.key, department: target.department };
}
const targetWhere = targetColumns;

function record(tx: EntityManager, row: ReturnType<typeof change>) {
  return tx.getRepository(AccessChange).insert(row);
}

function change(
  actor: AuditActor,
  action: AccessChangeAction,
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
