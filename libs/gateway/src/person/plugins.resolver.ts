import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DepartmentStatusBoard, PersonReader } from '@frontdoor/core';
import { Allow } from '../platform/guard/allow.decorator';
import { PluginInfo } from '../platform/schema/plugin-info.type';
import { PEOPLE_AND_SERVICES } from '../platform/auth/role-groups';

@Resolver(() => PluginInfo)
export class PluginsResolver {
  constructor(
    private readonly reader: PersonReader,
    private readonly departments: DepartmentStatusBoard,
  ) {}

  @Query(() => [PluginInfo], {
    description: 'The department systems this hub is connected to, and whether each answers.',
  })
  @Allow(...PEOPLE_AND_SERVICES)
  plugins(): PluginInfo[] {
    return this.reader.plugins.map((p) => ({
      id: p.id,
      department: p.department,
      version: p.version,
      secrecy: p.definition.secrecy?.class ?? 'personal',
      statute: p.definition.secrecy?.statute ?? null,
    }));
  }

  // Resolved only when asked for: a client listing ids does not make the hub probe every department.
  @ResolveField(() => Boolean, {
    description: 'Whether the department system answered its last health check.',
  })
  async healthy(@Parent() plugin: PluginInfo): Promise<boolean> {
    return (await this.departments.status(plugin.id)).healthy;
  }
}
