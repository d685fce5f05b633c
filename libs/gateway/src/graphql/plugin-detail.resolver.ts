import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { sourceError, type LoadedPlugin } from '@frontdoor/core';
import { auditTrailOf } from './person-access';
import { Person } from './person.type';
import type { RequestContext } from './request-context';

/**
 * Builds the resolver for a plugin's typed field on Person (e.g. `childcareQueue`).
 * The plugin only declared the field, its type and its mapping; fetching, deadline,
 * validation, audit and error reporting are the hub's, the same for every plugin.
 *
 * The method is named after the field: NestJS keys field resolvers by method name,
 * so two plugins' resolvers must not share one.
 */
export function createPluginDetailResolver(plugin: LoadedPlugin): new () => unknown {
  const detail = plugin.definition.person.detail;
  if (!detail) throw new Error(`Plugin ${plugin.id} declares no detail field`);

  class PluginDetailResolver {}
  Object.defineProperty(PluginDetailResolver, 'name', { value: `${detail.field}DetailResolver` });

  const method = detail.field;
  const resolve = async (person: Person, ctx: RequestContext): Promise<unknown> => {
    const outcome = await ctx.sources.read(plugin.id, person.personalNumber);
    auditTrailOf(ctx).record(person.partyId, [plugin.id]);
    if (!outcome.ok) throw sourceError(outcome.failure);
    return outcome.detail;
  };
  Object.defineProperty(PluginDetailResolver.prototype, method, { value: resolve, writable: false });
  const descriptor = Object.getOwnPropertyDescriptor(PluginDetailResolver.prototype, method)!;

  Parent()(PluginDetailResolver.prototype, method, 0);
  Context()(PluginDetailResolver.prototype, method, 1);
  ResolveField(detail.field, detail.type, {
    nullable: true,
    description: `${detail.description} From ${plugin.department} (${plugin.id}); null with a SOURCE_* error when it cannot answer.`,
  })(PluginDetailResolver.prototype, method, descriptor);
  Resolver(() => Person)(PluginDetailResolver);
  return PluginDetailResolver;
}
