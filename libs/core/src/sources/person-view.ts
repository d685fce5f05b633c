import { z } from 'zod';
import { StatusState, blankWhereabouts, statusItemInput, type StatusItem } from '@frontdoor/plugin-sdk';
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
    }
  | { ok: false; plugin: LoadedPlugin; failure: SourceFailure };

const statusItemList = z.array(statusItemInput);

/**
 * Maps a department's answer for one reader: the declared whereabouts blanked first when
 * the person is protected and the reader not cleared (so texts derived from them are blank
 * too), then the plugin's statuses, checked against the shared shape. A plugin whose
 * mapping throws is reported like a department fault, never as "no matters".
 */
export function viewOfAnswer(
  runtime: PluginRuntime,
  fetched: FetchedAnswer,
  redactWhereabouts: boolean,
  metrics: HubMetrics,
): PersonSourceOutcome {
  if (!fetched.ok) return fetched;
  const { plugin } = runtime;
  const source = plugin.definition.person;
  try {
    const answer =
      redactWhereabouts && source.whereabouts.length
        ? blankWhereabouts(fetched.answer, source.whereabouts)
        : fetched.answer;
    const items = statusItemList.parse(source.statuses(answer, runtime.todayInSweden()));
    const unknown = items.filter((item) => item.state === StatusState.UNKNOWN).length;
    if (unknown > 0 && !fetched.fromCache) metrics.unknownStatusCodes.inc({ plugin: plugin.id }, unknown);
    return {
      ok: true,
      plugin,
      statuses: items.map((item) => ({ ...item, source: plugin.id })),
      answer,
      asOf: fetched.asOf,
      stale: fetched.stale,
      failure: fetched.failure,
    };
  } catch (error) {
    return { ok: false, plugin, failure: classifySourceError(error, plugin, plugin.settings.timeoutMs) };
  }
}

/** The plugin's typed detail (e.g. `childcareQueue`) from an outcome's answer; a throwing mapping is a failure. */
export function detailOfOutcome(
  runtime: PluginRuntime,
  outcome: PersonSourceOutcome,
): { ok: true; detail: unknown } | { ok: false; failure: SourceFailure } {
  if (!outcome.ok) return outcome;
  const detail = runtime.plugin.definition.person.detail;
  if (!detail) return { ok: true, detail: null };
  try {
    return { ok: true, detail: detail.map(outcome.answer, runtime.todayInSweden()) };
  } catch (error) {
    return {
      ok: false,
      failure: classifySourceError(error, runtime.plugin, runtime.plugin.settings.timeoutMs),
    };
  }
}
