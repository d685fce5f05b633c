import { z } from 'zod';
import {
  StatusState,
  blankWhereabouts,
  detailFieldsOf,
  protectedPaths,
  statusesVisibleAt,
  statusItemInput,
  type StatusItem,
  type StatusReader,
} from '@frontdoor/plugin-sdk';
import type { SourceFailure } from '../errors';
import type { HubMetrics } from '../metrics/hub-metrics';
import type { FetchedAnswer } from './person-answers';
import type { LoadedPlugin } from './plugin-loader';
import type { PluginRuntime } from './plugin-runtime';
import { classifySourceError } from './source-failure';

/** What one department said about one person, as one reader may see it, or why not. */
export type PersonSourceOutcome =
  | {
      ok: true;
      plugin: LoadedPlugin;
      statuses: StatusItem[];
      /** The validated answer, whereabouts blanked for this reader; detail is mapped from it only when asked for. */
      answer: unknown;
      asOf: Date;
      stale: boolean;
      failure?: SourceFailure;
      /** The memo entry this view came from, where its detail is kept once mapped. */
      mapped?: MappedView;
    }
  | { ok: false; plugin: LoadedPlugin; failure: SourceFailure };

/** One answer mapped for one kind of reader at one mandate level on one Swedish date. */
interface MappedView {
  statuses: StatusItem[];
  answer: unknown;
  today: string;
  /** Each detail field once mapped, by its field name. */
  details: Map<string, unknown>;
}

/**
 * Mapped views of the answers the hub's memory cache holds, by the answer object itself: a
 * cached answer is immutable (validated once when the department gave it), so its statuses and
 * detail are the same for every reader of the same kind and level (whereabouts blanked or not)
 * on the same date, and mapping and validating them again on every read was most of a cache-warm
 * overview's own work (docs/performance.md). Entries go with the answer when the cache drops
 * it (WeakMap). Answers read back from Redis are new objects on every read and so are mapped
 * anew, as before.
 */
export class ViewMemo {
  private readonly views = new WeakMap<object, Map<string, MappedView>>();

  get(answer: unknown, key: string): MappedView | undefined {
    return typeof answer === 'object' && answer !== null ? this.views.get(answer)?.get(key) : undefined;
  }

  set(answer: unknown, key: string, view: MappedView): void {
    if (typeof answer !== 'object' || answer === null) return;
    let byKey = this.views.get(answer);
    if (!byKey) this.views.set(answer, (byKey = new Map()));
    // A date or two per answer at most; an old date's entry is dropped when a new one comes.
    for (const old of byKey.keys()) if (!old.endsWith(view.today)) byKey.delete(old);
    byKey.set(key, view);
  }
}

const statusItemList = z.array(statusItemInput);

/**
 * Maps a department's answer for one reader: the declared whereabouts and identifiers of a
 * place blanked first when the person is protected and the reader not cleared (so texts and
 * status references derived from them are blank too), then the plugin's statuses, checked against the shared shape. A plugin whose
 * mapping throws is reported like a department fault, never as "no matters".
 */
export function viewOfAnswer(
  runtime: PluginRuntime,
  fetched: FetchedAnswer,
  redactWhereabouts: boolean,
  metrics: HubMetrics,
  memo?: ViewMemo,
  readerKind: StatusReader['kind'] = 'staff',
  /** The reader's mandate level in the plugin's department: status kinds above it are left out (SDK 4.2). */
  level = 1,
): PersonSourceOutcome {
  if (!fetched.ok) return fetched;
  const { plugin } = runtime;
  const source = plugin.definition.person;
  const today = runtime.todayInSweden();
  // A view per reader kind (a plugin may word a status for the citizen otherwise than for staff)
  // and per level: a view with a level-2 status must never be handed to a level-1 reader.
  const key = `${redactWhereabouts ? 'r' : '-'}|${readerKind}|L${level}|${today}`;
  const outcome = (mapped: MappedView): PersonSourceOutcome => ({
    ok: true,
    plugin,
    statuses: mapped.statuses,
    answer: mapped.answer,
    asOf: fetched.asOf,
    stale: fetched.stale,
    failure: fetched.failure,
    mapped,
  });
  const known = memo?.get(fetched.answer, key);
  if (known) return outcome(known);
  try {
    const hidden = redactWhereabouts ? protectedPaths(source) : [];
    const answer = hidden.length ? blankWhereabouts(fetched.answer, hidden) : fetched.answer;
    const worded = statusItemList.parse(source.statuses(answer, today, { kind: readerKind }));
    // Left out, not blanked: below the kind's level the reader does not learn the matter exists.
    const items = statusesVisibleAt(source, worded, level);
    const unknown = items.filter((item) => item.state === StatusState.UNKNOWN).length;
    if (unknown > 0 && !fetched.fromCache) metrics.unknownStatusCodes.inc({ plugin: plugin.id }, unknown);
    const mapped: MappedView = {
      statuses: items.map((item) => ({ ...item, source: plugin.id })),
      answer,
      today,
      details: new Map(),
    };
    memo?.set(fetched.answer, key, mapped);
    return outcome(mapped);
  } catch (error) {
    return { ok: false, plugin, failure: classifySourceError(error, plugin, plugin.settings.timeoutMs) };
  }
}

/**
 * One of the plugin's typed detail fields (e.g. `childcareQueue`; `field` names one of
 * `details`, else the single `detail`) from an outcome's answer; a throwing mapping is a failure.
 */
export function detailOfOutcome(
  runtime: PluginRuntime,
  outcome: PersonSourceOutcome,
  field?: string,
): { ok: true; detail: unknown } | { ok: false; failure: SourceFailure } {
  if (!outcome.ok) return outcome;
  const fields = detailFieldsOf(runtime.plugin.definition.person);
  const detail =
    field === undefined ? runtime.plugin.definition.person.detail : fields.find((f) => f.field === field);
  if (!detail) return { ok: true, detail: null };
  if (outcome.mapped?.details.has(detail.field))
    return { ok: true, detail: outcome.mapped.details.get(detail.field) };
  try {
    const value = detail.map(outcome.answer, outcome.mapped?.today ?? runtime.todayInSweden());
    if (outcome.mapped) outcome.mapped.details.set(detail.field, value);
    return { ok: true, detail: value };
  } catch (error) {
    return {
      ok: false,
      failure: classifySourceError(error, runtime.plugin, runtime.plugin.settings.timeoutMs),
    };
  }
}
