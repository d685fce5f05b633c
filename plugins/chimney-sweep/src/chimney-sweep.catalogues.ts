import { StatusState, statusCatalogue, type StatusReader } from '@frontdoor/plugin-sdk';

/** Every protocol result the sweep register sends, as staff read it (the catalogue's label). */
export const protocolResultCatalogue = statusCatalogue({
  NO_REMARKS: { state: StatusState.COMPLETED, label: 'Utan anmärkning' },
  REMARKS: { state: StatusState.WAITING_FOR_CUSTOMER, label: 'Anmärkning, åtgärd krävs' },
  USAGE_BAN: { state: StatusState.WAITING_FOR_CUSTOMER, label: 'Eldningsförbud' },
});
export type ResultCode = (typeof protocolResultCatalogue.codes)[number];

/** The same results worded for the owner themselves and for someone acting for them. */
const WORDING: Record<ResultCode, Record<Exclude<StatusReader['kind'], 'staff'>, string>> = {
  NO_REMARKS: { citizen: 'Senaste besöket gav inga anmärkningar', representative: 'Inga anmärkningar' },
  REMARKS: {
    citizen: 'Du behöver åtgärda en anmärkning',
    representative: 'Anmärkning som ägaren behöver åtgärda',
  },
  USAGE_BAN: {
    citizen: 'Du får inte elda förrän bristen är åtgärdad',
    representative: 'Eldningsförbud tills bristen är åtgärdad',
  },
};

/** The label for a protocol result and reader; an unknown code reads the same to everyone. */
export function resultLabel(code: string, reader: StatusReader): string {
  const entry = protocolResultCatalogue.lookup(code);
  if (!entry.known || reader.kind === 'staff') return entry.label;
  return WORDING[code as ResultCode][reader.kind];
}

/** An installation not yet visited: no protocol, nothing decided. */
export const NOT_YET_VISITED = {
  staff: 'Inget protokoll ännu',
  citizen: 'Inget besök gjort ännu',
  representative: 'Inget besök gjort ännu',
} as const;

const INSTALLATIONS: Record<string, string> = {
  WOOD_STOVE: 'Vedspis',
  TILED_STOVE: 'Kakelugn',
  FIREPLACE: 'Öppen spis',
  INSERT: 'Braskamin',
  WOOD_BOILER: 'Vedpanna',
  PELLET_BOILER: 'Pelletspanna',
  OIL_BOILER: 'Oljepanna',
};
export function installationLabel(code: string): string {
  return INSTALLATIONS[code] ?? `Annan eldstad (${code})`;
}

const VISITS: Record<string, string> = { SWEEP: 'Sotning', INSPECTION: 'Brandskyddskontroll' };
export function visitLabel(code: string): string {
  return VISITS[code] ?? `Besök (${code})`;
}
