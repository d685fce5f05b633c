import { DEMO_CASE_SETUP, startHub, type TestHub } from '@frontdoor/testing';

describe('paging the case list', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub({ cases: DEMO_CASE_SETUP });
  });
  afterAll(() => hub?.close());

  it.each([
    'garbage',
    Buffer.from('not-a-date|x').toString('base64url'),
    Buffer.from('2026-11-24T09:00:00Z|').toString('base64url'),
  ])('refuses a cursor it never gave out (%s) as BAD_USER_INPUT on `after`', async (cursor) => {
    const { data, errors } = await hub.graphql(
      `query($after: String) { cases(first: 5, after: $after) { totalCount } }`,
      {
        after: cursor,
      },
    );
    expect(data).toBeNull();
    expect(errors?.[0]).toMatchObject({
      message: 'after: not a cursor from this list.',
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
  });
});
