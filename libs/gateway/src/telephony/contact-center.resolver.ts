import { Inject } from '@nestjs/common';
import { Query, Resolver, Subscription } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import {
  contactCenterNow,
  type ContactCenterNow,
  type HubEvents,
  type TelephonySettings,
} from '@frontdoor/core';
import { HubClock } from '@frontdoor/hub';
import { Allow } from '../platform/guard/allow.decorator';
import { HUB_EVENTS } from '../platform/shared-state/shared-state.providers';
import { CONTACT_CENTER_TOPIC } from './call-notifier';
import { ContactCenterNowInfo } from './contact-center.types';
import { coalescedSnapshots } from './live-snapshots';
import { TELEPHONY_SETTINGS } from '../platform/config/telephony-settings';
import { MANAGERS } from '../platform/auth/role-groups';

/** How often at most a wall screen is sent a new picture while calls keep coming. */
const LIVE_EVERY_MS = 1000;

/** The managers' live view: the figures now, and the same pushed after every change. */
@Resolver(() => ContactCenterNowInfo)
export class ContactCenterResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: HubClock,
    @Inject(HUB_EVENTS) private readonly events: HubEvents,
    @Inject(TELEPHONY_SETTINGS) private readonly settings: TelephonySettings,
  ) {}

  private now(): Promise<ContactCenterNow> {
    return contactCenterNow(this.dataSource, this.settings, this.clock.now());
  }

  @Query(() => ContactCenterNowInfo, {
    description:
      'Calls waiting, the longest wait, agents on a call, today’s answered and abandoned against the goals, overdue cases per answer group.',
  })
  @Allow(...MANAGERS)
  contactCenterNow(): Promise<ContactCenterNow> {
    return this.now();
  }

  @Subscription(() => ContactCenterNowInfo, {
    description: 'contactCenterNow, sent at once and again after calls change it (at most once a second).',
    resolve: (payload: ContactCenterNow) => payload,
  })
  @Allow(...MANAGERS)
  contactCenterChanged(): AsyncIterableIterator<ContactCenterNow> {
    return coalescedSnapshots(this.events, CONTACT_CENTER_TOPIC, () => this.now(), LIVE_EVERY_MS);
  }
}
