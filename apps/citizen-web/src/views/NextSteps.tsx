import type { CitizenPageQuery } from '../gql/graphql';
import { kronor, shortDate, texts } from '../texts';
import { caseAnchor } from './Cases';
import { WithValues } from './Values';

type Person = CitizenPageQuery['me']['person'];
type Status = Person['statuses'][number];

/** The hub validated the link (https or a #anchor on this page); this page checks again before it links. */
const safeUrl = (url: string) => /^https:\/\/[^\s]+$/.test(url) || /^#[A-Za-z0-9][A-Za-z0-9_-]*$/.test(url);

/** What the citizen must do next, and by when, first on the page: matters and cases waiting for them. */
export function NextSteps({ statuses, cases }: { statuses: Person['statuses']; cases: Person['cases'] }) {
  const items = [
    ...statuses
      .filter((s) => s.state === 'WAITING_FOR_CUSTOMER')
      .map((s) => ({
        key: `${s.source}:${s.reference}`,
        title: s.title,
        what: s.nextStep ?? s.label,
        by: s.dueDate ?? null,
        // A next step that already names its date ("senast 2026-12-05") is not told it twice.
        byInText: !!s.dueDate && !!s.nextStep?.includes(s.dueDate),
      })),
    ...cases
      .filter((c) => c.status === 'WAITING_FOR_CUSTOMER')
      .map((c) => {
        // The hub's fixed line and the text written for the citizen, never staff text (issue 23);
        // the line for the latest parking names the date it waits until, in words.
        const line = lineOf(c.events.filter((e) => e.type === 'PARKED').at(-1));
        return {
          key: c.id,
          title: `${c.category.name}, ärende ${c.reference}`,
          what: line ?? texts.cases.status.WAITING_FOR_CUSTOMER,
          by: c.wakeDate ?? null,
          byInText: !!line,
        };
      }),
  ].sort((a, b) => (a.by ?? '9999').localeCompare(b.by ?? '9999'));
  const doing = whereItIsDone(statuses, cases);
  return (
    <section aria-labelledby="todo-heading" className="todo" data-testid="next-steps">
      <h2 id="todo-heading">{texts.todo.heading}</h2>
      {items.length === 0 ? (
        <p>{texts.todo.none}</p>
      ) : (
        <ul className="cards">
          {items.map((item) => (
            <li key={item.key} className="card attention">
              <h3>
                <WithValues text={item.title} />
              </h3>
              <p>
                <WithValues text={item.what} />
              </p>
              {item.by && !item.byInText ? (
                <p className="by">
                  {texts.todo.by}{' '}
                  <time className="value" dateTime={item.by}>
                    {shortDate(item.by)}
                  </time>
                </p>
              ) : null}
              <WhereItIsDone {...doing.get(item.key)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function lineOf(
  event: { citizenHeadline: string | null; message: string | null } | undefined,
): string | null {
  if (!event?.citizenHeadline) return null;
  return event.message ? `${event.citizenHeadline} ${event.message}` : event.citizenHeadline;
}

interface Doing {
  action?: { label: string; url: string };
  payment?: NonNullable<Status['payment']>;
}

/**
 * Where each item is done, by the item's key: a department's link and payment details from its
 * plugin; for a case of the hub waiting for the citizen, the case's card below, where they read
 * what is needed.
 */
function whereItIsDone(statuses: Person['statuses'], cases: Person['cases']): Map<string, Doing> {
  const doing = new Map<string, Doing>();
  for (const s of statuses)
    doing.set(`${s.source}:${s.reference}`, {
      action: s.action && safeUrl(s.action.url) ? s.action : undefined,
      payment: s.payment ?? undefined,
    });
  for (const c of cases)
    doing.set(c.id, { action: { label: texts.todo.readWhatWeNeed, url: `#${caseAnchor(c.reference)}` } });
  return doing;
}

function WhereItIsDone({ action, payment }: Doing) {
  return (
    <>
      {payment ? <Payment payment={payment} /> : null}
      {action ? (
        <p>
          <a className="action" href={action.url} data-testid="todo-action">
            {action.label}
          </a>
        </p>
      ) : null}
    </>
  );
}

function Payment({ payment }: { payment: NonNullable<Status['payment']> }) {
  return (
    <dl className="payment" aria-label={texts.todo.pay} data-testid="todo-payment">
      <div>
        <dt>{texts.todo.amount}</dt>
        <dd className="value">{kronor(payment.amountOre)}</dd>
      </div>
      <div>
        <dt>{texts.todo.bankgiro}</dt>
        <dd className="value">{payment.bankgiro}</dd>
      </div>
      <div>
        <dt>{texts.todo.ocr}</dt>
        <dd className="value">{payment.ocr}</dd>
      </div>
    </dl>
  );
}
