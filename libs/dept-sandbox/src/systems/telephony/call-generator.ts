import { callScenario, type ScenarioEvent } from './call-scenario';

export interface CallGeneratorOptions {
  /** The hub, e.g. http://127.0.0.1:4000. */
  hubUrl: string;
  /** Gets the platform's service-account token (the embedded default: the hub's demo issuer). */
  token: () => Promise<string>;
  agents: string[];
  /** Seconds between calls on average, talk and patience: demo time, so the live view moves. */
  meanArrivalS?: number;
  meanTalkS?: number;
  meanPatienceS?: number;
  log?: (line: string) => void;
}

/**
 * The sandbox playing a telephony platform for `npm start`: a stream of calls (the queue
 * simulation of call-scenario.ts, an hour at a time) posted to the hub in real time with the
 * platform's service-account token, so the console's live view and the agents' screens move.
 * A hub that is not up yet, or a refused event, is logged and the stream goes on.
 */
export function startCallGenerator(options: CallGeneratorOptions): { stop(): void } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let token: string | undefined;
  let batch = 0;
  const log = options.log ?? ((line: string) => console.log(line));

  async function post(event: ScenarioEvent): Promise<void> {
    token ??= await options.token();
    let response = await fetch(`${options.hubUrl}/telephony/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(event),
    });
    if (response.status === 401) {
      token = await options.token();
      response = await fetch(`${options.hubUrl}/telephony/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(event),
      });
    }
    if (response.status !== 200)
      log(`telephony: ${event.event} ${event.callId} refused: ${response.status} ${await response.text()}`);
  }

  function play(events: ScenarioEvent[], index: number): void {
    if (stopped) return;
    if (index >= events.length) return nextBatch();
    const due = Date.parse(events[index].at) - Date.now();
    timer = setTimeout(
      () => {
        void post(events[index])
          .catch((error: Error) => log(`telephony: hub not reachable (${error.message}); going on`))
          .finally(() => play(events, index + 1));
      },
      Math.max(0, due),
    );
    timer.unref?.();
  }

  function nextBatch(): void {
    batch++;
    const events = callScenario({
      seed: Date.now() % 2 ** 31,
      calls: Math.ceil(3600 / (options.meanArrivalS ?? 6)),
      start: new Date().toISOString(),
      meanArrivalS: options.meanArrivalS ?? 6,
      meanTalkS: options.meanTalkS ?? 45,
      meanPatienceS: options.meanPatienceS ?? 40,
      agents: options.agents,
      idPrefix: `live-${Date.now().toString(36)}-${batch}`,
    });
    play(events, 0);
  }

  nextBatch();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
