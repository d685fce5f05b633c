import { useEffect, useRef, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import type { AccessLogPageFragment } from '../gql/graphql';
import { MORE_ACCESS_LOG } from '../queries';
import { dayDate, texts } from '../texts';
import { WithValues } from './Values';

type Group = AccessLogPageFragment['groups'][number];

/** Groups per page: a few days at a time, so the section stays short on a phone. */
export const ACCESS_PAGE_SIZE = 10;

const keyOf = (g: Group) => `${g.day}:${g.readerKind}`;

/**
 * Who has read the citizen's data (GDPR art. 15), day by day and by kind of reader, in plain
 * Swedish; the hub leaves out the citizen's own reads. "Visa fler" fetches the next page, moves
 * focus to its first new item and says how many came (aria-live).
 */
export function AccessHistory({ first }: { first: AccessLogPageFragment }) {
  const client = useApolloClient();
  const [groups, setGroups] = useState<Group[]>(first.groups);
  const [pageInfo, setPageInfo] = useState(first.pageInfo);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const items = useRef(new Map<string, HTMLLIElement>());

  useEffect(() => {
    if (focusKey) items.current.get(focusKey)?.focus();
  }, [focusKey]);

  async function more() {
    if (!pageInfo.endCursor) return;
    setLoading(true);
    setFailed(false);
    setAnnouncement('');
    try {
      const { data } = await client.query({
        query: MORE_ACCESS_LOG,
        variables: { first: ACCESS_PAGE_SIZE, after: pageInfo.endCursor },
        fetchPolicy: 'network-only',
      });
      if (!data) throw new Error('no data');
      const page = data.me.accessLog;
      setGroups((shown) => [...shown, ...page.groups]);
      setPageInfo(page.pageInfo);
      setAnnouncement(
        `${texts.access.moreShown(page.groups.length)}${page.pageInfo.hasNextPage ? '' : ` ${texts.access.noMore}`}`,
      );
      setFocusKey(page.groups[0] ? keyOf(page.groups[0]) : null);
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  }

  const days: { day: string; groups: Group[] }[] = [];
  for (const group of groups) {
    const last = days.at(-1);
    if (last?.day === group.day) last.groups.push(group);
    else days.push({ day: group.day, groups: [group] });
  }

  return (
    <section aria-labelledby="access-heading" data-testid="access-history">
      <h2 id="access-heading">{texts.access.heading}</h2>
      <p>{texts.access.intro}</p>
      {days.length === 0 ? (
        <p>{texts.access.none}</p>
      ) : (
        <ol className="days">
          {days.map(({ day, groups: ofDay }) => (
            <li key={day}>
              <h3>
                <time className="value" dateTime={day}>
                  {dayDate(day)}
                </time>
              </h3>
              <ul className="cards">
                {ofDay.map((g) => (
                  <li
                    key={keyOf(g)}
                    className="card compact"
                    data-testid="access-group"
                    data-key={keyOf(g)}
                    tabIndex={-1}
                    ref={(element) => {
                      if (element) items.current.set(keyOf(g), element);
                      else items.current.delete(keyOf(g));
                    }}
                  >
                    <p>
                      <strong>{g.reader}</strong>{' '}
                      <span className="value">{`(${texts.access.times(g.reads)})`}</span>
                    </p>
                    <p>
                      {texts.access.read}: <WithValues text={g.things.join(', ')} />
                    </p>
                    {g.purposes.length ? (
                      <p className="meta">
                        {texts.access.why}: <WithValues text={g.purposes.join(', ')} />
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {failed ? (
        <p role="alert" className="error">
          {texts.access.moreFailed}
        </p>
      ) : null}
      {pageInfo.hasNextPage ? (
        // aria-disabled, not disabled: a disabled button would drop the keyboard user's focus.
        <button
          type="button"
          className="secondary"
          aria-disabled={loading}
          onClick={() => {
            if (!loading) void more();
          }}
        >
          {loading ? texts.access.loadingMore : texts.access.more}
        </button>
      ) : null}
      <p className="visually-hidden" aria-live="polite" data-testid="access-announcement">
        {announcement}
      </p>
    </section>
  );
}
