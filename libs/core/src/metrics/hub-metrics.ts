import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The hub's Prometheus metrics, on one registry per hub instance (tests boot several
 * hubs in one process; a global registry would mix their numbers).
 */
/** Distinct operation names a gateway labels its latency by; later ones are counted as `other`. */
export const MAX_OPERATION_LABELS = 200;
/**
 * The longest operation name kept as a label; longer ones are `other`. A GraphQL name is one
 * token of any length: one request named with 200 kB had added 2.8 MB to every scrape.
 */
export const MAX_OPERATION_LABEL_LENGTH = 100;

export class HubMetrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();

  readonly graphqlDuration = new Histogram({
    name: 'frontdoor_graphql_request_duration_seconds',
    help: 'GraphQL request latency by operation and outcome.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2.5, 5],
    registers: [this.registry],
  });

  readonly pluginCallDuration = new Histogram({
    name: 'frontdoor_plugin_call_duration_seconds',
    help: 'Latency of calls to department systems by plugin, operation and outcome.',
    labelNames: ['plugin', 'operation', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2.5, 5],
    registers: [this.registry],
  });

  readonly pluginErrors = new Counter({
    name: 'frontdoor_plugin_errors_total',
    help: 'Failed calls to department systems by plugin and error code.',
    labelNames: ['plugin', 'code'] as const,
    registers: [this.registry],
  });

  readonly unknownStatusCodes = new Counter({
    name: 'frontdoor_plugin_unknown_status_total',
    help: 'Status items a plugin mapped to UNKNOWN because its catalogue lacks the department’s code.',
    labelNames: ['plugin'] as const,
    registers: [this.registry],
  });

  readonly pluginCacheHits = new Counter({
    name: 'frontdoor_plugin_cache_hits_total',
    help: 'Person answers served from the hub’s cache, fresh or stale (the department had failed).',
    labelNames: ['plugin', 'kind'] as const,
    registers: [this.registry],
  });

  readonly pluginJobRuns = new Counter({
    name: 'frontdoor_plugin_job_runs_total',
    help: 'Plugin job runs by plugin, job and outcome.',
    labelNames: ['plugin', 'job', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  /**
   * The `operation` label for a request. Clients name their operations, so the names are
   * theirs: each new one would be a new series in every scrape, and a client inventing names
   * could grow the gateway's memory without bound. The first MAX_OPERATION_LABELS are kept,
   * each at most MAX_OPERATION_LABEL_LENGTH long.
   */
  operationLabel(operationName: string | null | undefined): string {
    const name = operationName ?? 'anonymous';
    if (this.operationNames.has(name)) return name;
    if (name.length > MAX_OPERATION_LABEL_LENGTH) return 'other';
    if (this.operationNames.size >= MAX_OPERATION_LABELS) return 'other';
    this.operationNames.add(name);
    return name;
  }
}
