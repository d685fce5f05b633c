import { Context, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { LoadedPlugin } from '@frontdoor/core';
import type { PersonDetailField } from '@frontdoor/plugin-sdk';
import { AccessPolicy } from '../platform/access/access-policy';
import { auditTrailOf, reportSourceFailures } from '../platform/request/person-access';
import { Person } from '../platform/schema/person.type';
import { type RequestContext, principalOf } from '../platform/request/request-context';
import { defineResolverMethod, depsOf, generatedResolverClass } from './generated-resolver';

/**
 * The resolver for one of a plugin's typed fields on Person (e.g. `childcareQueue`; its single
 * `detail` or one of its `details`, each with its own mandate). The plugin only declared the
 * field, its type and its mapping; the mandate is checked here, and the read (deadline,
 * validation, cache, redaction, audit) is the core's, the same for every plugin and field.
 */
export function createPluginDetailResolver(
  plugin: LoadedPlugin,
  detail: PersonDetailField<unknown, unknown>,
) {
  const Generated = generatedResolverClass(`${detail.field}DetailResolver`, [AccessPolicy]);
  const method = detail.field;
  const descriptor = defineResolverMethod(
    Generated.prototype,
    method,
    async function (this: unknown, person: Person, ctx: RequestContext, info: GraphQLResolveInfo) {
      const [policy] = depsOf(this) as [AccessPolicy];
      // The mandate is checked before the department is asked.
      await policy.assertMandate(
        principalOf(ctx),
        plugin.department,
        detail.mandate,
        `Person.${detail.field}`,
      );
      const result = await ctx.reads.detail(person.view, plugin.id, auditTrailOf(ctx), detail.field);
      if (result.ok) return result.detail;
      reportSourceFailures(ctx, [result.failure], info);
      return null;
    },
    3,
  );
  Parent()(Generated.prototype, method, 0);
  Context()(Generated.prototype, method, 1);
  Info()(Generated.prototype, method, 2);
  ResolveField(detail.field, detail.type, {
    nullable: true,
    description: `${detail.description} From ${plugin.department} (${plugin.id}); mandate level ${detail.mandate}; null with a SOURCE_* error when it cannot answer (a recent cached answer is served instead when there is one).`,
  })(Generated.prototype, method, descriptor);
  Resolver(() => Person)(Generated);
  return Generated;
}
