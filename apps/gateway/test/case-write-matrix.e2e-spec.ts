import { DEMO_CASE_SETUP, startHub, type TestHub } from '@frontdoor/testing';

/**
 * Refused means nothing happened (issue 21): every case mutation, by every kind of writer, on
 * a case at the first line and on a forwarded one, confidential (sekretess) or not. A refusal
 * answers FORBIDDEN and leaves the database exactly as it was: the case row, its events, the
 * outbox, the job queue and the mail log. An allowed write is not refused (it may still break a
 * state rule, never an access one). The expectations are this file's own table, written from
 * the rule as the product states it, not from the code that enforces it.
 */
const DATABASE = process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite';
/** A wake-up date a month ahead: within the year a case may be parked. */
const WAKE_ON = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

type Writer =
  | 'registrar'
  | 'otherAgent'
  | 'groupOfficer'
  | 'groupManager'
  | 'otherGroupOfficer'
  | 'unrelatedManager'
  | 'admin';
type Mutation =
  'note' | 'forward' | 'assign' | 'reply' | 'emailAnswer' | 'close' | 'park' | 'resume' | 'reopen';
type Stage = 'firstLine' | 'forwarded';

interface CaseKind {
  label: string;
  category: string;
  group: string;
  confidential: boolean;
  subjects: Record<Writer, { role: string; sub: string }>;
}

const SHARED = {
  registrar: { role: 'agent', sub: 'agent-alva' },
  otherAgent: { role: 'agent', sub: 'agent-bo' },
  otherGroupOfficer: { role: 'case_officer', sub: 'officer-nina' }, // ekonomi
  unrelatedManager: { role: 'manager', sub: 'manager-mona' }, // manages no answer group
  admin: { role: 'admin', sub: 'admin-adam' },
};
const KINDS: CaseKind[] = [
  {
    label: 'an open category',
    category: 'barnomsorgsplats',
    group: 'forskola',
    confidential: false,
    subjects: {
      ...SHARED,
      groupOfficer: { role: 'case_officer', sub: 'officer-karin' },
      groupManager: { role: 'manager', sub: 'manager-eva' },
    },
  },
  {
    label: 'a confidential category',
    category: 'forsorjningsstod',
    group: 'socialtjanst',
    confidential: true,
    subjects: {
      ...SHARED,
      groupOfficer: { role: 'case_officer', sub: 'officer-sara' },
      groupManager: { role: 'manager', sub: 'manager-per' },
    },
  },
];

/** The mutations, each on the case in the state where it makes sense (so an allowed one can succeed). */
const MUTATIONS: Record<Mutation, { document: string; stages: Stage[] }> = {
  note: { document: 'addCaseNote(caseId: $id, text: "Ringde igen")', stages: ['firstLine', 'forwarded'] },
  // To the other officer's own group: pulling a case into one's group is refused like any move.
  forward: {
    document: 'forwardCase(caseId: $id, answerGroupKey: "ekonomi", message: "Till fakturor")',
    stages: ['firstLine', 'forwarded'],
  },
  assign: { document: 'assignCase(caseId: $id)', stages: ['forwarded'] },
  reply: { document: 'replyToCitizen(caseId: $id, text: "Svar")', stages: ['firstLine', 'forwarded'] },
  // The answer by e-mail is a reply: the same rule (on a case with an address to answer to).
  emailAnswer: {
    document: 'answerCaseByEmail(caseId: $id, text: "Svar")',
    stages: ['firstLine', 'forwarded'],
  },
  close: { document: 'closeCase(caseId: $id, resolution: "Klart")', stages: ['firstLine', 'forwarded'] },
  park: {
    document: `parkCase(caseId: $id, wakeOn: "${WAKE_ON}", reason: "Väntar")`,
    stages: ['forwarded'],
  },
  resume: { document: 'resumeCase(caseId: $id, reason: "Svarade")', stages: ['forwarded'] },
  reopen: { document: 'reopenCase(caseId: $id, reason: "Igen")', stages: ['firstLine', 'forwarded'] },
};

/** Who may, as the product states it (docs/security.md, "Who may see and do what"). */
function allowed(writer: Writer, mutation: Mutation, stage: Stage, kind: CaseKind): boolean {
  const role = kind.subjects[writer].role;
  // Assigning, parking and resuming are an answer group's work.
  if (['assign', 'park', 'resume'].includes(mutation) && role === 'agent') return false;
  if (kind.confidential) {
    // Closed to all but its answer group and the agent who registered it; admins included.
    if (stage === 'firstLine') return writer === 'registrar';
    return (
      ['groupOfficer', 'groupManager'].includes(writer) || (writer === 'registrar' && mutation === 'note')
    );
  }
  // At the first line: its agents, their managers and admins; an answer group's officer has no part.
  if (stage === 'firstLine') return role !== 'case_officer';
  return (
    ['groupOfficer', 'groupManager', 'admin'].includes(writer) ||
    (writer === 'registrar' && mutation === 'note')
  );
}

describe(`case writes on ${DATABASE}: refused means nothing happened`, () => {
  let hub: TestHub;
  const tokens = new Map<string, string>();
  const tokenOf = async (who: { role: string; sub: string }) => {
    if (!tokens.has(who.sub)) tokens.set(who.sub, await hub.token(who.role, who.sub));
    return tokens.get(who.sub)!;
  };
  let outcomes = 0;

  beforeAll(async () => {
    hub = await startHub({ plugins: {}, cases: DEMO_CASE_SETUP, env: { JOBS_IN_PROCESS: 'false' } });
  });
  afterAll(async () => {
    await hub?.close();
    // The matrix's size, for the record (issue 21's note).
    console.log(`case write matrix on ${DATABASE}: ${outcomes} writes checked`);
  });

  const mutate = async (token: string, document: string, id: string) =>
    hub.graphql(`mutation($id: ID!) { ${document} { id } }`, { id }, { token });

  /** A case of the kind in the state the mutation needs, made by those who may. */
  async function caseFor(kind: CaseKind, stage: Stage, mutation: Mutation): Promise<string> {
    const registrar = await tokenOf(kind.subjects.registrar);
    const groupOfficer = await tokenOf(kind.subjects.groupOfficer);
    const registered = await hub.graphql<{ registerContact: { id: string } }>(
      `mutation { registerContact(input: { channel: PHONE, categoryKey: "${kind.category}", personalNumber: "19900101-2385", summary: "Fråga"${mutation === 'emailAnswer' ? ', contact: { email: "anna@example.org" }' : ''} }) { id } }`,
      {},
      { token: registrar },
    );
    const id = registered.data!.registerContact.id;
    const step = async (token: string, document: string) => {
      const answer = await mutate(token, document, id);
      if (answer.errors) throw new Error(`${document}: ${JSON.stringify(answer.errors)}`);
    };
    if (stage === 'firstLine') {
      if (mutation === 'reopen') await step(registrar, MUTATIONS.close.document);
      return id;
    }
    await step(registrar, `forwardCase(caseId: $id, answerGroupKey: "${kind.group}", message: "Ring upp")`);
    if (mutation === 'resume') await step(groupOfficer, MUTATIONS.park.document);
    if (mutation === 'reopen') await step(groupOfficer, MUTATIONS.close.document);
    return id;
  }

  /**
   * Everything a write could leave behind on this case: its row, its events, the jobs it asked
   * for (in the outbox or on the queue: their ids name the case) and the mails owed. Jobs do
   * not run in this hub (JOBS_IN_PROCESS=false), so nothing changes but what requests write.
   */
  async function snapshot(id: string) {
    const ds = hub.dataSource;
    const p = DATABASE === 'SQLite' ? '?' : '$1';
    const count = async (sql: string, value: string) =>
      Number((await ds.query(sql.replace('?', p), [value]))[0].n as number | string);
    return {
      case: await ds.query(`SELECT * FROM service_case WHERE id = ${p}`, [id]),
      events: await count('SELECT count(*) AS n FROM case_event WHERE case_id = ?', id),
      outbox: await count('SELECT count(*) AS n FROM job_outbox WHERE job_id LIKE ?', `%${id}%`),
      jobs: await count('SELECT count(*) AS n FROM job WHERE id LIKE ?', `%${id}%`),
      mails: await count('SELECT count(*) AS n FROM mail_delivery WHERE key LIKE ?', `%${id}%`),
      emails: await count('SELECT count(*) AS n FROM email_message WHERE case_id = ?', id),
    };
  }

  for (const kind of KINDS)
    for (const [mutation, { document, stages }] of Object.entries(MUTATIONS) as [
      Mutation,
      (typeof MUTATIONS)[Mutation],
    ][])
      for (const stage of stages)
        it(`${mutation} on ${kind.label}, ${stage === 'firstLine' ? 'at the first line' : 'forwarded'}`, async () => {
          const writers = Object.keys(kind.subjects) as Writer[];
          // One case for all the refusals (a refusal changes nothing, which is what is checked).
          const refusedCase = await caseFor(kind, stage, mutation);
          for (const writer of writers) {
            const token = await tokenOf(kind.subjects[writer]);
            if (allowed(writer, mutation, stage, kind)) {
              const id = await caseFor(kind, stage, mutation);
              const answer = await mutate(token, document, id);
              expect({ writer, errors: answer.errors }).toEqual({ writer, errors: undefined });
            } else {
              const before = await snapshot(refusedCase);
              const answer = await mutate(token, document, refusedCase);
              expect({ writer, code: answer.errors?.[0]?.extensions?.code }).toEqual({
                writer,
                code: 'FORBIDDEN',
              });
              expect({ writer, after: await snapshot(refusedCase) }).toEqual({ writer, after: before });
            }
            outcomes++;
          }
        });
});
