import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { formatDateTime } from '../format';
import { hrefOf } from '../route';
import { strings } from '../strings';

// What every case action returns: the case's state and its whole timeline, so the view updates from the answer.
graphql(`
  fragment CaseState on CaseInfo {
    id
    status
    overdue
    resolution
    assigneeSubject
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
  mutation ReplyToCitizen($caseId: ID!, $text: String!) {
    replyToCitizen(caseId: $caseId, text: $text) {
      ...CaseState
    }
  }
`);

const NOTE = graphql(`
  mutation AddCaseNote($caseId: ID!, $text: String!) {
    addCaseNote(caseId: $caseId, text: $text) {
      ...CaseState
    }
  }
`);

const CLOSE = graphql(`
  mutation CloseCase($caseId: ID!, $resolution: String!) {
    closeCase(caseId: $caseId, resolution: $resolution) {
      ...CaseState
    }
  }
`);

const ASSIGN = graphql(`
  mutation AssignCase($caseId: ID!) {
    assignCase(caseId: $caseId) {
      ...CaseState
    }
  }
`);

/** One case: its timeline, and reply, note and close, each a small form. */
export function CaseView({
  id,
  canAssign,
  onOpen,
}: {
  id: string;
  canAssign: boolean;
  onOpen: (caseId: string | null) => void;
}) {
  const { data, loading, error } = useQuery(CASE, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [reply] = useMutation(REPLY);
  const [note] = useMutation(NOTE);
  const [close] = useMutation(CLOSE);
  const [assign] = useMutation(ASSIGN);
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

  async function run(action: () => Promise<unknown>, done: string) {
    try {
      await action();
      setFeedback({ ok: true, text: done });
      return true;
    } catch (e) {
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
            {serviceCase.overdue ? <strong className="overdue"> {strings.queue.overdue}</strong> : null}
          </dd>
          <dt>{strings.queue.category}</dt>
          <dd>{serviceCase.category.name}</dd>
          <dt>{strings.contact.channel}</dt>
          <dd>{strings.channels[serviceCase.channel]}</dd>
          {serviceCase.answerGroup ? (
            <>
              <dt>{strings.queue.group}</dt>
              <dd>{serviceCase.answerGroup.name}</dd>
            </>
          ) : null}
          <dt>{strings.queue.dueAt}</dt>
          <dd>{formatDateTime(serviceCase.dueAt)}</dd>
          <dt>{strings.caseView.assignee}</dt>
          <dd>{serviceCase.assigneeSubject ?? '–'}</dd>
          <dt>{strings.queue.summary}</dt>
          <dd>{serviceCase.summary}</dd>
        </dl>
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
            {canAssign ? (
              <button
                type="button"
                onClick={() => run(() => assign({ variables: { caseId: id } }), strings.caseView.saved)}
              >
                {strings.caseView.assign}
              </button>
            ) : null}
            <TextAction
              label={strings.caseView.reply}
              button={strings.caseView.sendReply}
              onSubmit={(text) =>
                run(() => reply({ variables: { caseId: id, text } }), strings.caseView.saved)
              }
            />
            <TextAction
              label={strings.caseView.note}
              button={strings.caseView.addNote}
              onSubmit={(text) =>
                run(() => note({ variables: { caseId: id, text } }), strings.caseView.saved)
              }
            />
            <TextAction
              label={strings.caseView.resolution}
              button={strings.caseView.close}
              onSubmit={(text) =>
                run(() => close({ variables: { caseId: id, resolution: text } }), strings.caseView.closed)
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
