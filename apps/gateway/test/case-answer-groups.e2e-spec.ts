import { DEMO_CASE_SETUP, startHub, type TestHub } from '@frontdoor/testing';

/**
 * A forwarded case belongs to its answer group: only the group's members and manager (and
 * admins) assign, reply, close or reopen it. Karin is in the preschool group (forskola),
 * Eva manages it, Nina is in the invoicing group (ekonomi); Alva is first line.
 */
describe('answer-group membership on forwarded cases', () => {
  let hub: TestHub;
  let tokens: Record<'alva' | 'karin' | 'eva' | 'nina' | 'admin', string>;

  const call = (token: string, mutation: string, id: string) =>
    hub.graphql<Record<string, { status: string }>>(mutation, { id }, { token });
  const forwardedCase = async () => {
    const registered = await hub.graphql<{ registerContact: { id: string } }>(
      'mutation { registerContact(input: { channel: PHONE, categoryKey: "barnomsorgsplats", summary: "Fråga om kön" }) { id } }',
      {},
      { token: tokens.alva },
    );
    const id = registered.data!.registerContact.id;
    const forwarded = await call(
      tokens.alva,
      'mutation($id: ID!) { forwardCase(caseId: $id, answerGroupKey: "forskola", message: "Ring upp") { status } }',
      id,
    );
    expect(forwarded.errors).toBeUndefined();
    return id;
  };

  beforeAll(async () => {
    hub = await startHub({ plugins: {}, cases: DEMO_CASE_SETUP });
    tokens = {
      alva: await hub.token('agent', 'agent-alva'),
      karin: await hub.token('case_officer', 'officer-karin'),
      eva: await hub.token('manager', 'manager-eva'),
      nina: await hub.token('case_officer', 'officer-nina'),
      admin: await hub.token('admin', 'admin-adam'),
    };
  });
  afterAll(() => hub?.close());

  const REPLY = 'mutation($id: ID!) { replyToCitizen(caseId: $id, text: "Du står på plats 3") { status } }';
  const CLOSE = 'mutation($id: ID!) { closeCase(caseId: $id, resolution: "Besvarat") { status } }';
  const ASSIGN = 'mutation($id: ID!) { assignCase(caseId: $id) { status } }';

  it.each([
    ['an officer of another group', 'nina', REPLY],
    ['an officer of another group', 'nina', CLOSE],
    ['an officer of another group', 'nina', ASSIGN],
    ['the first-line agent who forwarded it', 'alva', CLOSE],
    ['the first-line agent who forwarded it', 'alva', REPLY],
  ] as const)('refuses %s (%s): %s', async (_label, who, mutation) => {
    const id = await forwardedCase();
    const response = await call(tokens[who], mutation, id);
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(response.errors?.[0].message).toMatch(
      /^This case is with Svarsgrupp förskola; only its members may/,
    );
    const after = await hub.graphql<{ case: { status: string } }>(
      'query($id: ID!) { case(id: $id) { status } }',
      { id },
      { token: tokens.karin },
    );
    expect(after.data!.case.status).toBe('FORWARDED');
  });

  it('lets the group’s member take, answer and close it, and its manager reopen it', async () => {
    const id = await forwardedCase();
    expect((await call(tokens.karin, ASSIGN, id)).errors).toBeUndefined();
    expect((await call(tokens.karin, REPLY, id)).errors).toBeUndefined();
    expect((await call(tokens.karin, CLOSE, id)).data).toEqual({ closeCase: { status: 'CLOSED' } });
    const reopened = await call(
      tokens.eva,
      'mutation($id: ID!) { reopenCase(caseId: $id, reason: "Nytt samtal") { status } }',
      id,
    );
    expect(reopened.errors).toBeUndefined();
  });

  it('lets an admin act on any group’s case', async () => {
    const id = await forwardedCase();
    expect((await call(tokens.admin, CLOSE, id)).errors).toBeUndefined();
  });

  it('lets anyone who may see the case add a note (the first line hears new things on the phone)', async () => {
    const id = await forwardedCase();
    const note = await call(
      tokens.alva,
      'mutation($id: ID!) { addCaseNote(caseId: $id, text: "Ringde igen") { status } }',
      id,
    );
    expect(note.errors).toBeUndefined();
  });

  it('refuses to assign a forwarded case to someone outside its group', async () => {
    const id = await forwardedCase();
    const response = await hub.graphql(
      'mutation($id: ID!) { assignCase(caseId: $id, assigneeSubject: "officer-nina") { status } }',
      { id },
      { token: tokens.eva },
    );
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'assigneeSubject',
    });
  });
});
