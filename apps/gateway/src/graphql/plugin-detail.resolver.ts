import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { sourceError, type LoadedPlugin } from '@frontdoor/core';
import { auditTrailOf } from './person-access';
import { Person } from './person.type';
import type { RequestContext } from './request-context';

/**
 * Builds the resolver for a plugin's typed field on Person (e.g. `childcareQueue`).
 * The plugin only declared the field, its type and its mapping; fetching, deadline,
 * validation, audit and error reporting are the hub's, the same for every plugin.
 */
export function createPluginDetailResolver(plugin: LoadedPlugin): new (...args: never[]) => unknown {
  const detail = plugin.definition.person.detail;
  if (!detail) throw new Error(`Plugin ${plugin.id} declares no detail field`);

  @Resolver(() => Person)
  class PluginDetailResolver {
    @ResolveField(detail!.field, detail!.type, {
      nullable: true,
      description: `${detail!.description} From ${plugin.department} (${plugin.id}); null with a SOURCE_* error when it cannot answer.`,
    })
    async resolveDetail(@Parent() person: Person, @Context() ctx: RequestContext): Promise<unknown> {
      const outcome = await ctx.sources.read(plugin.id, person.personalNumber);
      auditTrailOf(ctx).record(person.partyId, [plugin.id]);
      if (!outcome.ok) throw sourceError(outcome.failure);
      return outcome.detail;
    }
  }
  Object.defineProperty(PluginDetailResolver, 'name', { value: `${detail.field}DetailResolver` });
  return PluginDetailResolver;
}
