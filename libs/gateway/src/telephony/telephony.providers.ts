import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CallLog, CallbackQueue } from '@frontdoor/core';
import { HubClock } from '@frontdoor/hub';
import type { GatewayConfig } from '../platform/config/gateway-config';
import { CallNotifier } from './call-notifier';
import { CallReads } from './call-reads';
import { CallbackNotices } from './callback-notices';
import { TELEPHONY_SETTINGS } from '../platform/config/telephony-settings';

/** Calls: the contact log, the callback queue, and the notices an event gives the consoles. */
export function telephonyProviders(config: GatewayConfig): Provider[] {
  return [
    { provide: TELEPHONY_SETTINGS, useValue: config.telephony },
    {
      provide: CallLog,
      useFactory: (ds: DataSource, clock: HubClock) =>
        new CallLog(ds, clock.now, config.retention.contactLogDays),
      inject: [DataSource, HubClock],
    },
    {
      provide: CallbackQueue,
      useFactory: (ds: DataSource, clock: HubClock) => new CallbackQueue(ds, config.telephony, clock.now),
      inject: [DataSource, HubClock],
    },
    CallNotifier,
    CallReads,
    CallbackNotices,
  ];
}
