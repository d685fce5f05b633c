import { DEMO_PEOPLE } from '../../demo-people';

/** A call event as the sandbox's telephony platform posts it to the hub's POST /telephony/events. */
export interface ScenarioEvent {
  callId: string;
  event: 'OFFERED' | 'ANSWERED' | 'ENDED' | 'ABANDONED';
  at: string;
  queue: string;
  from: string;
  to: string;
  agentId?: string;
  ivrPersonalNumber?: string;
}

export interface ScenarioOptions {
  /** The same seed gives the same calls, to the millisecond (tests, benchmarks). */
  seed: number;
  calls: number;
  /** When the first call may arrive (ISO instant). */
  start: string;
  /** Mean seconds between arrivals. */
  meanArrivalS?: number;
  /** Agents answering, by hub subject. */
  agents?: string[];
  /** Mean talk seconds, and mean patience (how long a caller waits before hanging up). */
  meanTalkS?: number;
  meanPatienceS?: number;
  /** Prefix of call ids, so two runs never collide in one hub. */
  idPrefix?: string;
}

/** A small, seeded generator (LCG): reproducible across Node versions, unlike Math.random. */
function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const QUEUES = [
  { key: 'vaxel', to: '+46920453000', share: 0.4 },
  { key: 'kundtjanst', to: '+46920453100', share: 0.6 },
];

/**
 * A contact center's calls as a queue simulation: callers arrive (exponential gaps), wait in
 * arrival order for the first free agent, hang up when that takes longer than their
 * patience, and talk for an exponential time. About half of customer service's callers key
 * a demo person's personal number in the IVR. Events come out sorted by time.
 */
export function callScenario(options: ScenarioOptions): ScenarioEvent[] {
  const random = seeded(options.seed);
  const exp = (mean: number) => -Math.log(1 - random()) * mean;
  const agents = options.agents?.length ? options.agents : ['agent-sim-1', 'agent-sim-2', 'agent-sim-3'];
  const freeAt = agents.map(() => Date.parse(options.start));
  const meanArrival = (options.meanArrivalS ?? 20) * 1000;
  const meanTalk = (options.meanTalkS ?? 150) * 1000;
  const meanPatience = (options.meanPatienceS ?? 120) * 1000;
  const prefix = options.idPrefix ?? `sim-${options.seed}`;
  const events: ScenarioEvent[] = [];
  let t = Date.parse(options.start);
  for (let i = 0; i < options.calls; i++) {
    t += Math.round(exp(meanArrival));
    const queue = random() < QUEUES[0].share ? QUEUES[0] : QUEUES[1];
    const from = `+4670${String(1_000_000 + Math.floor(random() * 8_999_999)).padStart(7, '0')}`;
    const person =
      queue.key === 'kundtjanst' && random() < 0.5
        ? DEMO_PEOPLE[Math.floor(random() * DEMO_PEOPLE.length)].personalNumber
        : undefined;
    const base = { callId: `${prefix}-${i + 1}`, queue: queue.key, from, to: queue.to };
    events.push({
      ...base,
      event: 'OFFERED',
      at: new Date(t).toISOString(),
      ...(person ? { ivrPersonalNumber: person } : {}),
    });
    const agent = freeAt.indexOf(Math.min(...freeAt));
    const answerAt = Math.max(t, freeAt[agent]);
    const patience = Math.round(exp(meanPatience));
    if (answerAt - t > patience) {
      events.push({ ...base, event: 'ABANDONED', at: new Date(t + patience).toISOString() });
      continue;
    }
    const endAt = answerAt + Math.max(10_000, Math.round(exp(meanTalk)));
    freeAt[agent] = endAt;
    events.push({ ...base, event: 'ANSWERED', at: new Date(answerAt).toISOString(), agentId: agents[agent] });
    events.push({ ...base, event: 'ENDED', at: new Date(endAt).toISOString() });
  }
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
