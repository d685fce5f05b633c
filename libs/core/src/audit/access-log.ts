import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { AuditRecord } from './audit-record.entity';
import { ServiceCase } from '../cases/case.entities';
import { stockholmDate } from '../time/stockholm-date';
import { endOfStockholmDay, startOfStockholmDay } from '../sla/swedish-calendar';

/** Who read, as a citizen is told: never a person's name, only the kind of reader. */
export type ReaderKind = 'STAFF' | 'SYSTEM' | 'REPRESENTATIVE' | 'OTHER';

/** The order of kinds within one day; a cursor names a kind by its place here. */
export const READER_KINDS: readonly ReaderKind[] = ['STAFF', 'SYSTEM', 'REPRESENTATIVE', 'OTHER'];

const STAFF_ROLES = new Set(['agent', 'case_officer', 'manager', 'admin']);

export function readerKindOf(role: string, representation: string | null = null): ReaderKind {
  // Staff answering a guardian or an ombud on the call (decision 0089) read as staff; the group
  // still names the representative. A guardian or an ombud signs in as a citizen, themselves.
  if (STAFF_ROLES.has(role)) return 'STAFF';
  if (representation) return 'REPRESENTATIVE';
  if (role === 'service') return 'SYSTEM';
  return 'OTHER';
}

/**
 * The person's own reads. A citizen reads another party only as their representative, and such
 * a row names the basis (`representation`); every other `citizen` row on a party is the person's
 * own, whichever e-ID subject it was under (a match on today's subject alone would show their
 * reads under another e-ID as someone else's). A refused read read nothing and is not listed.
 */
const OWN_READ = "(a.actor_role = 'citizen' AND a.representation IS NULL) OR a.refusal IS NOT NULL";

/** Someone who read on the person's behalf, as their access log names them. */
export interface Representative {
  name: string | null;
  /** `guardian`, or `power:<id>`. */
  basis: string;
}

/** One Stockholm calendar day × reader kind: what was read, how many times, and why. */
export interface AccessLogGroup {
  day: string;
  kind: ReaderKind;
  reads: number;
  plugins: string[];
  fieldGroups: string[];
  purposes: string[];
  /** REPRESENTATIVE groups: who read on the person's behalf, and on what basis. */
  representatives: Representative[];
}

/** Where a page ended: the day and kind of its last group. */
export interface AccessLogPosition {
  day: string;
  kind: ReaderKind;
}

export interface AccessLogPage {
  groups: AccessLogGroup[];
  hasNextPage: boolean;
}

/** A cursor this list never gave out (tampered, truncated, or from another list). */
export class InvalidAccessLogCursorError extends Error {
  constructor() {
    super('not a cursor from the access log');
    this.name = 'InvalidAccessLogCursorError';
  }
}

export function encodeAccessLogCursor(position: AccessLogPosition): string {
  return Buffer.from(`${position.day}|${position.kind}`).toString('base64url');
}

export function decodeAccessLogCursor(cursor: string): AccessLogPosition {
  const [day, kind, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (
    extra !== undefined ||
    !day ||
    !/^\d{4}-\d{2}-\d{2}$/.test(day) ||
    Number.isNaN(Date.parse(`${day}T12:00:00Z`)) ||
    !READER_KINDS.includes(kind as ReaderKind)
  )
    throw new InvalidAccessLogCursorError();
  return { day, kind: kind as ReaderKind };
}

interface DayRow {
  role: string;
  plugins: string;
  fieldGroups: string;
  purpose: string | null;
  representation: string | null;
  representativeName: string | null;
  reads: string | number;
}

/**
 * A person's access history as the citizen reads it (GDPR art. 15), grouped by Stockholm day and
 * reader kind, newest first, paged by keyset. The database does the work: per day one indexed
 * probe for the newest read before the page boundary (party + time index) and one GROUP BY over
 * that day's reads, so a page costs at most two small queries per day whatever the history's
 * length; nothing is skipped with OFFSET and no read is loaded row by row.
 */
export class AccessLog {
  static readonly MAX_PAGE = 50;

  constructor(private readonly dataSource: DataSource) {}

  /** `after`: the last group of the previous page. The person's own reads are left out. */
  async page(partyId: string, first: number, after: AccessLogPosition | null): Promise<AccessLogPage> {
    if (!Number.isInteger(first) || first < 1 || first > AccessLog.MAX_PAGE)
      throw new RangeError(`first: between 1 and ${AccessLog.MAX_PAGE}`);
    const groups: AccessLogGroup[] = [];
    let before: Date | null = after ? endOfStockholmDay(after.day) : null;
    // One group beyond the page tells whether there is a next page.
    while (groups.length <= first) {
      const newest = await this.reads(partyId)
        .select('a.occurred_at', 'at')
        .andWhere(before ? 'a.occurred_at < :before' : '1 = 1', { before })
        .orderBy('a.occurred_at', 'DESC')
        .limit(1)
        .getRawOne<{ at: string | Date }>();
      if (!newest) break;
      const day = stockholmDate(toDate(newest.at));
      const start = startOfStockholmDay(day);
      let dayGroups = await this.day(partyId, day, start, endOfStockholmDay(day));
      if (after && day === after.day) {
        const shown = READER_KINDS.indexOf(after.kind);
        dayGroups = dayGroups.filter((g) => READER_KINDS.indexOf(g.kind) > shown);
      }
      groups.push(...dayGroups);
      before = start;
    }
    return { groups: groups.slice(0, first), hasNextPage: groups.length > first };
  }

  /**
   * The references of those `caseIds` that are this party's own cases (a purpose names a case by
   * id); another person's case is never named.
   */
  async ownCaseReferences(partyId: string, caseIds: string[]): Promise<Map<string, string>> {
    if (caseIds.length === 0) return new Map();
    const cases = await this.dataSource
      .getRepository(ServiceCase)
      .createQueryBuilder('c')
      .select(['c.id', 'c.reference'])
      .where('c.party_id = :partyId AND c.id IN (:...caseIds)', { partyId, caseIds })
      .getMany();
    return new Map(cases.map((c) => [c.id, c.reference]));
  }

  /** The party's reads by anyone but the person themselves (party + time index, then a filter). */
  private reads(partyId: string): SelectQueryBuilder<AuditRecord> {
    return this.dataSource
      .getRepository(AuditRecord)
      .createQueryBuilder('a')
      .where('a.party_id = :partyId', { partyId })
      .andWhere(`NOT (${OWN_READ})`);
  }

  private async day(partyId: string, day: string, start: Date, end: Date): Promise<AccessLogGroup[]> {
    const rows = await this.reads(partyId)
      .select('a.actor_role', 'role')
      .addSelect('a.plugins', 'plugins')
      .addSelect('a.field_groups', 'fieldGroups')
      .addSelect('a.purpose', 'purpose')
      .addSelect('a.representation', 'representation')
      .addSelect('a.representative_name', 'representativeName')
      .addSelect('COUNT(*)', 'reads')
      .andWhere('a.occurred_at >= :start AND a.occurred_at < :end', { start, end })
      .groupBy('a.actor_role')
      .addGroupBy('a.plugins')
      .addGroupBy('a.field_groups')
      .addGroupBy('a.purpose')
      .addGroupBy('a.representation')
      .addGroupBy('a.representative_name')
      .getRawMany<DayRow>();
    const byKind = new Map<ReaderKind, AccessLogGroup>();
    for (const row of rows) {
      const kind = readerKindOf(row.role, row.representation);
      const group = byKind.get(kind) ?? {
        day,
        kind,
        reads: 0,
        plugins: [],
        fieldGroups: [],
        purposes: [],
        representatives: [],
      };
      if (
        row.representation &&
        !group.representatives.some(
          (r) => r.basis === row.representation && r.name === row.representativeName,
        )
      )
        group.representatives.push({ name: row.representativeName, basis: row.representation });
      group.reads += Number(row.reads);
      group.plugins = union(group.plugins, parseList(row.plugins));
      group.fieldGroups = union(group.fieldGroups, parseList(row.fieldGroups));
      if (row.purpose) group.purposes = union(group.purposes, [row.purpose]);
      byKind.set(kind, group);
    }
    return READER_KINDS.flatMap((kind) => byKind.get(kind) ?? []);
  }
}

function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  // SQLite keeps TypeORM's UTC text, "YYYY-MM-DD HH:MM:SS.SSS".
  return new Date(`${value.replace(' ', 'T')}${/[Zz+]/.test(value) ? '' : 'Z'}`);
}

/** The hub wrote these lists (simple-json); a row that is not one is a fault, not "nothing read". */
function parseList(json: string): string[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value)) throw new Error('audit_record: a list column holds no list');
  return value.map(String);
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort();
