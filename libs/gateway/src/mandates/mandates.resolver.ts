import {
  Args,
  Context,
  Field,
  GraphQLISODateTime,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
} from '@nestjs/graphql';
import { MandateGrants, badUserInput, type MandateGrantRequest, type MandateTarget } from '@frontdoor/core';
import { Allow } from '../platform/guard/allow.decorator';
import { ROLES } from '../platform/auth/principal';
import type { RequestContext } from '../platform/request/request-context';
import { AccessPolicy } from '../platform/access/access-policy';
import { CurrentPrincipal } from '../platform/guard/current-principal.decorator';
import type { Principal } from '../platform/auth/principal';
import { ADMINS } from '../platform/auth/role-groups';

export enum MandateTargetKind {
  ROLE = 'role',
  ANSWER_GROUP = 'answer_group',
}
registerEnumType(MandateTargetKind, {
  name: 'MandateTargetKind',
  description: 'Whom a mandate is for: a hub role or an answer group (svarsgrupp).',
});

@ObjectType({ description: 'A grant waiting for a second admin (four-eyes).' })
export class PendingGrantInfo {
  @Field(() => Int) level!: number;
  @Field({ description: 'The admin who requested it; another admin must approve it.' }) requestedBy!: string;
  @Field(() => GraphQLISODateTime) requestedAt!: Date;
}

@ObjectType({
  description:
    'A role’s or answer group’s mandate level in one department: configured, granted by an admin, and in effect.',
})
export class MandateInfo {
  @Field(() => MandateTargetKind) targetKind!: MandateTargetKind;
  @Field() targetKey!: string;
  @Field({ description: 'A department as plugins name it, or * for every department.' }) department!: string;
  @Field(() => Int, {
    nullable: true,
    description: 'From the configuration file (null: not configured, 0 applies).',
  })
  configured!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Granted by an admin at run time; overrides the configured level.',
  })
  granted!: number | null;
  @Field(() => Int) effective!: number;
  @Field({
    description:
      'The department’s secrecy class as its plugins declare it: open, personal or secrecy (closed until an approved grant names it; * never opens it).',
  })
  secrecy!: string;
  @Field(() => PendingGrantInfo, {
    nullable: true,
    description:
      'A grant in a secrecy department waiting for a second admin’s approval; it opens nothing yet.',
  })
  pending!: PendingGrantInfo | null;
}

@ObjectType({ description: 'A grant or revoke of a mandate (append-only record).' })
export class AccessChangeInfo {
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field() actorSubject!: string;
  @Field() action!: string;
  @Field(() => MandateTargetKind) targetKind!: MandateTargetKind;
  @Field() targetKey!: string;
  @Field() department!: string;
  @Field(() => Int, { nullable: true }) levelBefore!: number | null;
  @Field(() => Int, { nullable: true }) levelAfter!: number | null;
  @Field() requestId!: string;
}

@InputType()
export class MandateTargetInput {
  @Field(() => MandateTargetKind) targetKind!: MandateTargetKind;
  @Field({ description: 'A role (agent, case_officer, …) or an answer group key.' }) targetKey!: string;
  @Field({ description: 'A department as plugins name it, or *.' }) department!: string;
}

/** Admins read, grant and revoke mandates; every change is recorded with who made it. */
@Resolver(() => MandateInfo)
export class MandatesResolver {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly grants: MandateGrants,
  ) {}

  @Query(() => [MandateInfo], {
    description: 'Every role’s and answer group’s mandate per department (admins).',
  })
  @Allow(...ADMINS)
  async mandates(): Promise<MandateInfo[]> {
    await this.policy.refreshGrants();
    const pending = pendingByTarget(await this.grants.requests());
    const targets: [MandateTargetKind, string][] = [
      ...ROLES.map((role) => [MandateTargetKind.ROLE, role] as [MandateTargetKind, string]),
      ...this.policy.answerGroupKeys.map(
        (key) => [MandateTargetKind.ANSWER_GROUP, key] as [MandateTargetKind, string],
      ),
    ];
    return targets.flatMap(([kind, key]) =>
      ['*', ...this.policy.departments].map((department) => ({
        targetKind: kind,
        targetKey: key,
        department,
        ...this.policy.levels(kind, key, department),
        secrecy: this.policy.secrecyOf(department).class,
        pending: pending.get(targetId(kind, key, department)) ?? null,
      })),
    );
  }

  @Query(() => [AccessChangeInfo], { description: 'Grants and revokes of mandates, newest first (admins).' })
  @Allow(...ADMINS)
  async accessChanges(
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
  ): Promise<AccessChangeInfo[]> {
    const changes = await this.grants.changes(Math.min(Math.max(first, 1), 1000));
    return changes.map((c) => ({ ...c, at: c.occurredAt, targetKind: c.targetKind as MandateTargetKind }));
  }

  @Mutation(() => MandateInfo, {
    description:
      'Grants a mandate level (0-6) to a role or answer group in a department (admins). In a secrecy department a level above 0 waits for a second admin (approveMandateGrant) and opens nothing until then. Recorded in accessChanges.',
  })
  @Allow(...ADMINS)
  async grantMandate(
    @Args('target') input: MandateTargetInput,
    @Args('level', { type: () => Int }) level: number,
    @Context() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MandateInfo> {
    const target = this.checkedTarget(input);
    if (!Number.isInteger(level) || level < 0 || level > 6)
      throw badUserInput('level: expected a mandate level 0-6.', 'level');
    if (this.policy.isSecret(target.department) && level > 0) {
      // Four-eyes: opening a secrecy department takes a second admin; closing it never waits.
      const request = await this.grants.request(
        { subject: principal.subject, role: principal.role },
        target,
        level,
        ctx.requestId,
      );
      return this.infoOf(input.targetKind, target, {
        level: request.level,
        requestedBy: request.requestedBy,
        requestedAt: request.requestedAt,
      });
    }
    await this.grants.grant(
      { subject: principal.subject, role: principal.role },
      target,
      level,
      ctx.requestId,
    );
    await this.policy.invalidateGrants();
    const configured = this.policy.configuredLevel(target.kind, target.key, target.department);
    return {
      targetKind: input.targetKind,
      targetKey: target.key,
      department: target.department,
      configured,
      granted: level,
      effective: level,
      secrecy: this.policy.secrecyOf(target.department).class,
      pending: null,
    };
  }

  @Mutation(() => MandateInfo, {
    description:
      'Approves a grant waiting in a secrecy department (admins; not the admin who requested it). `level` is the level you read as waiting: if another request replaced it, nothing is granted (CONFLICT). Recorded in accessChanges with both admins.',
  })
  @Allow(...ADMINS)
  async approveMandateGrant(
    @Args('target') input: MandateTargetInput,
    @Args('level', { type: () => Int }) level: number,
    @Context() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MandateInfo> {
    const target = this.checkedTarget(input);
    if (!this.policy.isSecret(target.department))
      throw badUserInput(
        'target.department: only a grant in a secrecy department waits for approval.',
        'target.department',
      );
    await this.grants.approve(
      { subject: principal.subject, role: principal.role },
      target,
      level,
      ctx.requestId,
    );
    await this.policy.invalidateGrants();
    return this.infoOf(input.targetKind, target, null);
  }

  @Mutation(() => Boolean, {
    description:
      'Removes a granted mandate so the configured level applies again (admins); false when none was granted. Recorded in accessChanges.',
  })
  @Allow(...ADMINS)
  async revokeMandate(
    @Args('target') input: MandateTargetInput,
    @Context() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<boolean> {
    const target = this.checkedTarget(input);
    const revoked = await this.grants.revoke(
      { subject: principal.subject, role: principal.role },
      target,
      ctx.requestId,
    );
    await this.policy.invalidateGrants();
    return revoked;
  }

  private async infoOf(
    kind: MandateTargetKind,
    target: MandateTarget,
    pending: PendingGrantInfo | null,
  ): Promise<MandateInfo> {
    await this.policy.refreshGrants();
    return {
      targetKind: kind,
      targetKey: target.key,
      department: target.department,
      ...this.policy.levels(target.kind, target.key, target.department),
      secrecy: this.policy.secrecyOf(target.department).class,
      pending,
    };
  }

  private checkedTarget(input: MandateTargetInput): MandateTarget {
    const departments = ['*', ...this.policy.departments];
    if (!departments.includes(input.department)) {
      throw badUserInput(
        `target.department: unknown department "${input.department.slice(0, 100)}" (known: ${departments.join(', ')}).`,
        'target.department',
      );
    }
    if (
      input.targetKind === MandateTargetKind.ROLE &&
      !(ROLES as readonly string[]).includes(input.targetKey)
    ) {
      throw badUserInput(`target.targetKey: unknown role (known: ${ROLES.join(', ')}).`, 'target.targetKey');
    }
    if (
      input.targetKind === MandateTargetKind.ANSWER_GROUP &&
      !this.policy.answerGroupKeys.includes(input.targetKey)
    ) {
      throw badUserInput(
        `target.targetKey: unknown answer group (known: ${this.policy.answerGroupKeys.join(', ')}).`,
        'target.targetKey',
      );
    }
    return { kind: input.targetKind, key: input.targetKey, department: input.department };
  }
}

function targetId(kind: string, key: string, department: string): string {
  return `${kind}\u0000${key}\u0000${department}`;
}

function pendingByTarget(requests: MandateGrantRequest[]): Map<string, PendingGrantInfo> {
  return new Map(
    requests.map((r) => [
      targetId(r.targetKind, r.targetKey, r.department),
      { level: r.level, requestedBy: r.requestedBy, requestedAt: r.requestedAt },
    ]),
  );
}
