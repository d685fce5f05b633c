import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';

export type HubEventListener = (payload: unknown) => void;

/**
 * Live notices between the hub and the consoles (a call answered, the contact center's
 * figures changed): published on the gateway where the telephony event arrived, delivered on
 * the gateway the agent's WebSocket is connected to. In process on the embedded default (one
 * gateway); through Redis pub/sub when REDIS_URL is set (several gateways). Notices are not
 * stored: what a console needs again it reads from the database (the contact log).
 */
export interface HubEvents {
  publish(topic: string, payload: unknown): Promise<void>;
  /** Resolves once listening (with Redis: once the server confirmed); gives the way to stop. */
  subscribe(topic: string, listener: HubEventListener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export class MemoryHubEvents implements HubEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(topic: string, payload: unknown): Promise<void> {
    this.emitter.emit(topic, payload);
  }

  async subscribe(topic: string, listener: HubEventListener): Promise<() => Promise<void>> {
    this.emitter.on(topic, listener);
    return async () => void this.emitter.off(topic, listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }

  /** How many listen to a topic (tests wait for a console's subscription to be in place). */
  listeners(topic: string): number {
    return this.emitter.listenerCount(topic);
  }
}

/**
 * Redis pub/sub: one publishing connection (the shared one) and one subscriber connection
 * per gateway, with the channels of this gateway's listeners. JSON on the wire. A publish
 * while Redis is down is lost (logged by the caller): live notices are a convenience over
 * what the database holds, and the console reads the contact log when it reconnects.
 */
export class RedisHubEvents implements HubEvents {
  private readonly listeners = new Map<string, Set<HubEventListener>>();

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly prefix: string,
  ) {
    subscriber.on('message', (channel: string, message: string) => {
      const topic = channel.slice(this.prefix.length);
      const set = this.listeners.get(topic);
      if (!set) return;
      let payload: unknown;
      try {
        payload = JSON.parse(message);
      } catch {
        return;
      }
      for (const listener of set) listener(payload);
    });
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    await this.publisher.publish(this.prefix + topic, JSON.stringify(payload));
  }

  async subscribe(topic: string, listener: HubEventListener): Promise<() => Promise<void>> {
    let set = this.listeners.get(topic);
    if (!set) {
      set = new Set();
      this.listeners.set(topic, set);
      await this.subscriber.subscribe(this.prefix + topic);
    }
    set.add(listener);
    return async () => {
      const current = this.listeners.get(topic);
      if (!current?.delete(listener) || current.size) return;
      this.listeners.delete(topic);
      await this.subscriber.unsubscribe(this.prefix + topic).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }
}

/**
 * A subscription as an async iterator (what a GraphQL subscription resolver returns): notices
 * queue until read; `return()` (the client unsubscribed or went away) stops listening.
 */
export function hubEventIterator<T>(events: HubEvents, topic: string): AsyncIterableIterator<T> {
  const queued: T[] = [];
  const waiting: ((result: IteratorResult<T>) => void)[] = [];
  let done = false;
  const stopping = events.subscribe(topic, (payload) => {
    if (done) return;
    const next = waiting.shift();
    if (next) next({ value: payload as T, done: false });
    else queued.push(payload as T);
  });
  const finish = async (): Promise<IteratorResult<T>> => {
    done = true;
    for (const resolve of waiting.splice(0)) resolve({ value: undefined, done: true });
    await (
      await stopping
    )();
    return { value: undefined, done: true };
  };
  return {
    async next() {
      await stopping;
      if (queued.length) return { value: queued.shift()!, done: false };
      if (done) return { value: undefined, done: true };
      return new Promise((resolve) => waiting.push(resolve));
    },
    return: finish,
    throw: async (error: unknown) => {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
