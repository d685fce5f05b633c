import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, CaseQueries, PartyService, PersonReader } from '@frontdoor/core';
import { AccessPolicy } from '../platform/access/access-policy';
import type { GatewayConfig } from '../platform/config/gateway-config';
import { CustomerEventsService } from './customer-events.service';

/** The customer events' service, with the producer name Mina ärenden knows the hub by (MINA_ARENDEN_PRODUCER). */
export function customerEventsProviders(config: GatewayConfig): Provider[] {
  return [
    {
      provide: CustomerEventsService,
      useFactory: (
        parties: PartyService,
        reader: PersonReader,
        policy: AccessPolicy,
        dataSource: DataSource,
        queries: CaseQueries,
        audit: AuditService,
      ) =>
        new CustomerEventsService(
          parties,
          reader,
          policy,
          dataSource,
          queries,
          audit,
          config.env.MINA_ARENDEN_PRODUCER,
        ),
      inject: [PartyService, PersonReader, AccessPolicy, DataSource, CaseQueries, AuditService],
    },
  ];
}
