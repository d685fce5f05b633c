import { HubMetrics, MAX_OPERATION_LABEL_LENGTH, MAX_OPERATION_LABELS } from './hub-metrics';

describe('HubMetrics', () => {
  it('labels latency by the first operation names it sees, and the rest as other, so clients cannot grow the series', async () => {
    const metrics = new HubMetrics({ defaultMetrics: false });
    expect(metrics.operationLabel(undefined)).toBe('anonymous');
    for (let i = 0; i < MAX_OPERATION_LABELS + 50; i++) {
      const stop = metrics.graphqlDuration.startTimer();
      stop({ operation: metrics.operationLabel(`Invented${i}`), outcome: 'ok' });
    }
    // 'anonymous' took one of the places.
    expect(metrics.operationLabel(`Invented${MAX_OPERATION_LABELS - 2}`)).toBe(
      `Invented${MAX_OPERATION_LABELS - 2}`,
    );
    expect(metrics.operationLabel(`Invented${MAX_OPERATION_LABELS - 1}`)).toBe('other');
    expect(metrics.operationLabel('anonymous')).toBe('anonymous');
    const text = await metrics.registry.metrics();
    const series = text.match(/^frontdoor_graphql_request_duration_seconds_count\{[^}]*\}/gm) ?? [];
    expect(series).toHaveLength(MAX_OPERATION_LABELS); // 199 names and `other`
    expect(text).toMatch(
      /frontdoor_graphql_request_duration_seconds_count\{operation="other",outcome="ok"\} 51/,
    );
  });

  it('labels an over-long operation name as other, so one request cannot swell every scrape', async () => {
    const metrics = new HubMetrics({ defaultMetrics: false });
    const long = 'N'.repeat(200_000);
    expect(metrics.operationLabel('N'.repeat(MAX_OPERATION_LABEL_LENGTH))).toBe(
      'N'.repeat(MAX_OPERATION_LABEL_LENGTH),
    );
    expect(metrics.operationLabel(long)).toBe('other');
    metrics.graphqlDuration.startTimer()({ operation: metrics.operationLabel(long), outcome: 'ok' });
    expect((await metrics.registry.metrics()).length).toBeLessThan(10_000);
  });
});
