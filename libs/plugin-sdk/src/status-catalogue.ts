import { StatusState } from './status-state';

export interface CatalogueEntry {
  state: StatusState;
  /** Swedish text an agent reads aloud. */
  label: string;
}

export interface StatusCatalogue<TCode extends string> {
  /** Looks a department code up; an unknown code maps to UNKNOWN with the raw code in its label. */
  lookup(code: string): CatalogueEntry & { known: boolean };
  codes: readonly TCode[];
}

/**
 * A declarative map from a department system's own status codes to the shared
 * StatusState and a Swedish label. Unknown codes never throw: the agent still sees
 * the matter, marked as unknown, and the hub counts it.
 */
export function statusCatalogue<TCode extends string>(
  entries: Record<TCode, CatalogueEntry>,
): StatusCatalogue<TCode> {
  const table = new Map<string, CatalogueEntry>(Object.entries(entries) as [string, CatalogueEntry][]);
  return {
    codes: Object.keys(entries) as TCode[],
    lookup(code: string) {
      const entry = table.get(code);
      if (entry) return { ...entry, known: true };
      return { state: StatusState.UNKNOWN, label: `Okänd status (${code})`, known: false };
    },
  };
}
