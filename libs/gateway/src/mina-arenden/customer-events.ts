import { createHash } from 'node:crypto';
import {
  CaseEventType,
  CaseStatus,
  type CaseDirectory,
  type CaseEvent,
  type ServiceCase,
} from '@frontdoor/core';
import type { StatusItem } from '@frontdoor/plugin-sdk';

/**
 * A customer event (kundhändelse) as the national Mina ärenden (DIGG's building block, led by
 * Skatteverket) pulls it from a producer: one thing that happened in one of the person's
 * matters (producentärenden), in plain Swedish, never with the matter's own free text.
 */
export interface Kundhandelse {
  kundhandelseId: string;
  rubrik: string;
  beskrivning: string;
  sprak: 'sv';
  producent: string;
  /** RFC 3339, UTC. */
  tidpunkt: string;
  /** `<PRODUCENT>.<FÖRVALTNING>.<HÄNDELSE>`, e.g. EXEMPELSTAD.FORSKOLA.VANTAR_PA_DIG. */
  kundhandelseTyp: string;
  producentarendetKraverKundatgard: boolean;
  producentarendetKlart: boolean;
  referenser: { typ: 'PRODUCENTARENDE' | 'WEBBPLATS'; varde: string }[];
}

/** The department's word, upper case without diacritics: "Förskola" → FORSKOLA, "Avfall och återvinning" → AVFALL_OCH_ATERVINNING. */
export function namespaceOf(department: string): string {
  return department
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

const STATUS_EVENT: Record<string, string> = {
  RECEIVED: 'INKOMMEN',
  IN_PROGRESS: 'UNDER_HANDLAGGNING',
  WAITING_FOR_CUSTOMER: 'VANTAR_PA_DIG',
  DECIDED: 'BESLUT',
  COMPLETED: 'AVSLUTAT',
  CANCELLED: 'ATERKALLAT',
  UNKNOWN: 'OKAND',
};

/** A case event as the citizen is told of it: a short text per kind, never the case's own text (it may hold anything). */
const CASE_EVENT: Partial<Record<CaseEventType, { typ: string; text: (group: string | null) => string }>> = {
  [CaseEventType.REGISTERED]: { typ: 'MOTTAGET', text: () => 'Vi har tagit emot din fråga.' },
  [CaseEventType.RESOLVED_AT_FIRST_LINE]: {
    typ: 'BESVARAT',
    text: () => 'Du fick svar direkt när du kontaktade oss.',
  },
  [CaseEventType.FORWARDED]: {
    typ: 'SKICKAT_VIDARE',
    text: (group) => `Din fråga har skickats till ${group ?? 'rätt handläggare'}.`,
  },
  [CaseEventType.REPLIED]: {
    typ: 'BESVARAT',
    text: () => 'Du har fått svar. Logga in på Mina ärenden hos kommunen för att läsa det.',
  },
  [CaseEventType.PARKED]: {
    typ: 'VANTAR_PA_DIG',
    text: () => 'Vi behöver mer från dig. Logga in på Mina ärenden hos kommunen för att se vad.',
  },
  [CaseEventType.RESUMED]: { typ: 'ATERUPPTAGET', text: () => 'Vi arbetar med ditt ärende igen.' },
  [CaseEventType.CLOSED]: { typ: 'AVSLUTAT', text: () => 'Ärendet är avslutat.' },
  [CaseEventType.REOPENED]: { typ: 'ATEROPPNAT', text: () => 'Ärendet har öppnats igen.' },
};

/** One event per matter from a department: its current status (the department keeps no history for us). */
export function statusEvents(
  items: (StatusItem & { asOf: Date })[],
  departmentOf: (pluginId: string) => string,
  producer: string,
  pageUrl: string,
): Kundhandelse[] {
  return items.map((item) => {
    const at = item.updatedAt ?? item.asOf;
    return {
      kundhandelseId: `status-${stableId(item.source, item.reference, item.state, item.label, at.toISOString())}`,
      rubrik: item.title,
      beskrivning: item.nextStep ? `${item.label}. ${item.nextStep}` : item.label,
      sprak: 'sv',
      producent: producer,
      tidpunkt: at.toISOString(),
      kundhandelseTyp: `${producer}.${namespaceOf(departmentOf(item.source))}.${STATUS_EVENT[item.state] ?? 'OKAND'}`,
      producentarendetKraverKundatgard: item.state === 'WAITING_FOR_CUSTOMER',
      producentarendetKlart: item.state === 'COMPLETED' || item.state === 'CANCELLED',
      referenser: [
        { typ: 'PRODUCENTARENDE', varde: item.reference },
        { typ: 'WEBBPLATS', varde: pageUrl },
      ],
    };
  });
}

/** Every citizen-visible event of the person's cases (no internal notes, no alarms, no free text). */
export function caseEvents(
  cases: ServiceCase[],
  events: CaseEvent[],
  directory: CaseDirectory,
  producer: string,
  pageUrl: string,
): Kundhandelse[] {
  const out: Kundhandelse[] = [];
  for (const serviceCase of cases) {
    const group = serviceCase.answerGroupId ? directory.groups.get(serviceCase.answerGroupId) : undefined;
    const category = directory.categories.get(serviceCase.categoryId);
    const namespace = namespaceOf(group?.department ?? 'Kontaktcenter');
    for (const event of events) {
      if (event.caseId !== serviceCase.id || event.internal) continue;
      const kind = CASE_EVENT[event.type as CaseEventType];
      if (!kind) continue;
      out.push({
        kundhandelseId: `arende-${event.id}`,
        rubrik: `${category?.name ?? 'Ärende'}: ärende ${serviceCase.reference}`,
        beskrivning: kind.text(group?.name ?? null),
        sprak: 'sv',
        producent: producer,
        tidpunkt: event.at.toISOString(),
        kundhandelseTyp: `${producer}.${namespace}.${kind.typ}`,
        producentarendetKraverKundatgard: serviceCase.status === CaseStatus.WAITING_FOR_CUSTOMER,
        producentarendetKlart: serviceCase.status === CaseStatus.CLOSED,
        referenser: [
          { typ: 'PRODUCENTARENDE', varde: serviceCase.reference },
          { typ: 'WEBBPLATS', varde: pageUrl },
        ],
      });
    }
  }
  return out;
}

/** Newest first, then by id, so pages are stable between pulls. */
export function byNewest(a: Kundhandelse, b: Kundhandelse): number {
  return b.tidpunkt.localeCompare(a.tidpunkt) || a.kundhandelseId.localeCompare(b.kundhandelseId);
}

function stableId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22);
}
