import { useQuery } from '@apollo/client/react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { graphql } from '../gql';
import { formatShare } from '../format';
import { strings } from '../strings';
import { CoverageSection } from './CoverageSection';

const MONTHS = 6;

const STATISTICS = graphql(`
  query ServiceStatistics($f0: Date!, $t0: Date!, $f1: Date!, $t1: Date!, $f2: Date!, $t2: Date!, $f3: Date!, $t3: Date!, $f4: Date!, $t4: Date!, $f5: Date!, $t5: Date!) {
    m0: serviceStatistics(from: $f0, to: $t0) {
      ...MonthFigures
      categoryRanking {
        categoryKey
        name
        count
        share
      }
    }
    m1: serviceStatistics(from: $f1, to: $t1) {
      ...MonthFigures
    }
    m2: serviceStatistics(from: $f2, to: $t2) {
      ...MonthFigures
    }
    m3: serviceStatistics(from: $f3, to: $t3) {
      ...MonthFigures
    }
    m4: serviceStatistics(from: $f4, to: $t4) {
      ...MonthFigures
    }
    m5: serviceStatistics(from: $f5, to: $t5) {
      ...MonthFigures
    }
  }
  fragment MonthFigures on ServiceStatisticsInfo {
    from
    to
    contacts
    resolvedAtFirstLine {
      share
      target
      meetsTarget
      basis
    }
    answeredInTime {
      share
      target
      meetsTarget
      basis
      pending
    }
  }
`);

/** The current month and the five before it, as from/to calendar dates (m0 is this month). */
export function monthRanges(today: Date, count = MONTHS): { from: string; to: string; label: string }[] {
  const ranges = [];
  for (let i = 0; i < count; i++) {
    const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - i, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    ranges.push({ from: iso(first), to: iso(last), label: iso(first).slice(0, 7) });
  }
  return ranges;
}

/** Service goals: this month's figures against their targets, and a bar chart per month. */
export function StatsView({ managerial = false }: { managerial?: boolean }) {
  const ranges = monthRanges(new Date());
  const variables = Object.fromEntries(
    ranges.flatMap((r, i) => [
      [`f${i}`, r.from],
      [`t${i}`, r.to],
    ]),
  ) as Record<string, string>;
  const { data, loading, error } = useQuery(STATISTICS, {
    variables: variables as never,
    fetchPolicy: 'network-only',
  });
  if (loading && !data) return <p role="status">{strings.loading}</p>;
  if (!data)
    return (
      <p role="alert" className="error">
        {error?.message}
      </p>
    );
  const months = [data.m0, data.m1, data.m2, data.m3, data.m4, data.m5];
  const current = data.m0;
  const chart = months
    .map((m, i) => ({
      month: ranges[i].label,
      [strings.stats.resolvedAtFirstLine]: Math.round(m.resolvedAtFirstLine.share * 100),
      [strings.stats.answeredInTime]: Math.round(m.answeredInTime.share * 100),
    }))
    .reverse();
  return (
    <section aria-labelledby="stats-heading" data-testid="stats-view">
      <h1 id="stats-heading">{strings.stats.heading}</h1>
      <p>{strings.stats.period(current.from, current.to)}</p>
      <div className="goal-cards">
        <div className="goal">
          <h2>{strings.stats.contacts}</h2>
          <p className="figure">{current.contacts}</p>
        </div>
        <Goal
          title={strings.stats.resolvedAtFirstLine}
          figure={current.resolvedAtFirstLine}
          basis={strings.stats.ofContacts(current.resolvedAtFirstLine.basis)}
        />
        <Goal
          title={strings.stats.answeredInTime}
          figure={current.answeredInTime}
          empty={noAnsweredInTime(current)}
        />
      </div>
      <figure className="chart">
        <figcaption>
          <h2>{strings.stats.perMonth}</h2>
        </figcaption>
        <div role="img" aria-label={strings.stats.chartLabel}>
          <ResponsiveContainer width="100%" height={280}>
            <BarChart data={chart} margin={{ top: 10, right: 20, left: 0, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="month" />
              <YAxis unit=" %" domain={[0, 100]} />
              <Tooltip />
              <Legend />
              <ReferenceLine
                y={Math.round(current.resolvedAtFirstLine.target * 100)}
                stroke="#0b5cad"
                strokeDasharray="6 3"
                label={`${strings.stats.target} ${strings.stats.resolvedAtFirstLine.toLowerCase()} ${formatShare(current.resolvedAtFirstLine.target)}`}
              />
              <ReferenceLine
                y={Math.round(current.answeredInTime.target * 100)}
                stroke="#1e6b24"
                strokeDasharray="2 2"
                label={`${strings.stats.target} ${strings.stats.answeredInTime.toLowerCase()} ${formatShare(current.answeredInTime.target)}`}
              />
              <Bar dataKey={strings.stats.resolvedAtFirstLine} fill="#0b5cad" />
              <Bar dataKey={strings.stats.answeredInTime} fill="#2e7d32" />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <table className="sr-table">
          <caption>{strings.stats.perMonth}</caption>
          <thead>
            <tr>
              <th scope="col">{strings.stats.month}</th>
              <th scope="col">{strings.stats.contacts}</th>
              <th scope="col">{strings.stats.resolvedAtFirstLine}</th>
              <th scope="col">{strings.stats.answeredInTime}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m, i) => (
              <tr key={ranges[i].label}>
                <th scope="row">{ranges[i].label}</th>
                <td>{m.contacts}</td>
                {/* A month without contacts has no share to show: "inga kontakter", not "0 %". */}
                <td>{m.contacts ? formatShare(m.resolvedAtFirstLine.share) : strings.stats.noContacts}</td>
                <td>{m.answeredInTime.basis ? formatShare(m.answeredInTime.share) : noAnsweredInTime(m)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figure>
      {data.m0.categoryRanking.length ? (
        <>
          <h2>{strings.stats.ranking}</h2>
          <ol>
            {data.m0.categoryRanking.map((c) => (
              <li key={c.categoryKey}>
                {c.name}: {strings.stats.count(c.count)} ({formatShare(c.share)})
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <CoverageSection month={ranges[0].label} lastMonth={ranges[1].label} managerial={managerial} />
    </section>
  );
}

/** What a month with no decided forwarded case shows for "answered in time", instead of "0 %". */
function noAnsweredInTime(month: { contacts: number; answeredInTime: { pending?: number | null } }): string {
  if (month.answeredInTime.pending) return strings.stats.noneDecided;
  return month.contacts ? strings.stats.noneForwarded : strings.stats.noContacts;
}

function Goal({
  title,
  figure,
  empty = strings.stats.noContacts,
  basis,
}: {
  title: string;
  figure: { share: number; target: number; meetsTarget: boolean; basis: number; pending?: number | null };
  /** What a figure of nothing says instead of "0 %". */
  empty?: string;
  /** What the share is of, when not the decided cases. */
  basis?: string;
}) {
  // Nothing decided yet is no verdict: open cases not yet due are neither in time nor late.
  const decided = figure.basis > 0;
  return (
    <div className={`goal ${!decided ? 'undecided' : figure.meetsTarget ? 'meets' : 'misses'}`}>
      <h2>{title}</h2>
      <p className="figure">{decided ? formatShare(figure.share) : empty}</p>
      {decided || figure.pending ? (
        <p data-testid="goal-basis">{basis ?? strings.stats.basis(figure.basis, figure.pending)}</p>
      ) : null}
      <p>
        {strings.stats.target} {formatShare(figure.target)} –{' '}
        <strong data-testid="goal-verdict">
          {!decided
            ? strings.stats.notDecided
            : figure.meetsTarget
              ? strings.stats.meets
              : strings.stats.misses}
        </strong>
      </p>
    </div>
  );
}
