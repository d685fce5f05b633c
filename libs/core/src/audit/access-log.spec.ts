import {
  InvalidAccessLogCursorError,
  READER_KINDS,
  decodeAccessLogCursor,
  encodeAccessLogCursor,
  readerKindOf,
} from './access-log';

describe('the access log’s cursor and reader kinds', () => {
  it('gives back the day and kind a page ended at', () => {
    for (const kind of READER_KINDS)
      expect(decodeAccessLogCursor(encodeAccessLogCursor({ day: '2026-03-29', kind }))).toEqual({
        day: '2026-03-29',
        kind,
      });
  });

  it.each([
    ['not base64 of anything', 'nonsense'],
    ['no kind', Buffer.from('2026-11-15').toString('base64url')],
    ['an unknown kind', Buffer.from('2026-11-15|NOBODY').toString('base64url')],
    ['not a day', Buffer.from('15/11/2026|STAFF').toString('base64url')],
    ['an impossible day', Buffer.from('2026-13-45|STAFF').toString('base64url')],
    ['a row cursor of another list', Buffer.from('2026-11-15T10:00:00.000Z|3f2a').toString('base64url')],
    ['extra parts', Buffer.from('2026-11-15|STAFF|x').toString('base64url')],
  ])('refuses %s', (_, cursor) => {
    expect(() => decodeAccessLogCursor(cursor)).toThrow(InvalidAccessLogCursorError);
  });

  it.each([
    ['agent', 'STAFF'],
    ['case_officer', 'STAFF'],
    ['manager', 'STAFF'],
    ['admin', 'STAFF'],
    ['service', 'SYSTEM'],
    ['citizen', 'OTHER'],
    ['something-new', 'OTHER'],
  ])('tells a %s as %s', (role, kind) => {
    expect(readerKindOf(role)).toBe(kind);
  });

  it.each(['guardian', 'power:6f1c0a52-4a8e-4f4e-9d7e-2b1d1c7e0f00', 'guardian,power:x'])(
    'tells a citizen reading on behalf of the person (%s) as REPRESENTATIVE',
    (basis) => {
      expect(readerKindOf('citizen', basis)).toBe('REPRESENTATIVE');
    },
  );

  it('tells staff answering a representative on the call as STAFF (the row still names the basis)', () => {
    expect(readerKindOf('agent', 'guardian')).toBe('STAFF');
  });
});
