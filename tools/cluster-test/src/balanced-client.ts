import { sleep } from './frontdoor-process';

export interface GraphqlAnswer {
  status: number;
  body: { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] };
  headers: Headers;
}

/**
 * A failure the load balancer may hide by sending the request to the other gateway: the
 * connection was refused or closed before any answer (a gateway stopping or not yet started).
 * An answer, whatever its status, is never retried: that is what the user would see.
 */
function isConnectionFailure(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'].includes(code) ||
    /other side closed|socket hang up/i.test(cause?.message ?? '')
  );
}

export async function postGraphql(url: string, token: string, query: string): Promise<GraphqlAnswer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  let body: GraphqlAnswer['body'];
  try {
    body = JSON.parse(text) as GraphqlAnswer['body'];
  } catch {
    body = { errors: [{ message: `not JSON (HTTP ${response.status}): ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, body, headers: response.headers };
}

/**
 * The load balancer's side: each request goes to the next gateway in turn; when a gateway
 * refuses the connection or drops it unanswered, the request goes to another one, as a load
 * balancer health-checking `/health/ready` and retrying connect failures would do.
 */
export class BalancedClient {
  private next = 0;
  constructor(private readonly gateways: () => string[]) {}

  async send(token: string, query: string): Promise<GraphqlAnswer> {
    const urls = this.gateways();
    const first = this.next++;
    let lastError: unknown;
    for (let attempt = 0; attempt < urls.length * 3; attempt++) {
      // This request's own turn through the gateways: the next try is always another one.
      const url = urls[(first + attempt) % urls.length];
      try {
        return await postGraphql(url, token, query);
      } catch (error) {
        if (!isConnectionFailure(error)) throw error;
        lastError = error;
        if (attempt >= urls.length - 1) await sleep(50);
      }
    }
    throw lastError;
  }
}

export interface LoadResult {
  sent: number;
  /** No gateway answered, or the answer was not HTTP 200 with data (a failure the user sees). */
  failed: number;
  /** Answered, with a department's part missing or stale (named in the answer, not hidden). */
  degraded: number;
  failures: string[];
}

/** How one answer counts: `good`, `degraded` (a department's part honestly missing) or `failed`. */
export type AnswerVerdict = 'good' | 'degraded' | 'failed';

/**
 * Steady load until stopped: each user sends its next request when the last was answered, at
 * most one per `everyMs` (under the per-user rate limit), to the gateways in turn.
 */
export class SteadyLoad {
  private running = true;
  private readonly loops: Promise<void>[] = [];
  readonly result: LoadResult = { sent: 0, failed: 0, degraded: 0, failures: [] };

  constructor(
    private readonly client: BalancedClient,
    private readonly users: { token: string }[],
    private readonly query: string,
    private readonly verdict: (answer: GraphqlAnswer) => AnswerVerdict,
    private readonly everyMs = 1000,
  ) {}

  start(): this {
    for (const user of this.users) this.loops.push(this.loop(user.token));
    return this;
  }

  private async loop(token: string): Promise<void> {
    while (this.running) {
      const started = Date.now();
      this.result.sent++;
      try {
        const answer = await this.client.send(token, this.query);
        const verdict = this.verdict(answer);
        if (verdict === 'degraded') this.result.degraded++;
        if (verdict === 'failed')
          this.fail(`HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
      } catch (error) {
        this.fail(
          `no gateway answered: ${(error as Error).message} ${String((error as { cause?: unknown }).cause)}`,
        );
      }
      await sleep(Math.max(0, this.everyMs - (Date.now() - started)));
    }
  }

  private fail(reason: string): void {
    this.result.failed++;
    if (this.result.failures.length < 10) this.result.failures.push(reason);
  }

  async stop(): Promise<LoadResult> {
    this.running = false;
    await Promise.all(this.loops);
    return this.result;
  }
}
