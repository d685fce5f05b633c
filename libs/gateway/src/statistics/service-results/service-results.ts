import type {
  QueueCallbackFigures,
  QueueCallFigures,
  SatisfactionIndex,
  ServiceStatistics,
} from '@frontdoor/core';

/** The published results of one period: aggregates only, nothing about any person. */
export interface PeriodResults {
  label: string;
  from: string;
  to: string;
  cases: {
    contacts: number;
    resolvedAtFirstLine: Goal;
    /** `pending`: forwarded cases not decided yet (open within the goal's days, or waiting for the citizen). */
    answeredInTime: Goal & { pending: number };
    /** Servicemål 4 per written channel: within the goal's days, and KKiK's within one. */
    written: {
      channel: string;
      withinWorkingDays: number;
      answeredInTime: Goal & { pending: number };
      answeredWithinOneDay: { share: number; basis: number; pending: number };
    }[];
  };
  calls: {
    queueKey: string;
    name: string;
    offered: number;
    answered: number;
    answeredWithin: Goal & { seconds: number };
    abandoned: Goal;
    averageTalkSeconds: number | null;
    talkTimeTargetSeconds: number;
    talkTimeMeetsTarget: boolean | null;
  }[];
  /**
   * Callbacks per queue and the goal "called back in time" (the same figure as
   * `serviceStatistics { callbacks }`): of decided callbacks only; `pending` are open ones
   * still inside the goal's minutes, neither in time nor late.
   */
  callbacks: {
    queueKey: string;
    name: string;
    requested: number;
    callBackWithinMinutes: number;
    calledBackWithin: Goal & { pending: number };
  }[];
  /** The citizens' verdict (SKR's 0-100 index), in total and per channel; null index under the publishing floor. */
  satisfaction: {
    answers: number;
    index: number | null;
    byChannel: { channel: string; answers: number; index: number | null }[];
  };
}

/**
 * Fewer answers than this and the index is not published (for the period, or a channel): a
 * figure of one or two verdicts says more about those citizens than about the service.
 */
export const SATISFACTION_PUBLISHING_FLOOR = 5;

interface Goal {
  share: number;
  target: number;
  meetsTarget: boolean;
  basis: number;
}

/** What /service-results(.json) publishes: last month and this year so far. */
export interface ServiceResults {
  published: string;
  periods: PeriodResults[];
}

/**
 * Only the figures: counts and shares per goal. Category names, answer groups' loads and
 * anything per case or call stay in the staff's statistics; a share of a handful of calls
 * tells nobody about anyone, and no row here is finer than a queue and a month.
 */
export function periodResults(
  label: string,
  cases: ServiceStatistics,
  calls: QueueCallFigures[],
  satisfaction: Pick<SatisfactionIndex, 'total' | 'byChannel'>,
  callbacks: QueueCallbackFigures[] = [],
): PeriodResults {
  const published = (f: { answers: number; index: number | null }) =>
    f.answers >= SATISFACTION_PUBLISHING_FLOOR ? f.index : null;
  const goal = (g: Goal): Goal => ({
    share: g.share,
    target: g.target,
    meetsTarget: g.meetsTarget,
    basis: g.basis,
  });
  return {
    label,
    from: cases.from,
    to: cases.to,
    cases: {
      contacts: cases.contacts,
      resolvedAtFirstLine: goal(cases.resolvedAtFirstLine),
      answeredInTime: { ...goal(cases.answeredInTime), pending: cases.answeredInTime.pending },
      written: cases.writtenAnswers.map((w) => ({
        channel: w.channel,
        withinWorkingDays: w.withinWorkingDays,
        answeredInTime: { ...goal(w.answeredInTime), pending: w.answeredInTime.pending },
        answeredWithinOneDay: { ...w.answeredWithinOneDay },
      })),
    },
    calls: calls.map((q) => ({
      queueKey: q.queueKey,
      name: q.name,
      offered: q.offered,
      answered: q.answered,
      answeredWithin: { ...goal(q.answeredWithin), seconds: q.answerWithinSeconds },
      abandoned: goal(q.abandonedShare),
      averageTalkSeconds: q.averageTalkSeconds,
      talkTimeTargetSeconds: q.talkTimeTargetSeconds,
      talkTimeMeetsTarget: q.talkTimeMeetsTarget,
    })),
    callbacks: callbacks.map((q) => ({
      queueKey: q.queueKey,
      name: q.name,
      requested: q.requested,
      callBackWithinMinutes: q.callBackWithinMinutes,
      calledBackWithin: { ...goal(q.calledBackWithin), pending: q.calledBackWithin.pending },
    })),
    satisfaction: {
      answers: satisfaction.total.answers,
      index: published(satisfaction.total),
      byChannel: satisfaction.byChannel.map((c) => ({
        channel: c.channel,
        answers: c.answers,
        index: published(c),
      })),
    },
  };
}

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
const pct = (share: number) => `${(share * 100).toFixed(0)}&nbsp;%`;
const met = (ok: boolean | null, basis = 1) =>
  basis === 0 || ok === null ? 'Inget underlag' : ok ? 'Målet nått' : 'Målet inte nått';

const CHANNEL_NAMES: Record<string, string> = { EMAIL: 'e-post', E_SERVICE: 'e-tjänst' };

/** A decided share "x % av n", or that none is decided yet, with the pending beside it. */
const decidedShare = (f: { share: number; basis: number; pending: number }) =>
  `${f.basis ? `${pct(f.share)} av ${f.basis}` : 'Inga avgjorda ännu'}${f.pending ? `, ${f.pending} pågående` : ''}`;

/** "2 timmar", "45 minuter": the callback goal as the page says it. */
const minutes = (n: number) =>
  n % 60 === 0 ? `${n / 60}&nbsp;${n === 60 ? 'timme' : 'timmar'}` : `${n}&nbsp;minuter`;

function writtenRows(p: PeriodResults): string {
  return p.cases.written
    .flatMap((w) => {
      const name = CHANNEL_NAMES[w.channel] ?? w.channel;
      return [
        `<tr><th scope="row">Frågor via ${name} besvarade inom ${w.withinWorkingDays} arbetsdagar</th><td>${decidedShare(w.answeredInTime)}</td><td>minst ${pct(w.answeredInTime.target)}</td><td>${met(w.answeredInTime.meetsTarget, w.answeredInTime.basis)}</td></tr>`,
        `<tr><th scope="row">Frågor via ${name} besvarade inom 1 arbetsdag (KKiK)</th><td>${decidedShare(w.answeredWithinOneDay)}</td><td>–</td><td>Mått utan mål</td></tr>`,
      ];
    })
    .join('\n');
}

function periodSection(p: PeriodResults, index: number): string {
  const id = `period-${index}`;
  const callRows = p.calls
    .flatMap((q) => [
      `<tr><th scope="row">${escape(q.name)}: besvarade inom ${q.answeredWithin.seconds}&nbsp;s</th><td>${pct(q.answeredWithin.share)} av ${q.offered}</td><td>minst ${pct(q.answeredWithin.target)}</td><td>${met(q.answeredWithin.meetsTarget, q.offered)}</td></tr>`,
      `<tr><th scope="row">${escape(q.name)}: lade på i kön</th><td>${pct(q.abandoned.share)} av ${q.offered}</td><td>högst ${pct(q.abandoned.target)}</td><td>${met(q.abandoned.meetsTarget, q.offered)}</td></tr>`,
      `<tr><th scope="row">${escape(q.name)}: genomsnittlig samtalstid</th><td>${q.averageTalkSeconds === null ? '–' : `${Math.round(q.averageTalkSeconds)}&nbsp;s`}</td><td>högst ${q.talkTimeTargetSeconds}&nbsp;s</td><td>${met(q.talkTimeMeetsTarget)}</td></tr>`,
    ])
    .join('\n');
  // Queues nobody asked to be rung back from say nothing: only those with requests get a row.
  const callbackRows = p.callbacks
    .filter((q) => q.requested > 0)
    .map(
      (q) =>
        `<tr><th scope="row">${escape(q.name)}: uppringda inom ${minutes(q.callBackWithinMinutes)} efter önskad tid</th><td>${decidedShare(q.calledBackWithin)}</td><td>minst ${pct(q.calledBackWithin.target)}</td><td>${met(q.calledBackWithin.meetsTarget, q.calledBackWithin.basis)}</td></tr>`,
    )
    .join('\n');
  return `<section aria-labelledby="${id}">
<h2 id="${id}">${escape(p.label)} (${p.from} – ${p.to})</h2>
<table>
<caption>Servicemål ${escape(p.label.toLowerCase())}</caption>
<thead><tr><th scope="col">Servicemål</th><th scope="col">Resultat</th><th scope="col">Mål</th><th scope="col">Bedömning</th></tr></thead>
<tbody>
${callRows}
${callbackRows}
<tr><th scope="row">Ärenden lösta direkt i kontaktcenter</th><td>${pct(p.cases.resolvedAtFirstLine.share)} av ${p.cases.contacts}</td><td>minst ${pct(p.cases.resolvedAtFirstLine.target)}</td><td>${met(p.cases.resolvedAtFirstLine.meetsTarget, p.cases.resolvedAtFirstLine.basis)}</td></tr>
<tr><th scope="row">Vidareskickade ärenden besvarade i tid</th><td>${p.cases.answeredInTime.basis ? `${pct(p.cases.answeredInTime.share)} av ${p.cases.answeredInTime.basis}` : 'Inga avgjorda ännu'}${p.cases.answeredInTime.pending ? `, ${p.cases.answeredInTime.pending} pågående` : ''}</td><td>minst ${pct(p.cases.answeredInTime.target)}</td><td>${met(p.cases.answeredInTime.meetsTarget, p.cases.answeredInTime.basis)}</td></tr>
${writtenRows(p)}
</tbody>
</table>
${satisfactionTable(p)}
</section>`;
}

/** How the contact came in, as the page says it. */
const CHANNEL_WORDS: Record<string, string> = {
  PHONE: 'Telefon',
  EMAIL: 'E-post',
  E_SERVICE: 'E-tjänst och webb',
  VISIT: 'Besök',
  LETTER: 'Brev',
};

function satisfactionTable(p: PeriodResults): string {
  const cell = (f: { answers: number; index: number | null }) =>
    f.index === null ? `För få svar (${f.answers})` : `${f.index} av 100 (${f.answers} svar)`;
  const rows = [
    `<tr><th scope="row">Alla kontakter</th><td>${cell(p.satisfaction)}</td></tr>`,
    ...p.satisfaction.byChannel.map(
      (c) =>
        `<tr><th scope="row">${escape(CHANNEL_WORDS[c.channel] ?? c.channel)}</th><td>${cell(c)}</td></tr>`,
    ),
  ].join('\n');
  return `<table>
<caption>Nöjdhet ${escape(p.label.toLowerCase())}: ${SATISFACTION_PUBLISHING_FLOOR} svar eller fler behövs för ett index</caption>
<thead><tr><th scope="col">Kontaktväg</th><th scope="col">Nöjd-kund-index (0–100)</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

/** The public page: Swedish, plain HTML, no script, readable without styles (WCAG 2.1 AA). */
export function serviceResultsHtml(results: ServiceResults): string {
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Våra servicemål och resultat – kontaktcenter</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1a1a1a; background: #fff; line-height: 1.5; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0 2rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid #767676; vertical-align: top; }
a { color: #0b4f9c; }
</style>
</head>
<body>
<main>
<h1>Våra servicemål och resultat</h1>
<p>Så här snabbt svarar kommunens kontaktcenter, hur ofta ärenden löses direkt och hur nöjda de som svarat på vår fråga efter kontakten är. Siffrorna räknas fram ur kontaktloggen och uppdateras löpande. De innehåller inga uppgifter om enskilda personer.</p>
${results.periods.map(periodSection).join('\n')}
<p>Uppdaterad ${escape(results.published)}. Samma siffror som data: <a href="/service-results.json">service-results.json</a>.</p>
</main>
</body>
</html>
`;
}
