import { Logger } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  CallCase,
  CallerIdentifications,
  CaseService,
  PartyService,
  badUserInput,
  identificationMessage,
  parsePersonalNumber,
  type CallerIdentification,
  type CaseWriter,
  type IdentificationStep,
} from '@frontdoor/core';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../platform/access/access-policy';
import { STAFF } from '../platform/auth/role-groups';
import { Allow } from '../platform/guard/allow.decorator';
import { auditTrailOf } from '../platform/request/person-access';
import { principalOf, type RequestContext } from '../platform/request/request-context';
import {
  CallerIdentificationInfo,
  IdentificationExceptionReason,
  IdentificationState,
} from './identification.types';

const time = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'short',
  timeStyle: 'short',
});

/**
 * The agent identifies the person on the line (decision 0076): start a BankID phone
 * authentication, collect once per console poll (every 2 s; each poll is one BankID round trip),
 * cancel, or record an exception the configuration allows. The start, every refusal and every
 * completion are on the audit row; a completion is noted on the case it concerns.
 */
@Resolver(() => CallerIdentificationInfo)
export class IdentificationResolver {
  private readonly log = new Logger('CallerIdentification');

  constructor(
    private readonly identifications: CallerIdentifications,
    private readonly parties: PartyService,
    private readonly policy: AccessPolicy,
    private readonly cases: CaseService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => CallerIdentificationInfo, {
    nullable: true,
    description: 'This agent’s latest identification of the person (pending, finished or in force), if any.',
  })
  @Allow(...STAFF)
  async callerIdentification(
    @Args('personalNumber') personalNumber: string,
    @Context() ctx: RequestContext,
  ): Promise<CallerIdentificationInfo | null> {
    const pn = parsePersonalNumber(personalNumber).value;
    const row = await this.identifications.latest(principalOf(ctx).subject, pn);
    return row && infoOf(row);
  }

  @Query(() => [IdentificationExceptionReason], {
    description: 'The exceptions from identification the configuration allows (none by default).',
  })
  @Allow(...STAFF)
  identificationExceptionReasons(): IdentificationExceptionReason[] {
    return this.policy.identificationSettings.exceptionReasons;
  }

  @Mutation(() => CallerIdentificationInfo, {
    description:
      'Starts a BankID phone authentication (callInitiator RP) for the personal number the caller claims; optionally on the current call and case. Then collectCallerIdentification every 2 s.',
  })
  @Allow(...STAFF)
  async startCallerIdentification(
    @Args('personalNumber') personalNumber: string,
    @Args('callId', { type: () => String, nullable: true }) callId: string | null,
    @Args('caseId', { type: () => ID, nullable: true }) caseId: string | null,
    @Context() ctx: RequestContext,
  ): Promise<CallerIdentificationInfo> {
    const request = await this.request(ctx, personalNumber, callId, caseId);
    const step = await this.identifications.start(request);
    this.audit(ctx, step.identification, 'started');
    return this.after(ctx, step);
  }

  @Mutation(() => CallerIdentificationInfo, {
    description:
      'Asks BankID once how the identification goes (one collect); call it every 2 s while PENDING.',
  })
  @Allow(...STAFF)
  async collectCallerIdentification(
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: RequestContext,
  ): Promise<CallerIdentificationInfo> {
    return this.after(ctx, await this.identifications.collect(id, principalOf(ctx).subject));
  }

  @Mutation(() => CallerIdentificationInfo, {
    description: 'Stops a pending identification (BankID cancel).',
  })
  @Allow(...STAFF)
  async cancelCallerIdentification(
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: RequestContext,
  ): Promise<CallerIdentificationInfo> {
    return this.after(ctx, await this.identifications.cancel(id, principalOf(ctx).subject));
  }

  @Mutation(() => CallerIdentificationInfo, {
    description:
      'Records an exception from identification with a reason the configuration allows (identificationExceptionReasons); it opens secrecy departments like an identification, and is audited with its reason.',
  })
  @Allow(...STAFF)
  async recordIdentificationException(
    @Args('personalNumber') personalNumber: string,
    @Args('reason') reason: string,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
    @Args('callId', { type: () => String, nullable: true }) callId: string | null,
    @Args('caseId', { type: () => ID, nullable: true }) caseId: string | null,
    @Context() ctx: RequestContext,
  ): Promise<CallerIdentificationInfo> {
    const allowed = this.policy.identificationSettings.exceptionReasons.find((r) => r.key === reason);
    if (!allowed) {
      throw badUserInput(
        `reason: not an exception the configuration allows (${this.policy.identificationSettings.exceptionReasons.map((r) => r.key).join(', ') || 'none is'}).`,
        'reason',
      );
    }
    if (note && note.length > 500) throw badUserInput('note: at most 500 characters.', 'note');
    const request = await this.request(ctx, personalNumber, callId, caseId);
    return this.after(ctx, await this.identifications.recordException(request, reason, note?.trim() || null));
  }

  private async request(
    ctx: RequestContext,
    personalNumber: string,
    callId: string | null,
    caseId: string | null,
  ) {
    const principal = principalOf(ctx);
    const pn = parsePersonalNumber(personalNumber).value;
    if (caseId) await this.cases.get(caseId);
    const party = await this.parties.partyFor(pn);
    return {
      personalNumber: pn,
      partyId: party.id,
      agent: { subject: principal.subject, name: principal.name ?? null },
      callId,
      caseId,
    };
  }

  /** A finished step is audited once (whichever gateway finished it) and, when complete, noted on its cases. */
  private async after(ctx: RequestContext, step: IdentificationStep): Promise<CallerIdentificationInfo> {
    const row = step.identification;
    if (step.finished) {
      this.audit(ctx, row, row.status === 'complete' ? 'complete' : `refused:${row.failure ?? row.status}`);
      if (row.status === 'complete') await this.noteOnCases(ctx, row);
    }
    return infoOf(row);
  }

  private audit(ctx: RequestContext, row: CallerIdentification, outcome: string): void {
    const trail = auditTrailOf(ctx);
    trail.purpose ??= row.callId ?? row.caseId ?? 'identifiering av den som ringer';
    trail.record(row.partyId, [], ['callerIdentification', `callerIdentification:${row.method}:${outcome}`]);
  }

  /** On the case given, and on every case registered on the call so far: an internal note. */
  private async noteOnCases(ctx: RequestContext, row: CallerIdentification): Promise<void> {
    const caseIds = new Set(row.caseId ? [row.caseId] : []);
    if (row.callId)
      for (const link of await this.dataSource.getRepository(CallCase).findBy({ callId: row.callId }))
        caseIds.add(link.caseId);
    const how =
      row.method === 'exception'
        ? `Undantag från identifiering (${row.exceptionReason}${row.exceptionNote ? `: ${row.exceptionNote}` : ''})`
        : `Identifierad med BankID (bankid-phone): ${row.identifiedName}, ${row.identifiedPersonalNumber}`;
    const text = `${how}, ${time.format(row.finishedAt!)}${row.callId ? `, samtal ${row.callId}` : ''}.`;
    const principal = principalOf(ctx);
    // The agent writes the note as themselves (staff only reach this resolver), within the case write rules.
    const writer: CaseWriter = {
      subject: principal.subject,
      name: principal.name,
      role: principal.role as CaseWriter['role'],
      answerGroupKeys: this.policy.answerGroupsOf(principal),
    };
    for (const caseId of caseIds) {
      // The identification stands on its own row and the audit; a case the agent may no longer write to keeps it there.
      await this.cases
        .addCaseNote(caseId, text, writer)
        .catch((error: Error) =>
          this.log.warn(`identification ${row.id} not noted on case ${caseId}: ${error.message}`),
        );
    }
  }
}

function infoOf(row: CallerIdentification): CallerIdentificationInfo {
  return {
    id: row.id,
    personalNumber: row.personalNumber,
    state: row.status as IdentificationState,
    method: row.method,
    message: identificationMessage(row),
    hintCode: row.hintCode,
    failure: row.failure,
    identifiedName: row.identifiedName,
    identifiedPersonalNumber: row.identifiedPersonalNumber,
    exceptionReason: row.exceptionReason,
    callId: row.callId,
    caseId: row.caseId,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    validUntil: row.validUntil,
  };
}
