import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseQueries, OperatingNotices } from '@frontdoor/core';
import { HubClock } from '@frontdoor/hub';
import { TokenVerifier } from '../../platform/auth/token-verifier';
import type { GatewayConfig } from '../../platform/config/gateway-config';
import { EServiceIntake } from '../e-service-intake';
import { Open311Answers } from './open311-answers';
import { Open311Requests } from './open311-requests';

/** Open311's answers, for this hub's jurisdiction (OPEN311_JURISDICTION_ID). */
export function open311Providers(config: GatewayConfig): Provider[] {
  return [
    {
      provide: Open311Answers,
      useFactory: (
        dataSource: DataSource,
        intake: EServiceIntake,
        queries: CaseQueries,
        verifier: TokenVerifier,
        clock: HubClock,
        notices: OperatingNotices,
      ) =>
        new Open311Answers(
          new Open311Requests(dataSource, intake, queries, config.env.OPEN311_JURISDICTION_ID, notices),
          verifier,
          clock,
          config.env.NODE_ENV === 'production',
        ),
      inject: [DataSource, EServiceIntake, CaseQueries, TokenVerifier, HubClock, OperatingNotices],
    },
  ];
}
