import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A call event as a telephony platform posts it to POST /telephony/events. */
export interface PlatformCallEvent {
  callId: string;
  event: 'OFFERED' | 'ANSWERED' | 'ENDED' | 'ABANDONED' | 'TRANSFERRED';
  at: string;
  queue: string;
  from: string | null;
  to: string;
  agentId?: string;
  ivrPersonalNumber?: string;
}

/** Posts one event with the platform's token; gives the status and the parsed body. */
export async function postCallEvent(
  hubUrl: string,
  token: string | null,
  event: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${hubUrl}/telephony/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(event),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** One GraphQL subscription over graphql-ws, its results queued for the test to take in order. */
export interface SubscriptionHandle<T> {
  /** The next result, or an error after `ms` (a bound, not a timing assertion). */
  next(ms?: number): Promise<T>;
  close(): Promise<void>;
}

export async function subscribe<T>(
  hubUrl: string,
  token: string,
  query: string,
): Promise<SubscriptionHandle<T>> {
  const client: Client = createClient({
    url: hubUrl.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    // A refused connection reaches the subscription's error sink; no console noise besides.
    onNonLazyError: () => undefined,
    lazy: false,
  });
  const queued: T[] = [];
  const waiting: { resolve: (value: T) => void; reject: (error: unknown) => void }[] = [];
  let failure: unknown;
  let started!: () => void;
  const ready = new Promise<void>((resolve) => (started = resolve));
  client.on('connected', () => started());
  const dispose = client.subscribe<T>(
    { query },
    {
      next: (result) => {
        const value = (result.data ?? result) as T;
        const waiter = waiting.shift();
        if (waiter) waiter.resolve(value);
        else queued.push(value);
      },
      error: (error) => {
        failure = error;
        for (const waiter of waiting.splice(0)) waiter.reject(error);
        started();
      },
      complete: () => undefined,
    },
  );
  await ready;
  return {
    next(ms = 5000) {
      if (queued.length) return Promise.resolve(queued.shift()!);
      if (failure) return Promise.reject(failure);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no subscription result within ${ms} ms`)), ms);
        waiting.push({
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
      });
    },
    async close() {
      dispose();
      await client.dispose();
    },
  };
}
