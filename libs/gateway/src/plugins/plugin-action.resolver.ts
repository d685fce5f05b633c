import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import {
  PartyService,
  PersonReader,
  PurposeTies,
  Representations,
  badUserInput,
  forbidden,
  parsePersonalNumber,
  sourceError,
  type LoadedPlugin,
} from '@frontdoor/core';
import { PROTECTED_TEXT, checkInput, runActionAnswer, type AnyPluginAction } from '@frontdoor/plugin-sdk';
import { AccessPolicy } from '../platform/access/access-policy';
import { Allow } from '../platform/guard/allow.decorator';
import {
  PURPOSE_DESCRIPTION,
  WHY_DESCRIPTION,
  assertCallerIdentified,
  assertPurposeFromList,
  auditTrailOf,
  recordPurpose,
} from '../platform/request/person-access';
import { PurposeInput } from '../platform/schema/purpose.types';
import { type RequestContext, principalOf } from '../platform/request/request-context';
import { defineResolverMethod, depsOf, generatedResolverClass } from './generated-resolver';
import { PluginHost } from '../platform/plugin-runtime/plugin-host';
import { withheldInputField } from './withheld-input';
import { ACTORS } from '../platform/auth/role-groups';
import { assertActsOnBehalf, assertCitizenMayRun } from './action-on-behalf';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * A mutation a plugin declares (e.g. `orderBulkyWastePickup`). The client's idempotency
 * key is required; the hub's connection sends it with every request of the action
 * (`Idempotency-Key`), so a retry after a timeout never acts twice. The plugin never sees it.
 */
export function createPluginActionResolver(plugin: LoadedPlugin, action: AnyPluginAction) {
  const Generated = generatedResolverClass(`${action.field}ActionResolver`, [
    PluginHost,
    PartyService,
    PersonReader,
    AccessPolicy,
    PurposeTies,
    Representations,
  ]);
  const method = action.field;

  const descriptor = defineResolverMethod(
    Generated.prototype,
    method,
    async function (
      this: unknown,
      input: unknown,
      idempotencyKey: string,
      purpose: string | null | undefined,
      why: PurposeInput | null | undefined,
      ctx: RequestContext,
    ) {
      const [host, parties, reader, policy, ties, representations] = depsOf(this) as [
        PluginHost,
        PartyService,
        PersonReader,
        AccessPolicy,
        PurposeTies,
        Representations,
      ];
      // Staff by mandate; a citizen only where the plugin opens the action to citizens (SDK 4.3).
      if (principalOf(ctx).role === 'citizen') await assertCitizenMayRun(ctx, policy, plugin, action);
      else await policy.assertMandate(principalOf(ctx), plugin.department, action.mandate, action.field);
      if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
        throw badUserInput(
          'idempotencyKey must be 8-100 characters of letters, digits and . _ : - (a UUID is a good choice).',
          'idempotencyKey',
        );
      }
      const checked = checkInput(action.input, input, 'input.');
      if (!checked.ok) throw badUserInput(checked.message, checked.field);
      const withheld = withheldInputField(checked.value);
      if (withheld)
        throw badUserInput(
          `${withheld}: withheld (skyddade personuppgifter); a colleague cleared for protected identity can do this.`,
          withheld,
        );

      // Why, as for a lookup: required of staff where the configuration says so, on the audit row.
      await recordPurpose(ctx, policy, { purpose, why }, ties);
      assertPurposeFromList(ctx, policy, plugin.department);
      const trail = auditTrailOf(ctx);
      const subjects = action.subjects(checked.value).map((s) => parsePersonalNumber(s).value);
      for (const subject of subjects) {
        const party = await parties.partyFor(subject);
        trail.record(party.id, [plugin.id], [action.field]);
        await assertCallerIdentified(ctx, policy, plugin, subject, party.id, action.field);
      }
      // Done for someone else (a guardian for her child): the hub, not the plugin, checks custody
      // or a power before the department is asked; refused and audited otherwise.
      await assertActsOnBehalf(ctx, parties, representations, plugin, action, checked.value, subjects);
      // A protected person's matter in a secrecy department is withheld whole from the uncleared
      // (decision 0074): an action on it says as much as a read (accepted or refused). Asked
      // after the attempt is on the audit trail, before the department is.
      const principal = principalOf(ctx);
      if (
        policy.isSecret(plugin.department) &&
        principal.role !== 'citizen' &&
        !policy.clearedForProtectedIdentity(principal)
      ) {
        for (const subject of subjects)
          if ((await ctx.reads.protectedIdentity(subject)).protected)
            throw forbidden(
              `${PROTECTED_TEXT}: ${plugin.department} is under secrecy and the person has protected identity; a colleague cleared for protected identity can do this.`,
            );
      }

      const result = await host
        .runtime(plugin.id)
        .call(`action:${action.field}`, (source) => runActionAnswer(action, source, checked.value), {
          idempotencyKey,
        });
      if (!result.ok) throw sourceError(result.failure);
      // The department changed: the next read of these people asks it again.
      for (const subject of subjects) await reader.forget(subject);
      return action.map(result.value);
    },
    5,
  );

  Args('input', { type: action.inputType })(Generated.prototype, method, 0);
  Args('idempotencyKey', {
    type: () => String,
    description: 'Chosen by the client, the same on every retry of one request.',
  })(Generated.prototype, method, 1);
  Args('purpose', {
    type: () => String,
    nullable: true,
    description: PURPOSE_DESCRIPTION,
  })(Generated.prototype, method, 2);
  Args('why', { type: () => PurposeInput, nullable: true, description: WHY_DESCRIPTION })(
    Generated.prototype,
    method,
    3,
  );
  Context()(Generated.prototype, method, 4);
  // The roles that may act on a department's behalf at all; the mandate per department decides (AccessPolicy).
  // Citizens too where the plugin opens the action to them (checked again per request above).
  if (action.citizens) Allow(...ACTORS, 'citizen')(Generated.prototype, method, descriptor);
  else Allow(...ACTORS)(Generated.prototype, method, descriptor);
  Mutation(action.type, {
    name: action.field,
    description: `${action.description} Done in ${plugin.department} (${plugin.id}); mandate level ${action.mandate}.`,
  })(Generated.prototype, method, descriptor);
  Resolver()(Generated);
  return Generated;
}
