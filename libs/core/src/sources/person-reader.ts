import { PROTECTED_TEXT, type StatusItem, type StatusReader } from '@frontdoor/plugin-sdk';
import { forbidden } from '../errors/frontdoor-error';
import type { AuditTrail } from '../audit/audit-trail';
import type { SourceFailure } from '../errors';
import type { HubMetrics } from '../metrics/hub-metrics';
import { MemoryPersonAnswerStore, type PersonAnswerStore } from '../shared-state/person-answer-store';
import { PersonAnswers, answerRetention, type FetchedAnswer } from './person-answers';
import { ViewMemo, detailOfOutcome, viewOfAnswer, type PersonSourceOutcome } from './person-view';
import type { LoadedPlugin } from './plugin-loader';
import type { PluginRuntime } from './plugin-runtime';
import { protectionOf, type Protection } from './protection';
import { custodyOf, type Custody } from '../representation/custody';
import { NOT_IDENTIFIED_REASON } from '../identification/identification-texts';

/** What the gateway decided about the reader, once per request, before any department is asked. */
export interface ReaderScope {
  /** Plugins whose department the reader holds at least information (level 1) in. */
  permitted: string[];
  /** The others: never asked, reported as withheld. */
  withheld: string[];
  /** Sees a protected person's whereabouts: cleared staff, or a citizen about themselves. */
  seesProtectedWhereabouts: boolean;
  /**
   * Permitted plugins whose department is under a secrecy statute. For a protected person and a
   * reader without clearance their whole matter is withheld, not only its whereabouts, so they
   * are asked only once the person is known not to be protected (or the reader is cleared).
   */
  secret?: string[];
  /** Set when the person is opened: the secret plugins withheld because the person is protected. */
  protectedWithheld?: string[];
  /**
   * Plugins whose department reads only with a purpose chosen from the configured list, withheld
   * because the reader gave none (`access.purpose.requiredIn`).
   */
  purposeWithheld?: string[];
  /**
   * Set by the gateway for one person: secret plugins withheld because the person on the line
   * is not identified for this reader (decision 0076). Never asked.
   */
  identificationWithheld?: string[];
  /** Who reads, handed to the plugins' `statuses` so they can word a status for each (default staff). */
  readerKind?: StatusReader['kind'];
  /**
   * Per permitted plugin, the level its status kinds are compared with (`statusLevels`, SDK 4.2):
   * the reader's mandate in its department. A plugin not named here: 1, the least a permitted reader holds.
   */
  levels?: Record<string, number>;
  /** A representative's withheld plugins, each with why (outside the power's scope, …), in Swedish. */
  withheldReasons?: Record<string, string>;
  /**
   * Permitted plugins this reader reaches on a representation: a guardian's custody or a power
   * of attorney, on the citizen page or as an agent hearing an identified caller (decisions 0077,
   * 0089). A plugin's `closedToRepresentatives` (SDK 4.4) can withhold its answer from them.
   */
  representedIn?: string[];
}

/**
 * Whether a department's answer about a person may reach a reader on a representation: open,
 * closed with the plugin's Swedish reason, or unknown because the department did not answer
 * (nothing is shown then; an action must not go ahead on it).
 */
export type RepresentativeClosure =
  { state: 'open' } | { state: 'closed'; reason: string } | { state: 'unknown'; failure: SourceFailure };

/** Said when a plugin's `closedToRepresentatives` throws: closed, since it could not be checked. */
export const CLOSURE_UNCHECKED_REASON =
  'Sekretess: det gick inte att pröva om uppgifterna får lämnas ut till den som företräder personen. Hänvisa till förvaltningen.';

/** A person opened for one reader: who, whether protected, and what this reader may see. */
export interface OpenedPerson {
  personalNumber: string;
  /** The party id audit rows refer to. */
  partyId: string;
  protectedIdentity: boolean;
  redactWhereabouts: boolean;
  scope: ReaderScope;
}

/** How one department's part was obtained for this reader. */
export interface SourceReportEntry {
  plugin: string;
  department: string;
  state: 'OK' | 'STALE' | 'FAILED' | 'WITHHELD';
  /**
   * Why a part is withheld: no mandate in the department (absent), a protected person's secret
   * matter, no purpose from the list where the department needs one, or a caller not identified.
   */
  withheldFor?:
    'PROTECTED_IDENTITY' | 'PURPOSE_MISSING' | 'CALLER_NOT_IDENTIFIED' | 'CLOSED_TO_REPRESENTATIVES';
  asOf?: Date;
  errorCode?: string;
  reason?: string;
}

/**
 * The hub's one path for reading a person: departments asked in parallel (each once per
 * request, under its deadline and breaker, cached), protection from the register (fail
 * closed), whereabouts blanked for this reader, statuses and detail mapped, and every read
 * recorded in the request's audit trail. Department failures come back as values
 * (`failures`, `{ ok: false }`) for the gateway to report beside the partial answer.
 */
export class PersonReader {
  private readonly runtimes: Map<string, PluginRuntime>;
  private readonly answers: PersonAnswers;
  private readonly register?: PluginRuntime;
  private readonly custodyRegister?: PluginRuntime;
  private readonly memo = new ViewMemo();
  readonly plugins: LoadedPlugin[];

  constructor(
    runtimes: PluginRuntime[],
    private readonly metrics: HubMetrics,
    /** `store`: where answers are kept between requests; in process memory unless given (Redis for several gateways). */
    options: { now?: () => number; store?: PersonAnswerStore } = {},
  ) {
    this.runtimes = new Map(runtimes.map((r) => [r.id, r]));
    this.plugins = runtimes.map((r) => r.plugin);
    this.register = runtimes.find((r) => r.plugin.definition.person.protectedIdentity);
    this.custodyRegister = runtimes.find((r) => r.plugin.definition.person.custody);
    this.answers = new PersonAnswers(
      this.runtimes,
      options.store ?? new MemoryPersonAnswerStore(answerRetention(runtimes)),
      metrics,
      options.now ?? Date.now,
    );
  }

  /** Forgets what the hub holds about a person (after an action changed it), on every gateway sharing the store. */
  forget(personalNumber: string): Promise<void> {
    return this.answers.forget(personalNumber);
  }

  /**
   * Asks every department about a person ahead of any read: a caller who keyed their
   * personal number in the telephony IVR waits in the queue meanwhile (issue 15). The answers
   * only wait in the store under their plugins' ttl; nothing is mapped, shown or audited here.
   * The agent's own read is audited as always when they open the person, and their mandates
   * decide then what of it they see. Failures are left for that read to report.
   */
  async prefetch(personalNumber: string): Promise<void> {
    // Never a secrecy department: its data is read only once the caller is identified (decision
    // 0076), not fetched and cached for whoever keyed a personal number in the IVR.
    const open = [...this.runtimes.values()].filter((r) => r.plugin.definition.secrecy?.class !== 'secrecy');
    await Promise.all(open.map((r) => this.answers.answer(r.id, personalNumber).catch(() => undefined)));
  }

  /** Custody relations from the population register (fresh or within its ttl; fail closed), outside a request. */
  custody(personalNumber: string): Promise<Custody> {
    return custodyOf(this.custodyRegister, personalNumber, (id, pn) => this.answers.answer(id, pn));
  }

  /** A reader for one request; each read records into the request's audit trail, passed in. */
  forRequest(): PersonRequestReader {
    return new PersonRequestReader(
      this.plugins,
      this.runtimes,
      this.answers,
      this.register,
      this.metrics,
      this.memo,
      this.custodyRegister,
    );
  }
}

/**
 * One request's reads: each (plugin, person) is asked once however many fields need it,
 * and asking can start early (`open` with `prefetch`) so departments answer while the
 * register is asked about protection: one round trip, not two.
 */
export class PersonRequestReader {
  private readonly fetched = new Map<string, Promise<FetchedAnswer>>();
  private readonly viewed = new Map<string, Promise<PersonSourceOutcome>>();
  private readonly protections = new Map<string, Promise<Protection>>();
  private readonly closures = new Map<string, Promise<RepresentativeClosure>>();
  /** Refusals already on the audit trail (plugin|person): one row each, however many fields ask. */
  private readonly refused = new Set<string>();

  constructor(
    readonly plugins: LoadedPlugin[],
    private readonly runtimes: Map<string, PluginRuntime>,
    private readonly answers: PersonAnswers,
    private readonly register: PluginRuntime | undefined,
    private readonly metrics: HubMetrics,
    private readonly memo?: ViewMemo,
    private readonly custodyRegister?: PluginRuntime,
  ) {}

  /** Custody relations for this request (the register's answer is fetched once per request). */
  custody(personalNumber: string): Promise<Custody> {
    return custodyOf(this.custodyRegister, personalNumber, (id, pn) => this.answer(id, pn));
  }

  /**
   * Looks a person up for this reader, audited as `lookup` (or as `fieldGroup`, e.g. the
   * citizen met on a case). With `prefetch`, the permitted departments are asked now; their
   * answers wait, unmapped, until the view is known.
   */
  async open(
    personalNumber: string,
    partyId: string,
    scope: ReaderScope,
    trail: AuditTrail,
    options: { prefetch: boolean; fieldGroup?: string },
  ): Promise<OpenedPerson> {
    trail.record(partyId, [], [options.fieldGroup ?? 'lookup']);
    const secret = new Set(scope.secret ?? []);
    if (options.prefetch)
      for (const id of scope.permitted) if (!secret.has(id)) void this.answer(id, personalNumber);
    const protection = await this.protectedIdentity(personalNumber);
    const uncleared = protection.protected && !scope.seesProtectedWhereabouts;
    return {
      personalNumber,
      partyId,
      protectedIdentity: protection.protected,
      redactWhereabouts: uncleared,
      scope:
        uncleared && secret.size
          ? {
              ...scope,
              permitted: scope.permitted.filter((id) => !secret.has(id)),
              protectedWithheld: scope.permitted.filter((id) => secret.has(id)),
            }
          : scope,
    };
  }

  /** Every matter from every permitted department, newest first, and the departments that failed. */
  async statuses(
    person: OpenedPerson,
    trail: AuditTrail,
  ): Promise<{ items: (StatusItem & { asOf: Date })[]; failures: SourceFailure[] }> {
    const closed = await this.closedToRepresentative(person, trail, 'statuses');
    const outcomes = await this.readPermitted(person, closed);
    trail.record(
      person.partyId,
      outcomes.map((o) => o.plugin.id),
      ['statuses', ...notIdentified(person)],
    );
    const items: (StatusItem & { asOf: Date })[] = [];
    const failures: SourceFailure[] = [];
    for (const outcome of outcomes) {
      if (outcome.ok) items.push(...outcome.statuses.map((item) => ({ ...item, asOf: outcome.asOf })));
      else failures.push(outcome.failure);
    }
    items.sort((a, b) => (b.updatedAt?.getTime() ?? 0) - (a.updatedAt?.getTime() ?? 0));
    return { items, failures };
  }

  /** How each department answered: OK, STALE (from the cache, with asOf), FAILED, or WITHHELD (no mandate). */
  async sources(person: OpenedPerson, trail: AuditTrail): Promise<SourceReportEntry[]> {
    const closed = await this.closedToRepresentative(person, trail, 'sources');
    const outcomes = await this.readPermitted(person, closed);
    trail.record(
      person.partyId,
      outcomes.map((o) => o.plugin.id),
      ['sources', ...notIdentified(person)],
    );
    const reports: SourceReportEntry[] = outcomes.map((outcome) => ({
      plugin: outcome.plugin.id,
      department: outcome.plugin.department,
      state: !outcome.ok ? 'FAILED' : outcome.stale ? 'STALE' : 'OK',
      asOf: outcome.ok ? outcome.asOf : undefined,
      errorCode: outcome.failure?.code,
      reason: outcome.failure?.reason,
    }));
    for (const id of person.scope.withheld) {
      reports.push({ plugin: id, department: this.runtime(id).plugin.department, state: 'WITHHELD' });
    }
    for (const [id, reason] of closed) {
      reports.push({
        plugin: id,
        department: this.runtime(id).plugin.department,
        state: 'WITHHELD',
        withheldFor: 'CLOSED_TO_REPRESENTATIVES',
        reason,
      });
    }
    for (const id of person.scope.protectedWithheld ?? []) {
      reports.push({
        plugin: id,
        department: this.runtime(id).plugin.department,
        state: 'WITHHELD',
        withheldFor: 'PROTECTED_IDENTITY',
      });
    }
    for (const id of person.scope.purposeWithheld ?? []) {
      reports.push({
        plugin: id,
        department: this.runtime(id).plugin.department,
        state: 'WITHHELD',
        withheldFor: 'PURPOSE_MISSING',
      });
    }
    for (const id of person.scope.identificationWithheld ?? []) {
      reports.push({
        plugin: id,
        department: this.runtime(id).plugin.department,
        state: 'WITHHELD',
        withheldFor: 'CALLER_NOT_IDENTIFIED',
      });
    }
    return reports;
  }

  /**
   * One of a plugin's typed detail fields (audited under the field's name; `field` one of its
   * `details`, else its single `detail`); mapped only now that it is asked for.
   */
  async detail(
    person: OpenedPerson,
    pluginId: string,
    trail: AuditTrail,
    field?: string,
  ): Promise<{ ok: true; detail: unknown } | { ok: false; failure: SourceFailure }> {
    if (person.scope.protectedWithheld?.includes(pluginId)) {
      const department = this.runtime(pluginId).plugin.department;
      throw forbidden(
        `${PROTECTED_TEXT}: ${department} is under secrecy and the person has protected identity; a reader cleared for protected identity can read it.`,
      );
    }
    if (person.scope.identificationWithheld?.includes(pluginId)) {
      trail.record(person.partyId, [], notIdentified(person));
      throw forbidden(`${NOT_IDENTIFIED_REASON} (${this.runtime(pluginId).plugin.department})`);
    }
    if (person.scope.purposeWithheld?.includes(pluginId)) {
      const department = this.runtime(pluginId).plugin.department;
      throw forbidden(
        `${department} is read only with a purpose chosen from the list (why: { reason: … }); none was given.`,
      );
    }
    const withheldReason = person.scope.withheldReasons?.[pluginId];
    if (withheldReason) {
      trail.refuse(person.partyId, withheldReason, [
        this.runtime(pluginId).plugin.definition.person.detail?.field ?? pluginId,
      ]);
      throw forbidden(withheldReason);
    }
    if (!person.scope.permitted.includes(pluginId))
      throw new Error(`detail of "${pluginId}" outside the reader's scope`);
    const runtime = this.runtime(pluginId);
    const name = field ?? runtime.plugin.definition.person.detail?.field ?? pluginId;
    const closure = await this.closureFor(person, pluginId);
    if (closure.state === 'closed') {
      this.refuseOnce(trail, person.partyId, pluginId, closure.reason, name);
      throw forbidden(closure.reason);
    }
    const outcome = await this.view(pluginId, person);
    trail.record(person.partyId, [pluginId], [name]);
    return detailOfOutcome(runtime, outcome, field);
  }

  /** Protection for a person met outside a `person` read (e.g. the subject of a plugin query). */
  protectedIdentity(personalNumber: string): Promise<Protection> {
    let pending = this.protections.get(personalNumber);
    if (!pending) {
      pending = protectionOf(this.register, personalNumber, (id, pn) => this.answer(id, pn));
      this.protections.set(personalNumber, pending);
    }
    return pending;
  }

  /**
   * Whether `pluginId`'s answer about the person may reach a reader on a representation (SDK 4.4
   * `closedToRepresentatives`), asked of the answer once per request. The hub's one check: reads,
   * detail fields, lookups and actions all come here. A hook that throws closes (fail closed).
   */
  representativeClosure(pluginId: string, personalNumber: string): Promise<RepresentativeClosure> {
    const key = `${pluginId}|${personalNumber}`;
    let pending = this.closures.get(key);
    if (!pending) {
      const hook = this.runtime(pluginId).plugin.definition.person.closedToRepresentatives;
      pending = hook
        ? this.answer(pluginId, personalNumber).then((fetched): RepresentativeClosure => {
            if (!fetched.ok) return { state: 'unknown', failure: fetched.failure };
            if (fetched.answer === null) return { state: 'open' };
            try {
              const reason = hook(fetched.answer);
              return reason ? { state: 'closed', reason } : { state: 'open' };
            } catch {
              return { state: 'closed', reason: CLOSURE_UNCHECKED_REASON };
            }
          })
        : Promise.resolve({ state: 'open' });
      this.closures.set(key, pending);
    }
    return pending;
  }

  /** Records a refusal on the audit trail once per plugin and person in this request. */
  refuseOnce(trail: AuditTrail, partyId: string, pluginId: string, reason: string, field: string): void {
    const key = `${pluginId}|${partyId}`;
    if (this.refused.has(key)) return;
    this.refused.add(key);
    trail.refuse(partyId, reason, [field, 'closedToRepresentatives']);
  }

  private closureFor(person: OpenedPerson, pluginId: string): Promise<RepresentativeClosure> {
    if (!person.scope.representedIn?.includes(pluginId)) return Promise.resolve({ state: 'open' });
    return this.representativeClosure(pluginId, person.personalNumber);
  }

  /** The permitted plugins closed to this reader on a representation, each with its reason (audited under `field`). */
  private async closedToRepresentative(
    person: OpenedPerson,
    trail: AuditTrail,
    field: string,
  ): Promise<Map<string, string>> {
    const represented = person.scope.permitted.filter((id) => person.scope.representedIn?.includes(id));
    const closures = await Promise.all(
      represented.map((id) => this.representativeClosure(id, person.personalNumber)),
    );
    const closed = new Map<string, string>();
    closures.forEach((closure, i) => {
      if (closure.state !== 'closed') return;
      closed.set(represented[i], closure.reason);
      this.refuseOnce(trail, person.partyId, represented[i], closure.reason, field);
    });
    return closed;
  }

  private readPermitted(person: OpenedPerson, closed: Map<string, string>): Promise<PersonSourceOutcome[]> {
    return Promise.all(
      person.scope.permitted.filter((id) => !closed.has(id)).map((id) => this.view(id, person)),
    );
  }

  private view(pluginId: string, person: OpenedPerson): Promise<PersonSourceOutcome> {
    const level = levelFor(person.scope, pluginId);
    const key = `${pluginId}|${person.personalNumber}|${person.redactWhereabouts ? 'r' : '-'}|L${level}`;
    let pending = this.viewed.get(key);
    if (!pending) {
      const runtime = this.runtime(pluginId);
      pending = this.answer(pluginId, person.personalNumber).then((fetched) =>
        viewOfAnswer(
          runtime,
          fetched,
          person.redactWhereabouts,
          this.metrics,
          this.memo,
          person.scope.readerKind ?? 'staff',
          level,
        ),
      );
      this.viewed.set(key, pending);
    }
    return pending;
  }

  private answer(pluginId: string, personalNumber: string): Promise<FetchedAnswer> {
    const key = `${pluginId}|${personalNumber}`;
    let pending = this.fetched.get(key);
    if (!pending) this.fetched.set(key, (pending = this.answers.answer(pluginId, personalNumber)));
    return pending;
  }

  private runtime(pluginId: string): PluginRuntime {
    const runtime = this.runtimes.get(pluginId);
    if (!runtime) throw new Error(`No running plugin "${pluginId}"`);
    return runtime;
  }
}

/** The level a plugin's status kinds are compared with for this reader: as decided, else 1. */
function levelFor(scope: ReaderScope, pluginId: string): number {
  return scope.levels && Object.hasOwn(scope.levels, pluginId) ? scope.levels[pluginId] : 1;
}

/** The audit's mark of a refusal: secrecy departments left out because the caller is not identified. */
function notIdentified(person: OpenedPerson): string[] {
  return person.scope.identificationWithheld?.length ? ['callerNotIdentified'] : [];
}
