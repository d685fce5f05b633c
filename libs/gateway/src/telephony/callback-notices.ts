import { Inject, Injectable, Logger } from '@nestjs/common';
import type { HubEvents } from '@frontdoor/core';
import { HUB_EVENTS } from '../platform/shared-state/shared-state.providers';
import { CONTACT_CENTER_TOPIC } from './call-notifier';

/**
 * Tells the wall screens (contactCenterChanged) on every gateway that the callback queue
 * changed. A notice that cannot be delivered fails nothing: the callback is stored, and the
 * screen shows it on its next picture.
 */
@Injectable()
export class CallbackNotices {
  private readonly logger = new Logger('Callbacks');

  constructor(@Inject(HUB_EVENTS) private readonly events: HubEvents) {}

  async changed(): Promise<void> {
    try {
      await this.events.publish(CONTACT_CENTER_TOPIC, { callbacks: true });
    } catch (error) {
      this.logger.warn({ reason: (error as Error)?.message }, 'live notice of a callback not delivered');
    }
  }
}
