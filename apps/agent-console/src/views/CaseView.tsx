import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { CaseEventType, CaseViewQuery } from '../gql/graphql';
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
      citizenHeadline
      citizenMessage
    }
    emails {
      id
      direction
      disposition
      notAnsweredBecause
      from
      to
      subject
      text
      at
      attachments {
        id
        filename
        contentType
        size
        refusedBecause
      }
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
      citizenMessages {
        key
        notice
        channel
        status
        fallbackUsed
        letterNeeded
        letterSentAt
        updatedAt
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

const EMAIL_ANSWER = graphql(`
  mutation AnswerCaseByEmail($caseId: ID!, $text: String!, $version: Int) {
    answerCaseByEmail(caseId: $caseId, text: $text, version: $version) {
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
  mutation CloseCase($caseId: ID!, $resolution: String!, $citizenText: String, $version: Int) {
    closeCase(caseId: $caseId, resolution: $resolution, citizenText: $citizenText, version: $version) {
      ...CaseState
    }
  }
`);

const PARK = graphql(`
  mutation ParkCase($caseId: ID!, $wakeOn: Date!, $reason: String!, $citizenText: String, $version: Int) {
    parkCase(caseId: $caseId, wakeOn: $wakeOn, reason: $reason, citizenText: $citizenText, version: $version) {
      ...CaseState
    }
  }
`);

const RESUME = graphql(`
  mutation ResumeCase($caseId: ID!, $reason: String!, $citizenText: String, $version: Int) {
    resumeCase(caseId: $caseId, reason: $reason, citizenText: $citizenText, version: $version) {
      ...CaseState
    }
  }
`);

// The fixed line Mina ärenden shows for an event of this type: the hub's one table of them.
const CITIZEN_HEADLINE = graphql(`
  query CitizenHeadline($type: CaseEventType!, $wakeOn: Date) {
    citizenHeadline(type: $type, wakeOn: $wakeOn)
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
  const [emailAnswer] = useMutation(EMAIL_ANSWER);
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
              <div className="citizen-sees" data-testid="citizen-sees">
                {e.citizenHeadline ? (
                  <>
                    <span className="badge">{strings.caseView.citizenSees}</span> {e.citizenHeadline}
                    {e.citizenMessage ? ` ${e.citizenMessage}` : ''}
                  </>
                ) : (
                  <span className="badge internal">{strings.caseView.citizenSeesNothing}</span>
                )}
              </div>
            </li>
          ))}
        </ol>
        {serviceCase.emails.length ? <EmailThread emails={serviceCase.emails} /> : null}
        <CitizenMessages messages={serviceCase.citizenMessages ?? []} />
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
              <ActionForm
                legend={strings.caseView.parkLegend}
                label={strings.caseView.parkReason}
                button={strings.caseView.park}
                audience="both"
                eventType="PARKED"
                withWakeOn
                onSubmit={(reason, citizenText, wakeOn) =>
                  run(
                    () =>
                      park({
                        variables: { caseId: id, wakeOn, reason, citizenText, version: serviceCase.version },
                      }),
                    strings.caseView.parked,
                  )
                }
              />
            ) : null}
            {canAssign && serviceCase.status === 'WAITING_FOR_CUSTOMER' ? (
              <ActionForm
                legend={strings.caseView.resumeLegend}
                label={strings.caseView.resumeReason}
                button={strings.caseView.resume}
                audience="both"
                eventType="RESUMED"
                onSubmit={(reason, citizenText) =>
                  run(
                    () =>
                      resume({
                        variables: { caseId: id, reason, citizenText, version: serviceCase.version },
                      }),
                    strings.caseView.resumed,
                  )
                }
              />
            ) : null}
            <ActionForm
              legend={strings.caseView.replyLegend}
              label={strings.caseView.reply}
              button={strings.caseView.sendReply}
              audience="citizen"
              eventType="REPLIED"
              onSubmit={(text) =>
                run(
                  () => reply({ variables: { caseId: id, text, version: serviceCase.version } }),
                  strings.caseView.saved,
                )
              }
            />
            {serviceCase.contact?.email ? (
              <ActionForm
                legend={strings.caseView.emailAnswerLegend}
                label={strings.caseView.emailAnswer}
                button={strings.caseView.sendEmailAnswer}
                audience="citizen"
                eventType="REPLIED"
                onSubmit={(text) =>
                  run(
                    () => emailAnswer({ variables: { caseId: id, text, version: serviceCase.version } }),
                    strings.caseView.emailAnswerSent,
                  )
                }
              />
            ) : null}
            <ActionForm
              legend={strings.caseView.noteLegend}
              label={strings.caseView.note}
              button={strings.caseView.addNote}
              audience="internal"
              onSubmit={(text) =>
                run(
                  () => note({ variables: { caseId: id, text, version: serviceCase.version } }),
                  strings.caseView.saved,
                )
              }
            />
            <ActionForm
              legend={strings.caseView.closeLegend}
              label={strings.caseView.resolutionInternal}
              button={strings.caseView.close}
              audience="both"
              eventType="CLOSED"
              onSubmit={(text, citizenText) =>
                run(
                  () =>
                    close({
                      variables: { caseId: id, resolution: text, citizenText, version: serviceCase.version },
                    }),
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

/** The case's e-mail in and out, oldest first: who wrote, what, and the files (stopped ones say why). */
function EmailThread({ emails }: { emails: CaseData['emails'] }) {
  return (
    <>
      <h2>{strings.caseView.emails}</h2>
      <ol className="timeline" data-testid="email-thread">
        {emails.map((mail) => (
          <li key={mail.id}>
            <strong>{strings.caseView.emailKinds[mail.disposition] ?? mail.disposition}</strong>{' '}
            <span className="muted">{formatDateTime(mail.at)}</span>
            <div>
              {mail.direction === 'IN'
                ? `${strings.caseView.emailIn}: ${mail.from}`
                : `${strings.caseView.emailOut}: ${mail.to}`}
            </div>
            <div>
              <strong>{mail.subject}</strong>
            </div>
            <div className="email-text">{mail.text}</div>
            {mail.notAnsweredBecause ? (
              <div className="muted">
                {strings.caseView.notAcknowledged} {mail.notAnsweredBecause}
              </div>
            ) : null}
            {mail.attachments.length ? (
              <ul>
                {mail.attachments.map((a) => (
                  <li key={a.id}>
                    {a.filename} ({a.contentType}, {a.size} B)
                    {a.refusedBecause
                      ? ` – ${strings.caseView.attachmentRefused[a.refusedBecause] ?? a.refusedBecause}`
                      : ''}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

/**
 * Who the citizen is and how to reach them (the callback), for those who handle the case.
 * The link to the person's one-screen view is audited with this case as purpose: the console
 * names the open case as purpose of every lookup while it is open.
 */
/** The notices the citizen was sent about the case and how each was delivered (decision 0083). */
function CitizenMessages({ messages }: { messages: NonNullable<CaseData['citizenMessages']> }) {
  if (!messages.length) return null;
  const m = strings.caseView.messages;
  return (
    <>
      <h2>{m.heading}</h2>
      <ul className="plain" data-testid="citizen-messages">
        {messages.map((message) => (
          <li key={message.key}>
            <strong>{m.notice[message.notice] ?? message.notice}</strong>
            {' – '}
            {message.channel ? m.channel[message.channel] : m.noChannel}, {m.status[message.status]}
            {message.fallbackUsed ? ` (${m.fallback})` : ''}
            {message.letterNeeded ? ` – ${message.letterSentAt ? m.letterSent : m.letterNeeded}` : ''}{' '}
            <span className="muted">{formatDateTime(message.updatedAt)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

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

function isConflict(error: unknown): boolean {
  const errors = (error as { errors?: { extensions?: { code?: unknown } }[] }).errors;
  return Array.isArray(errors) && errors.some((e) => e.extensions?.code === 'CONFLICT');
}

/**
 * Who reads what the form writes: `internal` staff only (a note); `both` an internal text and,
 * optionally, one for the citizen ("Syns för invånaren"); `citizen` the text itself is for the
 * citizen (the reply, "Svar till invånaren").
 */
type Audience = 'internal' | 'both' | 'citizen';

/**
 * One case action: its text, and, where the citizen sees the event, the optional citizen text
 * and a preview of exactly what Mina ärenden will show (the hub's fixed line, then the text).
 */
function ActionForm({
  legend,
  label,
  button,
  audience,
  eventType,
  withWakeOn = false,
  onSubmit,
}: {
  legend: string;
  label: string;
  button: string;
  audience: Audience;
  eventType?: CaseEventType;
  withWakeOn?: boolean;
  onSubmit: (text: string, citizenText: string | null, wakeOn: string) => Promise<boolean>;
}) {
  const [text, setText] = useState('');
  const [citizenText, setCitizenText] = useState('');
  const [wakeOn, setWakeOn] = useState('');
  const ids = { text: useId(), citizen: useId(), hint: useId(), wakeOn: useId(), preview: useId() };
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim() || (withWakeOn && !wakeOn)) return;
    if (await onSubmit(text.trim(), citizenText.trim() || null, wakeOn)) {
      setText('');
      setCitizenText('');
    }
  }
  return (
    <form onSubmit={submit} className="text-action">
      <fieldset>
        <legend>{legend}</legend>
        <label htmlFor={ids.text}>{label}</label>
        <textarea
          id={ids.text}
          rows={2}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={audience === 'citizen' && eventType ? ids.preview : undefined}
        />
        {withWakeOn ? (
          <>
            <label htmlFor={ids.wakeOn}>{strings.caseView.wakeOn}</label>
            <input id={ids.wakeOn} type="date" value={wakeOn} onChange={(e) => setWakeOn(e.target.value)} />
          </>
        ) : null}
        {audience === 'both' ? (
          <>
            <label htmlFor={ids.citizen}>{strings.caseView.citizenText}</label>
            <span className="hint" id={ids.hint}>
              {strings.caseView.citizenTextHint}
            </span>
            <textarea
              id={ids.citizen}
              rows={2}
              value={citizenText}
              onChange={(e) => setCitizenText(e.target.value)}
              aria-describedby={eventType ? `${ids.hint} ${ids.preview}` : ids.hint}
            />
          </>
        ) : null}
        {audience !== 'internal' && eventType ? (
          <CitizenPreview
            id={ids.preview}
            type={eventType}
            wakeOn={withWakeOn ? wakeOn : ''}
            text={(audience === 'citizen' ? text : citizenText).trim()}
          />
        ) : null}
        <button type="submit">{button}</button>
      </fieldset>
    </form>
  );
}

/**
 * What the citizen will see, marked up as Mina ärenden's timeline entry (src/views/Cases.tsx in
 * apps/citizen-web): the fixed line from the hub, then the citizen text as written (trimmed).
 */
function CitizenPreview({
  id,
  type,
  wakeOn,
  text,
}: {
  id: string;
  type: CaseEventType;
  wakeOn: string;
  text: string;
}) {
  const { data, error } = useQuery(CITIZEN_HEADLINE, {
    variables: { type, wakeOn: /^\d{4}-\d{2}-\d{2}$/.test(wakeOn) ? wakeOn : null },
  });
  return (
    <div className="citizen-preview" id={id} data-testid="citizen-preview">
      <p className="preview-label">{strings.caseView.preview}</p>
      {error ? (
        <p className="error">
          {strings.caseView.previewFailed} {error.message}
        </p>
      ) : data ? (
        <div className="preview-entry">
          <p className="event">{data.citizenHeadline}</p>
          {text ? <p className="message">{text}</p> : null}
        </div>
      ) : (
        <p className="muted">{strings.loading}</p>
      )}
    </div>
  );
}
