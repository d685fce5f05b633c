import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { CaseViewQuery } from '../gql/graphql';
import { formatDateTime, formatPersonalNumber, longDate } from '../format';
import { hrefOf } from '../route';
import { strings } from '../strings';

// What every case action returns: the case's state and its whole timeline, so the view updates from the answer.
graphql(`
  fragment CaseState on CaseInfo {
    id
    status
    overdue
    resolution
    version
    assigneeSubject
    assigneeName
    dueText
    dueRemainingText
    wakeDate
    person {
      personalNumber
      name
      protectedIdentity
    }
    contact {
      phone
      phoneText
      email
      preferred
    }
    events {
      type
      at
      actorName
      message
      internal
    }
  }
`);

const CASE = graphql(`
  query CaseView($id: ID!) {
    case(id: $id) {
      ...CaseState
      reference
      channel
      summary
      dueAt
      category {
        name
        slaWorkingDays
      }
      answerGroup {
        name
      }
      suggestedArticles {
        id
        title
      }
    }
  }
`);

const REPLY = graphql(`
  mutation ReplyToCitizen($caseId: ID!, $text: String!, $version: Int) {
    replyToCitizen(caseId: $caseId, text: $text, version: $version) {
      ...CaseState
    }
  }
`);

const NOTE = graphql(`
  mutation AddCaseNote($caseId: ID!, $text: String!, $version: Int) {
    addCaseNote(caseId: $caseId, text: $text, version: $version) {
      ...CaseState
    }
  }
`);

const CLOSE = graphql(`
  mutation CloseCase($caseId: ID!, $resolution: String!, $version: Int) {
    closeCase(caseId: $caseId, resolution: $resolution, version: $version) {
      ...CaseState
    }
  }
`);

const PARK = graphql(`
  mutation ParkCase($caseId: ID!, $wakeOn: Date!, $reason: String!, $version: Int) {
    parkCase(caseId: $caseId, wakeOn: $wakeOn, reason: $reason, version: $version) {
      ...CaseState
    }
  }
`);

const RESUME = graphql(`
  mutation ResumeCase($caseId: ID!, $reason: String!, $version: Int) {
    resumeCase(caseId: $caseId, reason: $reason, version: $version) {
      ...CaseState
    }
  }
`);

const ASSIGN = graphql(`
  mutation AssignCase($caseId: ID!, $version: Int) {
    assignCase(caseId: $caseId, version: $version) {
      ...CaseState
    }
  }
`);

/** One case: its timeline, and reply, note and close, each a small form. */
export function CaseView({
  id,
  canAssign,
  subject,
  onOpen,
}: {
  id: string;
  canAssign: boolean;
  /** The signed-in user: "Ta ärendet" is not offered once the case is theirs. */
  subject: string;
  onOpen: (caseId: string | null) => void;
}) {
  const { data, loading, error, refetch } = useQuery(CASE, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const [reply] = useMutation(REPLY);
  const [note] = useMutation(NOTE);
  const [close] = useMutation(CLOSE);
  const [assign] = useMutation(ASSIGN);
  const [park] = useMutation(PARK);
  const [resume] = useMutation(RESUME);
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const serviceCase = data?.case;
  const open = serviceCase && serviceCase.status !== 'CLOSED';

  useEffect(() => {
    // While a case is open in the console, person lookups name it as their purpose.
    if (serviceCase) onOpen(open ? id : null);
  }, [id, open, serviceCase, onOpen]);
  useEffect(() => {
    if (serviceCase?.id) headingRef.current?.focus();
  }, [serviceCase?.id]);

  async function run(action: () => Promise<unknown>, done: string | ((result: unknown) => string)) {
    try {
      const result = await action();
      setFeedback({ ok: true, text: typeof done === 'function' ? done(result) : done });
      return true;
    } catch (e) {
      if (isConflict(e)) {
        // Someone else saved first: show what they did, keep this user's text to redo.
        await refetch();
        setFeedback({ ok: false, text: strings.caseView.conflict });
        return false;
      }
      setFeedback({ ok: false, text: `${strings.caseView.failed} ${(e as Error).message}` });
      return false;
    }
  }

  if (loading && !serviceCase) return <p role="status">{strings.loading}</p>;
  if (!serviceCase) {
    return (
      <p role="alert" className="error">
        {error?.message ?? strings.lookup.notFound}
      </p>
    );
  }
  return (
    <div className="case-layout" data-testid="case-view">
      <section aria-labelledby="case-heading">
        <p>
          <a href={hrefOf({ view: 'queue' })}>{strings.caseView.back}</a>
        </p>
        <h1 id="case-heading" ref={headingRef} tabIndex={-1}>
          {strings.caseView.heading(serviceCase.reference)}
        </h1>
        <dl className="facts">
          <dt>{strings.queue.status}</dt>
          <dd data-testid="case-status">
            {strings.caseStatus[serviceCase.status]}
            {open && serviceCase.assigneeName
              ? ` – ${strings.caseView.handledBy(serviceCase.assigneeName)}`
              : ''}
            {serviceCase.overdue ? <strong className="overdue"> {strings.queue.overdue}</strong> : null}
          </dd>
          <dt>{strings.queue.category}</dt>
          <dd>
            {serviceCase.category.name} ({strings.caseView.sla(serviceCase.category.slaWorkingDays)})
          </dd>
          <dt>{strings.contact.channel}</dt>
          <dd>{strings.channels[serviceCase.channel]}</dd>
          {serviceCase.answerGroup ? (
            <>
              <dt>{strings.queue.group}</dt>
              <dd>{serviceCase.answerGroup.name}</dd>
            </>
          ) : null}
          <dt>{strings.queue.dueAt}</dt>
          <dd data-testid="case-due">
            {serviceCase.wakeDate
              ? strings.caseView.waitingUntil(longDate(serviceCase.wakeDate))
              : (serviceCase.dueText ?? '–')}
            {serviceCase.dueRemainingText ? ` (${serviceCase.dueRemainingText})` : ''}
          </dd>
          <dt>{strings.caseView.assignee}</dt>
          <dd data-testid="case-assignee">{serviceCase.assigneeName ?? '–'}</dd>
          <dt>{strings.queue.summary}</dt>
          <dd>{serviceCase.summary}</dd>
        </dl>
        <h2>{strings.caseView.citizen}</h2>
        <CitizenFacts serviceCase={serviceCase} />
        <h2>{strings.caseView.timeline}</h2>
        <ol className="timeline" data-testid="timeline">
          {serviceCase.events.map((e, i) => (
            <li key={`${e.type}-${e.at}-${i}`}>
              <strong>{strings.events[e.type] ?? e.type}</strong>{' '}
              <span className="muted">{formatDateTime(e.at)}</span>
              {e.actorName ? ` – ${e.actorName}` : ''}
              {e.message ? <div>{e.message}</div> : null}
            </li>
          ))}
        </ol>
        {serviceCase.suggestedArticles.length ? (
          <>
            <h2>{strings.caseView.suggested}</h2>
            <ul>
              {serviceCase.suggestedArticles.map((a) => (
                <li key={a.id}>{a.title}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section aria-label={strings.caseView.heading(serviceCase.reference)} className="case-actions">
        <div role="status" aria-live="polite" data-testid="case-feedback">
          {feedback ? <p className={feedback.ok ? 'ok' : 'error'}>{feedback.text}</p> : null}
        </div>
        {open ? (
          <>
            {canAssign && serviceCase.assigneeSubject !== subject ? (
              <button
                type="button"
                onClick={() =>
                  run(
                    () => assign({ variables: { caseId: id, version: serviceCase.version } }),
                    (result) =>
                      strings.caseView.assigned(
                        (result as { data?: { assignCase: { assigneeName?: string | null } } }).data
                          ?.assignCase.assigneeName ?? '',
                      ),
                  )
                }
              >
                {strings.caseView.assign}
              </button>
            ) : null}
            {canAssign && serviceCase.status === 'FORWARDED' ? (
              <ParkAction
                onSubmit={(wakeOn, reason) =>
                  run(
                    () => park({ variables: { caseId: id, wakeOn, reason, version: serviceCase.version } }),
                    strings.caseView.parked,
                  )
                }
              />
            ) : null}
            {canAssign && serviceCase.status === 'WAITING_FOR_CUSTOMER' ? (
              <TextAction
                label={strings.caseView.resumeReason}
                button={strings.caseView.resume}
                onSubmit={(reason) =>
                  run(
                    () => resume({ variables: { caseId: id, reason, version: serviceCase.version } }),
                    strings.caseView.resumed,
                  )
                }
              />
            ) : null}
            <TextAction
              label={strings.caseView.reply}
              button={strings.caseView.sendReply}
              onSubmit={(text) =>
                run(
                  () => reply({ variables: { caseId: id, text, version: serviceCase.version } }),
                  strings.caseView.saved,
                )
              }
            />
            <TextAction
              label={strings.caseView.note}
              button={strings.caseView.addNote}
              onSubmit={(text) =>
                run(
                  () => note({ variables: { caseId: id, text, version: serviceCase.version } }),
                  strings.caseView.saved,
                )
              }
            />
            <TextAction
              label={strings.caseView.resolution}
              button={strings.caseView.close}
              onSubmit={(text) =>
                run(
                  () => close({ variables: { caseId: id, resolution: text, version: serviceCase.version } }),
                  strings.caseView.closed,
                )
              }
            />
          </>
        ) : (
          <p>
            {strings.caseView.resolution}: {serviceCase.resolution}
          </p>
        )}
      </section>
    </div>
  );
}

type CaseData = NonNullable<CaseViewQuery['case']>;

/**
 * Who the citizen is and how to reach them (the callback), for those who handle the case.
 * The link to the person's one-screen view is audited with this case as purpose: the console
 * names the open case as purpose of every lookup while it is open.
 */
function CitizenFacts({ serviceCase }: { serviceCase: CaseData }) {
  const { person, contact } = serviceCase;
  if (!person && !contact) return <p className="muted">{strings.caseView.anonymous}</p>;
  return (
    <dl className="facts" data-testid="case-citizen">
      {person ? (
        <>
          <dt>{strings.caseView.name}</dt>
          <dd>
            {person.name ?? '–'}
            {person.protectedIdentity ? (
              <strong className="protected"> {strings.person.protected}</strong>
            ) : null}
          </dd>
          <dt>{strings.caseView.personalNumber}</dt>
          <dd>
            <a href={hrefOf({ view: 'person', personalNumber: person.personalNumber })}>
              {formatPersonalNumber(person.personalNumber)}
            </a>{' '}
            <span className="muted">({strings.caseView.openPerson})</span>
          </dd>
        </>
      ) : null}
      {contact ? (
        <>
          {contact.phoneText ? (
            <>
              <dt>{strings.caseView.phone}</dt>
              <dd data-testid="case-phone">
                {contact.phone?.startsWith('+') ? (
                  <a href={`tel:${contact.phone}`}>{contact.phoneText}</a>
                ) : (
                  contact.phoneText
                )}
              </dd>
            </>
          ) : null}
          {contact.email ? (
            <>
              <dt>{strings.caseView.email}</dt>
              <dd>{contact.email}</dd>
            </>
          ) : null}
          {contact.preferred ? (
            <>
              <dt>{strings.caseView.preferred}</dt>
              <dd>{strings.preferredContact[contact.preferred]}</dd>
            </>
          ) : null}
        </>
      ) : (
        <>
          <dt>{strings.caseView.phone}</dt>
          <dd>{strings.caseView.noContact}</dd>
        </>
      )}
    </dl>
  );
}

/** Park the case until a date: what the group waits for, and when it wakes up by itself. */
function ParkAction({ onSubmit }: { onSubmit: (wakeOn: string, reason: string) => Promise<boolean> }) {
  const [wakeOn, setWakeOn] = useState('');
  const [reason, setReason] = useState('');
  const ids = { wakeOn: useId(), reason: useId() };
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!wakeOn || !reason.trim()) return;
    if (await onSubmit(wakeOn, reason.trim())) setReason('');
  }
  return (
    <form onSubmit={submit} className="text-action">
      <fieldset>
        <legend>{strings.caseView.parkLegend}</legend>
        <label htmlFor={ids.reason}>{strings.caseView.parkReason}</label>
        <textarea id={ids.reason} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        <label htmlFor={ids.wakeOn}>{strings.caseView.wakeOn}</label>
        <input id={ids.wakeOn} type="date" value={wakeOn} onChange={(e) => setWakeOn(e.target.value)} />
        <button type="submit">{strings.caseView.park}</button>
      </fieldset>
    </form>
  );
}

function isConflict(error: unknown): boolean {
  const errors = (error as { errors?: { extensions?: { code?: unknown } }[] }).errors;
  return Array.isArray(errors) && errors.some((e) => e.extensions?.code === 'CONFLICT');
}

function TextAction({
  label,
  button,
  onSubmit,
}: {
  label: string;
  button: string;
  onSubmit: (text: string) => Promise<boolean>;
}) {
  const [text, setText] = useState('');
  const id = useId();
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    if (await onSubmit(text.trim())) setText('');
  }
  return (
    <form onSubmit={submit} className="text-action">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit">{button}</button>
    </form>
  );
}
