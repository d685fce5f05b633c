import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BankIdClient, CallerIdentifications } from '@frontdoor/core';
import { HubClock } from '@frontdoor/hub';
import type { GatewayConfig } from '../platform/config/gateway-config';

/** The caller's identification: the BankID client (mutual TLS, when configured) and the rows every gateway shares. */
export function identificationProviders(config: GatewayConfig): Provider[] {
  return [
    {
      provide: CallerIdentifications,
      useFactory: (ds: DataSource, clock: HubClock) =>
        new CallerIdentifications(
          ds,
          config.bankId ? new BankIdClient(config.bankId) : null,
          config.access.identification,
          clock.now,
        ),
      inject: [DataSource, HubClock],
    },
  ];
}
