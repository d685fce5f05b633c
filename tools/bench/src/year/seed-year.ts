import type { DataSource } from 'typeorm';
import { applyCaseSetup, CaseCategory, AnswerGroup } from '@frontdoor/core';

/**
 * A year of Skellefteå's contact center written straight into the database with bulk SQL
 * (INSERT … SELECT over a generated series, not through the API), on PostgreSQL and SQLite:
 * 1.5 M cases over 52 weeks at scale 1 with the category ranking of ../shared/design/domain.md,
 * two thirds resolved at the first line, their events, 20 answer groups of 25 members (500),
 * 20 M audit rows and 2,000 knowledge articles. `scale` multiplies the row counts (0.01 for
 * tests, 0.1 and 1 for the bench); answer groups and categories stay the same.
 *
 * The schema must exist (migrations run). Rows are deterministic functions of their number,
 * so two seeds at one scale are the same data.
 */
export interface SeedCounts {
  cases: number;
  events: number;
  parties: number;
  auditRecords: number;
  articles: number;
  members: number;
}

/** Skellefteå's ranking (share of all first-line cases), then the long tail. */
export const SKELLEFTEA_RANKING: [key: string, name: string, share: number][] = [
  ['forsorjningsstod', 'Försörjningsstöd', 8.8],
  ['fakturor', 'Fakturor', 4.5],
  ['parkering', 'Parkering', 4.5],
  ['hemtjanst', 'Hemtjänst', 4.3],
  ['avfall', 'Avfall', 3.9],
  ['gator-vagar', 'Gator och vägar', 3.6],
  ['barn-och-unga', 'Barn och unga', 3.2],
  ['sjukanmalan-elever', 'Sjukanmälan elever', 2.7],
  ['badhus', 'Badhus', 2.6],
  ['vatten-och-avlopp', 'Vatten och avlopp', 2.2],
  ['barnomsorgsplats', 'Barnomsorgsplats', 2.2],
  ['sotning', 'Sotning och brandskyddskontroll', 2.0],
  ['bygglov', 'Bygglov', 1.7],
];
const TAIL = 32; // further categories sharing what the ranking leaves (53.8 %), each under 1.7 %
const GROUPS = 20;
const MEMBERS_PER_GROUP = 25;
export const SEED_YEAR_START = Date.parse('2025-01-06T07:00:00Z'); // Monday of week 2, 08:00 Stockholm
const WEEKS = 52;

type Kind = 'postgres' | 'sqlite';

export async function seedYear(
  dataSource: DataSource,
  scale: number,
  log: (line: string) => void = () => {},
) {
  const kind: Kind = dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  const n = (full: number, min = 1) => Math.max(min, Math.round(full * scale));
  const counts = {
    cases: n(1_500_000, 100),
    parties: n(500_000, 30),
    auditRecords: n(20_000_000, 100),
    articles: n(2_000, 20),
  };
  const sql = dialect(kind);
  const started = Date.now();
  const step = async (what: string, query: string) => {
    const t = Date.now();
    await dataSource.query(query);
    log(`${what}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };

  // Categories and answer groups through the hub's own setup (the config path).
  const tailShare = (100 - SKELLEFTEA_RANKING.reduce((s, [, , p]) => s + p, 0)) / TAIL;
  const categories = [
    ...SKELLEFTEA_RANKING,
    ...Array.from({ length: TAIL }, (_, i) => [`ovrigt-${i + 1}`, `Övrigt ${i + 1}`, tailShare] as const),
  ];
  await applyCaseSetup(dataSource, {
    categories: categories.map(([key, name]) => ({ key, name, slaWorkingDays: 3, confidential: false })),
    answerGroups: Array.from({ length: GROUPS }, (_, g) => ({
      key: `grupp-${g + 1}`,
      name: `Svarsgrupp ${g + 1}`,
      department: `Förvaltning ${(g % 6) + 1}`,
      notificationEmail: `grupp-${g + 1}@exempelstad.se`,
      manager: { subject: `chef-${g + 1}`, name: `Chef ${g + 1}`, email: `chef-${g + 1}@exempelstad.se` },
      members: Array.from({ length: MEMBERS_PER_GROUP }, (_, m) => ({
        subject: `handlaggare-${g * MEMBERS_PER_GROUP + m + 1}`,
        name: `Handläggare ${g * MEMBERS_PER_GROUP + m + 1}`,
        email: `handlaggare-${g * MEMBERS_PER_GROUP + m + 1}@exempelstad.se`,
      })),
    })),
  });
  const categoryIds = new Map(
    (await dataSource.getRepository(CaseCategory).find()).map((c) => [c.key, c.id] as const),
  );
  const groupIds = (await dataSource.getRepository(AnswerGroup).find({ order: { key: 'ASC' } })).map(
    (g) => g.id,
  );

  // 1,000 slots by share: slot -> category (and the category's answer group).
  await dataSource.query(
    `CREATE TABLE seed_slot (slot integer PRIMARY KEY, category_id varchar(36), group_id varchar(36))`,
  );
  const slots: string[] = [];
  let acc = 0;
  categories.forEach(([key, , share], c) => {
    const upTo = c === categories.length - 1 ? 1000 : Math.round(((acc += share) / 100) * 1000);
    while (slots.length < upTo)
      slots.push(`(${slots.length}, '${categoryIds.get(key)}', '${groupIds[c % GROUPS]}')`);
  });
  await dataSource.query(`INSERT INTO seed_slot VALUES ${slots.join(',')}`);

  // Bulk load: drop the secondary indexes of the big tables, insert, build them once at the end
  // (index maintenance per row made 20 M audit rows take 20 minutes instead of a few). They are
  // rebuilt from the database's own definitions: TypeORM's getTable() loses the column order.
  const dropped = await secondaryIndexes(dataSource, kind, ['service_case', 'case_event', 'audit_record']);
  for (const index of dropped) await dataSource.query(`DROP INDEX "${index.name}"`);

  const i = 's.i';
  // Personal numbers: 12 digits, unique up to 33.6 M; synthetic (the check digit is not computed).
  await step(
    `party ${counts.parties}`,
    `INSERT INTO party (id, personal_number, created_at)
     SELECT ${sql.id('a0', i)}, ${sql.personalNumber(i)}, ${sql.instant(`${SEED_YEAR_START / 1000} - 86400`)}
     FROM ${sql.series(counts.parties)}`,
  );

  // Cases: evenly over 52 weeks of working hours (Mon–Fri 08–16), 2/3 resolved at once; of the
  // rest 9 in 10 forwarded to their category's group, answered after 0–4 working days, closed
  // a day later; the last 10 days' forwarded cases are still open (some overdue).
  const secondsPerCase = (WEEKS * 5 * 8 * 3600) / counts.cases;
  const offset = `(${i} - 1) * ${secondsPerCase}`; // working seconds since the start
  const workSecs = `CAST(${offset} AS integer)`;
  const created = `${SEED_YEAR_START / 1000} + (${workSecs} / 144000) * 604800 + ((${workSecs} % 144000) / 28800) * 86400 + (${workSecs} % 28800)`;
  const resolved = `(${i} * 7) % 3 <> 0`;
  const forwarded = `NOT (${resolved}) AND ${i} % 10 <> 0`;
  const answerDays = `(${i} % 5)`;
  // One working day ≈ 1.4 calendar days (weekends); holidays are ignored by the generator.
  const fwdAt = `(${created} + 1800)`;
  const replyAt = `(${fwdAt} + ${answerDays} * 120960)`;
  const stillOpen = `(${created} > ${SEED_YEAR_START / 1000 + WEEKS * 604800 - 10 * 86400})`;
  const slot = `((${i} * 7919) % 1000)`;
  // A contact reason on 6 in 7 cases (decision 0086), status questions the most common.
  await step(
    `service_case ${counts.cases}`,
    `INSERT INTO service_case (id, reference, channel, category_id, party_id, summary, status,
       resolved_at_first_line, answer_group_id, assignee_subject, forwarded_at, due_at, first_reply_at,
       resolution, registered_by, created_at, closed_at, answer_working_days, contact_reason)
     SELECT ${sql.id('c0', i)}, 'FD-2025-' || ${sql.hex(i, 8)},
       CASE ${i} % 10 WHEN 6 THEN 'EMAIL' WHEN 7 THEN 'EMAIL' WHEN 8 THEN 'E_SERVICE' WHEN 9 THEN 'VISIT' ELSE 'PHONE' END,
       slot.category_id,
       CASE WHEN ${i} % 4 = 0 THEN NULL ELSE ${sql.id('a0', `((${i} * 48271) % ${counts.parties}) + 1`)} END,
       'Fråga om ' || slot.category_id,
       CASE WHEN ${resolved} THEN 'CLOSED' WHEN ${forwarded} AND ${stillOpen} THEN 'FORWARDED'
            WHEN ${forwarded} THEN 'CLOSED' ELSE 'OPEN' END,
       ${sql.bool(resolved)},
       CASE WHEN ${forwarded} THEN slot.group_id END,
       CASE WHEN ${forwarded} AND ${i} % 3 = 0 THEN 'handlaggare-' || ((${i} % 500) + 1) END,
       CASE WHEN ${forwarded} THEN ${sql.instant(fwdAt)} END,
       CASE WHEN ${forwarded} THEN ${sql.instant(`${fwdAt} + 362880`)} END,
       CASE WHEN ${resolved} THEN ${sql.instant(created)} WHEN ${forwarded} AND NOT ${stillOpen} THEN ${sql.instant(replyAt)} END,
       CASE WHEN ${resolved} THEN 'Besvarat direkt' WHEN ${forwarded} AND NOT ${stillOpen} THEN 'Återkopplat' END,
       'agent-' || ((${i} % 120) + 1),
       ${sql.instant(created)},
       CASE WHEN ${resolved} THEN ${sql.instant(created)} WHEN ${forwarded} AND NOT ${stillOpen} THEN ${sql.instant(`${replyAt} + 86400`)} END,
       CASE WHEN ${forwarded} AND NOT ${stillOpen} THEN ${answerDays} END,
       CASE (${i} * 31) % 7 WHEN 0 THEN 'STATUS_QUESTION' WHEN 1 THEN 'STATUS_QUESTION'
            WHEN 2 THEN 'DOES_NOT_UNDERSTAND_LETTER' WHEN 3 THEN 'WANTS_TO_APPLY' WHEN 4 THEN 'COMPLAINT'
            WHEN 5 THEN 'OTHER' END
     FROM ${sql.series(counts.cases)} JOIN seed_slot slot ON slot.slot = ${slot}`,
  );

  // Events from the cases: registered; then resolved, or forwarded (+ replied + closed).
  const event = (n: number, type: string, at: string, where: string, internal = false) =>
    `INSERT INTO case_event (id, case_id, type, at, actor_subject, actor_name, message, internal)
     SELECT 'e${n}' || substr(c.id, 3), c.id, '${type}', ${at}, c.registered_by, NULL, NULL, ${sql.bool(internal ? '1 = 1' : '1 = 0')}
     FROM service_case c WHERE ${where}`;
  await step('events REGISTERED', event(1, 'REGISTERED', 'c.created_at', '1 = 1'));
  await step(
    'events RESOLVED',
    event(2, 'RESOLVED_AT_FIRST_LINE', 'c.created_at', 'c.resolved_at_first_line = ' + sql.true),
  );
  await step('events FORWARDED', event(3, 'FORWARDED', 'c.forwarded_at', 'c.forwarded_at IS NOT NULL'));
  await step(
    'events REPLIED',
    event(4, 'REPLIED', 'c.first_reply_at', `c.forwarded_at IS NOT NULL AND c.first_reply_at IS NOT NULL`),
  );
  await step(
    'events CLOSED',
    event(5, 'CLOSED', 'c.closed_at', `c.forwarded_at IS NOT NULL AND c.closed_at IS NOT NULL`),
  );

  // Audit rows: every read of a person over the year, in chunks so one statement stays bounded.
  const yearSeconds = WEEKS * 604800;
  const chunk = 2_000_000;
  for (let from = 0; from < counts.auditRecords; from += chunk) {
    const size = Math.min(chunk, counts.auditRecords - from);
    const k = `(${i} + ${from})`;
    await step(
      `audit_record ${from + size}/${counts.auditRecords}`,
      `INSERT INTO audit_record (id, occurred_at, actor_subject, actor_role, party_id, plugins, purpose, request_id, field_groups)
       SELECT ${sql.id('d0', k)}, ${sql.instant(`${SEED_YEAR_START / 1000} + (${k} * ${yearSeconds / counts.auditRecords})`)},
         'agent-' || ((${k} % 120) + 1), CASE WHEN ${k} % 50 = 0 THEN 'case_officer' ELSE 'agent' END,
         ${sql.id('a0', `((${k} * 16807) % ${counts.parties}) + 1`)},
         '["childcare-queue","invoicing","waste-collection","building-permits"]', NULL,
         'req-' || ${k}, '["statuses"]'
       FROM ${sql.series(size)}`,
    );
  }

  await step(
    `knowledge_article ${counts.articles}`,
    `INSERT INTO knowledge_article (id, category_id, title, body, checklist, routing, updated_by, updated_at)
     SELECT ${sql.id('b0', i)}, slot.category_id,
       'Artikel ' || ${i} || ': ' || CASE ${i} % 4 WHEN 0 THEN 'faktura och påminnelse' WHEN 1 THEN 'plats i förskolekön'
         WHEN 2 THEN 'tömning av sopkärl' ELSE 'parkeringstillstånd' END,
       'Så svarar du på frågor om ' || CASE ${i} % 3 WHEN 0 THEN 'fakturor, betalning och autogiro' WHEN 1 THEN 'kön, erbjudanden och placering' ELSE 'hämtning, kärl och grovavfall' END || '. Fråga efter personnummer och kontrollera i verksamhetssystemet.',
       '["Kontrollera personnummer","Sök i verksamhetssystemet","Förklara nästa steg"]',
       'Skicka till svarsgruppen om frågan gäller ett beslut.', 'seed', ${sql.instant(String(SEED_YEAR_START / 1000))}
     FROM ${sql.series(counts.articles)} JOIN seed_slot slot ON slot.slot = ((${i} * 7919) % 1000)`,
  );
  await dataSource.query('DROP TABLE seed_slot');
  for (const index of dropped) {
    const t = Date.now();
    await dataSource.query(index.definition);
    log(`index ${index.name}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  await step('analyze', kind === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE');

  const [{ events }] = await dataSource.query('SELECT COUNT(*) AS events FROM case_event');
  log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return {
    ...counts,
    events: Number(events),
    members: GROUPS * MEMBERS_PER_GROUP,
  } satisfies SeedCounts;
}

/** The non-unique indexes of some tables, with the statement that creates each (as the database holds it). */
export async function secondaryIndexes(
  dataSource: DataSource,
  kind: Kind,
  tables: string[],
): Promise<{ name: string; definition: string }[]> {
  const rows: { name: string; definition: string }[] =
    kind === 'postgres'
      ? await dataSource.query(
          `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
           WHERE schemaname = current_schema() AND tablename = ANY($1) AND indexdef NOT LIKE 'CREATE UNIQUE%'
           ORDER BY indexname`,
          [tables],
        )
      : await dataSource.query(
          `SELECT name, sql AS definition FROM sqlite_master
           WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
             AND tbl_name IN (${tables.map(() => '?').join(', ')}) ORDER BY name`,
          tables,
        );
  return rows;
}

function dialect(kind: Kind) {
  if (kind === 'postgres')
    return {
      series: (count: number) => `generate_series(1::bigint, ${count}) AS s(i)`,
      hex: (expr: string, width: number) => `lpad(to_hex(${expr}), ${width}, '0')`,
      id: (prefix: string, expr: string) =>
        `'${prefix}000000-0000-4000-8000-' || lpad(to_hex(${expr}), 12, '0')`,
      instant: (seconds: string) => `to_timestamp(${seconds})`,
      bool: (cond: string) => `(${cond})`,
      true: 'true',
      personalNumber: (expr: string) =>
        `'19' || lpad(((${expr} - 1) % 100)::text, 2, '0') || lpad(((${expr} - 1) / 100 % 12 + 1)::text, 2, '0') || lpad(((${expr} - 1) / 1200 % 28 + 1)::text, 2, '0') || lpad(((${expr} - 1) / 33600 % 1000)::text, 3, '0') || '0'`,
    };
  return {
    series: (count: number) =>
      `(WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${count}) SELECT i FROM seq) AS s`,
    hex: (expr: string, width: number) => `printf('%0${width}x', ${expr})`,
    id: (prefix: string, expr: string) => `'${prefix}000000-0000-4000-8000-' || printf('%012x', ${expr})`,
    instant: (seconds: string) => `strftime('%Y-%m-%d %H:%M:%f', ${seconds}, 'unixepoch')`,
    bool: (cond: string) => `(CASE WHEN ${cond} THEN 1 ELSE 0 END)`,
    true: '1',
    personalNumber: (expr: string) =>
      `'19' || printf('%02d%02d%02d%03d0', (${expr} - 1) % 100, (${expr} - 1) / 100 % 12 + 1, (${expr} - 1) / 1200 % 28 + 1, (${expr} - 1) / 33600 % 1000)`,
  };
}
