import { StatusState } from '@frontdoor/plugin-sdk';
import { HubMetrics } from '../metrics/hub-metrics';
import type { FetchedAnswer } from './person-answers';
import { ViewMemo, detailOfOutcome, viewOfAnswer } from './person-view';
import type { PluginRuntime } from './plugin-runtime';

interface Answer {
  address: string;
  matters: string[];
}

/** A plugin whose mappings count their calls and show what they were given (address, today). */
function countingRuntime() {
  const calls = { statuses: 0, detail: 0 };
  let today = '2026-12-01';
  let failing = false;
  const plugin = {
    id: 'counting',
    department: 'Test',
    settings: { timeoutMs: 1000 },
    definition: {
      person: {
        whereabouts: ['address'],
        placeIds: [],
        statuses: (answer: Answer, day: string) => {
          calls.statuses += 1;
          if (failing) throw new Error('mapping broke');
          return answer.matters.map((reference) => ({
            // SDK 4.2: a matter whose reference starts with S is of a kind that needs level 3.
            kind: reference.startsWith('S') ? 'secret-test' : 'test',
            reference,
            title: `Ärende vid ${answer.address}`,
            state: StatusState.IN_PROGRESS,
            label: `Per ${day}`,
          }));
        },
        detail: {
          field: 'counting',
          map: (answer: Answer, day: string) => {
            calls.detail += 1;
            return { address: answer.address, day };
          },
        },
        statusLevels: { 'secret-test': 3 },
        details: [
          { field: 'countingMatters', map: (answer: Answer) => ({ matters: answer.matters.length }) },
        ],
      },
    },
  };
  const runtime = { id: plugin.id, plugin, todayInSweden: () => today } as unknown as PluginRuntime;
  return {
    runtime,
    calls,
    setToday: (day: string) => (today = day),
    setFailing: (on: boolean) => (failing = on),
  };
}

const fetched = (answer: Answer, runtime: PluginRuntime): FetchedAnswer => ({
  ok: true,
  plugin: runtime.plugin,
  answer,
  asOf: new Date('2026-12-01T08:00:00Z'),
  stale: false,
  fromCache: true,
});

describe('mapped views of cached answers (ViewMemo)', () => {
  const metrics = new HubMetrics();
  const answer: Answer = { address: 'Storgatan 1', matters: ['A-1', 'A-2'] };

  it('maps a cached answer once per reader kind and day, statuses and detail alike', () => {
    const { runtime, calls } = countingRuntime();
    const memo = new ViewMemo();
    const views = [1, 2, 3].map(() => viewOfAnswer(runtime, fetched(answer, runtime), false, metrics, memo));
    const details = views.map((view) => detailOfOutcome(runtime, view));

    expect(calls).toEqual({ statuses: 1, detail: 1 });
    for (const view of views)
      expect(view).toMatchObject({ ok: true, statuses: [{ reference: 'A-1' }, { reference: 'A-2' }] });
    for (const detail of details)
      expect(detail).toEqual({ ok: true, detail: { address: 'Storgatan 1', day: '2026-12-01' } });
  });

  it('keeps a reader who may not see whereabouts apart from one who may, in either order', () => {
    const { runtime } = countingRuntime();
    const memo = new ViewMemo();
    const open = viewOfAnswer(runtime, fetched(answer, runtime), false, metrics, memo);
    const blanked = viewOfAnswer(runtime, fetched(answer, runtime), true, metrics, memo);
    const openAgain = viewOfAnswer(runtime, fetched(answer, runtime), false, metrics, memo);

    expect(JSON.stringify(blanked)).not.toContain('Storgatan');
    expect(JSON.stringify(detailOfOutcome(runtime, blanked))).not.toContain('Storgatan');
    expect(JSON.stringify(openAgain)).toContain('Storgatan');
    expect(detailOfOutcome(runtime, open)).toEqual(detailOfOutcome(runtime, openAgain));
  });

  it('maps anew on a new Swedish day and for a new answer from the department', () => {
    const { runtime, calls, setToday } = countingRuntime();
    const memo = new ViewMemo();
    viewOfAnswer(runtime, fetched(answer, runtime), false, metrics, memo);
    setToday('2026-12-02');
    const nextDay = viewOfAnswer(runtime, fetched(answer, runtime), false, metrics, memo);
    expect(nextDay).toMatchObject({ ok: true, statuses: [{ label: 'Per 2026-12-02' }, {}] });
    expect(detailOfOutcome(runtime, nextDay)).toEqual({
      ok: true,
      detail: { address: 'Storgatan 1', day: '2026-12-02' },
    });

    const fresh = viewOfAnswer(
      runtime,
      fetched({ address: 'Nygatan 2', matters: ['B-1'] }, runtime),
      false,
      metrics,
      memo,
    );
    expect(fresh).toMatchObject({
      ok: true,
      statuses: [{ reference: 'B-1', title: 'Ärende vid Nygatan 2' }],
    });
    expect(calls.statuses).toBe(3);
  });

  it('keeps no failed mapping: it is reported as a failure every time, never as no matters', () => {
    const { runtime, calls, setFailing } = countingRuntime();
    const memo = new ViewMemo();
    setFailing(true);
    const first = viewOfAnswer(runtime, fetched(answer, runtime), false, metrics, memo);
    const second = viewOfAnswer(runtime, fetched(answer, runtime), false, metrics, memo);
    expect(first.ok).toBe(false);
    expect(second.ok).toBe(false);
    setFailing(false);
    expect(viewOfAnswer(runtime, fetched(answer, runtime), false, metrics, memo).ok).toBe(true);
    expect(calls.statuses).toBe(3);
  });
});

describe('status kinds at their level (SDK 4.2)', () => {
  const metrics = new HubMetrics();
  const answer: Answer = { address: 'Storgatan 1', matters: ['A-1', 'S-1'] };
  const references = (view: ReturnType<typeof viewOfAnswer>) =>
    view.ok ? view.statuses.map((s) => s.reference) : view.failure;

  it('leaves out a kind above the reader’s level, and a memoised view never crosses levels, in either order', () => {
    const { runtime, calls } = countingRuntime();
    const memo = new ViewMemo();
    const view = (level: number) =>
      references(viewOfAnswer(runtime, fetched(answer, runtime), false, metrics, memo, 'staff', level));
    expect(view(3)).toEqual(['A-1', 'S-1']);
    expect(view(1)).toEqual(['A-1']);
    expect(view(3)).toEqual(['A-1', 'S-1']);
    expect(view(2)).toEqual(['A-1']);
    expect(view(1)).toEqual(['A-1']);
    // One mapping per level, kept for the next reader at that level.
    expect(calls.statuses).toBe(3);
  });

  it('is level 1 when the hub gives none: a kind that needs more stays out', () => {
    const { runtime } = countingRuntime();
    expect(references(viewOfAnswer(runtime, fetched(answer, runtime), false, metrics))).toEqual(['A-1']);
  });

  it('maps each detail field by its name, the single `detail` when none is named', () => {
    const { runtime } = countingRuntime();
    const view = viewOfAnswer(runtime, fetched(answer, runtime), false, metrics, new ViewMemo());
    expect(detailOfOutcome(runtime, view, 'countingMatters')).toEqual({ ok: true, detail: { matters: 2 } });
    expect(detailOfOutcome(runtime, view, 'counting')).toEqual({
      ok: true,
      detail: { address: 'Storgatan 1', day: '2026-12-01' },
    });
    expect(detailOfOutcome(runtime, view)).toEqual(detailOfOutcome(runtime, view, 'counting'));
  });
});
