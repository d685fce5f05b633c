import type { Provider } from '@nestjs/common';
import { AccessPolicy } from '../platform/access/access-policy';
import type { GatewayConfig } from '../platform/config/gateway-config';
import { consoleRuntimeConfig } from './console-routes';
import { ConsoleSession } from './console-session';

/** The console's session, naming answer groups as the case setup does. */
export function consoleProviders(config: GatewayConfig): Provider[] {
  const { answerGroups } = consoleRuntimeConfig(config);
  return [
    {
      provide: ConsoleSession,
      useFactory: (policy: AccessPolicy) => new ConsoleSession(policy, answerGroups),
      inject: [AccessPolicy],
    },
  ];
}
