import { Inject, Injectable, Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { Redis } from 'ioredis';
import {
  MemoryChangeSignal,
  MemoryHubEvents,
  MemoryPersonAnswerStore,
  RedisChangeSignal,
  RedisHubEvents,
  RedisPersonAnswerStore,
  answerRetention,
  createSharedRedis,
  whenReady,
  type ChangeSignal,
  type HubEvents,
  type PersonAnswerStore,
} from '@frontdoor/core';
import { PluginHost } from '../plugin-runtime/plugin-host';

/** The Redis shared by every gateway (REDIS_URL), or undefined on the embedded default. */
export const SHARED_REDIS = Symbol('SHARED_REDIS');
/** Where departments' answers are kept between requests: memory, or Redis for several gateways. */
export const PERSON_ANSWER_STORE = Symbol('PERSON_ANSWER_STORE');
/** The version of the admins' mandate grants, bumped on change. */
export const MANDATE_CHANGES = Symbol('MANDATE_CHANGES');

/** Live notices to the consoles (a call answered, the contact center changed): in process, or Redis pub/sub. */
export const HUB_EVENTS = Symbol('HUB_EVENTS');

/** Closes the shared Redis connection when the gateway stops (no open handles, no error logs). */
@Injectable()
export class SharedRedisCloser implements OnApplicationShutdown {
  constructor(
    @Inject(SHARED_REDIS) private readonly redis: Redis | undefined,
    @Inject(HUB_EVENTS) private readonly events: HubEvents,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.events.close();
    if (!this.redis) return;
    await this.redis.quit().catch(() => this.redis!.disconnect());
  }
}

/**
 * The one place the choice is made (docs/decisions/0014-shared-state-on-redis.md): with
 * REDIS_URL, state that another gateway must see lives in Redis; without it, in this process.
 */
export function sharedStateProviders(redisUrl: string | undefined, installation: string): Provider[] {
  // One Redis may serve several installations (test and production): every key carries the name.
  const prefix = `fd:${installation}:`;
  return [
    {
      provide: SHARED_REDIS,
      useFactory: async (): Promise<Redis | undefined> => {
        if (!redisUrl) return undefined;
        const redis = await createSharedRedis(redisUrl);
        // A down Redis is logged, not thrown: the hub runs without shared state until it is back.
        redis.on('error', (error: Error) =>
          new Logger('SharedRedis').warn({ reason: error.message }, 'Redis unavailable'),
        );
        await whenReady(redis);
        return redis;
      },
    },
    {
      provide: PERSON_ANSWER_STORE,
      useFactory: (redis: Redis | undefined, host: PluginHost): PersonAnswerStore => {
        const retention = answerRetention(host.runtimes);
        return redis
          ? new RedisPersonAnswerStore(redis, retention, new Logger('SharedAnswers'), `${prefix}answer:`)
          : new MemoryPersonAnswerStore(retention);
      },
      inject: [SHARED_REDIS, PluginHost],
    },
    {
      provide: MANDATE_CHANGES,
      useFactory: (redis: Redis | undefined): ChangeSignal =>
        redis ? new RedisChangeSignal(redis, `${prefix}mandates:version`) : new MemoryChangeSignal(),
      inject: [SHARED_REDIS],
    },
    {
      provide: HUB_EVENTS,
      useFactory: async (redis: Redis | undefined): Promise<HubEvents> => {
        if (!redis) return new MemoryHubEvents();
        // Pub/sub needs a connection of its own: a subscribing connection can do nothing else.
        const subscriber = redis.duplicate();
        subscriber.on('error', (error: Error) =>
          new Logger('HubEvents').warn({ reason: error.message }, 'Redis unavailable for live notices'),
        );
        await whenReady(subscriber);
        return new RedisHubEvents(redis, subscriber, `${prefix}events:`);
      },
      inject: [SHARED_REDIS],
    },
    SharedRedisCloser,
  ];
}
