import { Query, Resolver } from '@nestjs/graphql';
import { PersonSources } from '@frontdoor/core';
import { Allow } from '../auth/allow.decorator';
import { PluginInfo } from './plugin-info.type';

@Resolver(() => PluginInfo)
export class PluginsResolver {
  constructor(private readonly sources: PersonSources) {}

  @Query(() => [PluginInfo], { description: 'The department systems this hub is connected to, and whether each answers.' })
  @Allow('agent', 'case_officer', 'manager', 'admin', 'citizen', 'service')
  async plugins(): Promise<PluginInfo[]> {
    return Promise.all(
      this.sources.plugins.map(async (p) => ({ id: p.id, department: p.department, version: p.version, healthy: await this.sources.healthy(p.id) })),
    );
  }
}
