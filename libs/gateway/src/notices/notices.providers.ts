import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_SPIKE_RULE, OperatingNotices } from '@frontdoor/core';
import { HubClock } from '@frontdoor/hub';
import type { GatewayConfig } from '../platform/config/gateway-config';
import { SpikeRuleHolder } from './spike-rule-holder';

/** Operating notices with the configured areas, and the spike rule. */
export function noticesProviders(config: GatewayConfig): Provider[] {
  return [
    {
      provide: OperatingNotices,
      useFactory: (ds: DataSource, clock: HubClock) =>
        new OperatingNotices(ds, config.notices.areas, clock.now),
      inject: [DataSource, HubClock],
    },
    { provide: SpikeRuleHolder, useValue: new SpikeRuleHolder(config.notices.spikes ?? DEFAULT_SPIKE_RULE) },
  ];
}
