import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { ContactChannel, ContactReason, PreferredContact } from '../gql/graphql';
import { answerByDay } from '../format';
import { hrefOf } from '../route';
import type { RuntimeConfig } from '../runtime-config';
import { CategoryNotices } from './CategoryNotices';
import { strings } from '../strings';
import type { CurrentCall } from './CallBanner';

export const CONTACT_FIRST_FIELD_ID = 'contact-channel';
const CHANNELS: ContactChannel[] = ['PHONE', 'EMAIL', 'VISIT', 'E_SERVICE', 'LETTER'];
/** Why the citizen got in touch (decision 0086): optional, feeds the avoidable-contacts report. */
const REASONS: ContactReason[] = [
  'STATUS_QUESTION',
  'DOES_NOT_UNDERSTAND_LETTER',
  'WANTS_TO_APPLY',
  'COMPLAINT',
  'ERROR_REPORT',
  'OTHER',
];

// Ranked by the hub: the category's own articles first, then by what the contact is about.
const ARTICLES = graphql(`
  query ContactKnowledge($categoryKey: String!, $text: String) {
    knowledgeForContact(categoryKey: $categoryKey, text: $text, limit: 3) {
      id
      title
      body
      checklist
      routing
      categoryKey
    }
  }
`);

/** The summary as the agent stops typing: the articles are not asked again at every key. */
function useSettled(value: string, ms = 500): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

// The callback details of the person's previous contact, to fill in with one press (the read is audited).
const PREVIOUS_CONTACT = graphql(`
  query PreviousContact($personalNumber: String!) {
    previousContact(personalNumber: $personalNumber) {
      phoneText
      email
      preferred
      fromReference
    }
  }
`);

const REGISTER = graphql(`
  mutation RegisterContact($input: RegisterContactInput!) {
    registerContact(input: $input) {
      id
      reference
      status
      summary
      createdAt
      overdue
      category {
        name
      }
    }
  }
`);

/** The callback this agent holds (Återuppringning): a contact registered now is linked to it. */
const HELD_CALLBACK = graphql(`
  query HeldCallbackForContact {
    myCallback {
      id
      number
    }
  }
`);

const FORWARD = graphql(`
  mutation ForwardCase($caseId: ID!, $answerGroupKey: String!, $message: String!) {
    forwardCase(caseId: $caseId, answerGroupKey: $answerGroupKey, message: $message) {
      id
      reference
      status
      dueAt
      answerGroup {
        key
        name
      }
    }
  }
`);

/** The receipt of a registered contact (the reference to read to the caller first), or why not. */
type Outcome =
  | { kind: 'done'; reference: string; text: string; answerBy: string | null; caseId: string }
  | { kind: 'error'; text: string }
  | null;

/**
 * Registers the contact as a case from the person view: channel, category (with the
 * knowledge base's articles for it beside the form), summary, then resolved at once or
 * forwarded to an answer group, each one button press.
 */
export function ContactForm({
  personalNumber,
  config,
  call = null,
}: {
  personalNumber: string;
  config: RuntimeConfig;
  /** The call on the line: registered with the contact (the contact log links them), its number to call back. */
  call?: CurrentCall | null;
}) {
  const [channel, setChannel] = useState<ContactChannel>('PHONE');
  const [categoryKey, setCategoryKey] = useState('');
  const [summary, setSummary] = useState('');
  const [reason, setReason] = useState<ContactReason | ''>('');
  const [resolution, setResolution] = useState('');
  const [groupKey, setGroupKey] = useState('');
  const [message, setMessage] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [preferred, setPreferred] = useState<PreferredContact>('PHONE');
  const [prefillNote, setPrefillNote] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  // The receipt takes the focus where the agent is (the buttons), not the top of the page.
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);
  // A new call fills in its number to call back on (a Swedish one: answer groups dial only those).
  const callId = call?.callId ?? null;
  const callbackNumber = call?.from?.startsWith('+46') ? call.fromText : null;
  useEffect(() => {
    if (callId && callbackNumber) {
      setPhone(callbackNumber);
      setPreferred('PHONE');
    }
  }, [callId, callbackNumber]);
  const about = useSettled(summary.trim());
  const articles = useQuery(ARTICLES, {
    variables: { categoryKey, text: about || null },
    skip: !categoryKey,
    // The last ranking stays while the next is asked: the list does not blink while typing.
    notifyOnNetworkStatusChange: false,
  });
  const shownArticles = articles.data?.knowledgeForContact ?? articles.previousData?.knowledgeForContact;
  const [register] = useMutation(REGISTER);
  const heldCallback = useQuery(HELD_CALLBACK, { fetchPolicy: 'network-only' }).data?.myCallback ?? null;
  const [forward] = useMutation(FORWARD);
  const previous = useQuery(PREVIOUS_CONTACT, { variables: { personalNumber }, fetchPolicy: 'network-only' });
  const ids = {
    category: useId(),
    reason: useId(),
    summary: useId(),
    resolution: useId(),
    group: useId(),
    message: useId(),
    phone: useId(),
    email: useId(),
    preferred: useId(),
  };
  const earlier = previous.data?.previousContact;
  // A protected person's details arrive blanked: there is nothing to copy then.
  const canPrefill =
    !!earlier &&
    earlier.phoneText !== strings.contact.protectedValue &&
    earlier.email !== strings.contact.protectedValue;

  function prefill() {
    if (!earlier) return;
    setPhone(earlier.phoneText ?? '');
    setEmail(earlier.email ?? '');
    if (earlier.preferred) setPreferred(earlier.preferred);
    setPrefillNote(strings.contact.prefilled(earlier.fromReference ?? ''));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const action = ((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value;
    const problem = !categoryKey
      ? strings.contact.missingCategory
      : !summary.trim()
        ? strings.contact.missingSummary
        : action === 'resolve' && !resolution.trim()
          ? strings.contact.missingResolution
          : action === 'forward' && !groupKey
            ? strings.contact.missingGroup
            : null;
    if (problem) {
      setOutcome({ kind: 'error', text: problem });
      return;
    }
    setBusy(true);
    try {
      const resolved = action === 'resolve';
      const created = await register({
        variables: {
          input: {
            channel,
            categoryKey,
            personalNumber,
            summary,
            contactReason: reason || null,
            resolvedAtFirstLine: resolved,
            resolution: resolved ? resolution : undefined,
            contact:
              phone.trim() || email.trim()
                ? {
                    phone: phone.trim() || null,
                    email: email.trim() || null,
                    preferred: phone.trim() && email.trim() ? preferred : null,
                  }
                : null,
            callId,
            callbackId: heldCallback?.id ?? null,
          },
        },
        // The person's list of contacts shows the new one at once, without asking every department again.
        update(cache, { data }) {
          if (!data) return;
          const person = cache.identify({ __typename: 'Person', personalNumber });
          const added = cache.identify(data.registerContact);
          if (!person || !added) return;
          cache.modify({
            id: person,
            fields: {
              cases: (existing) => (Array.isArray(existing) ? [{ __ref: added }, ...existing] : existing),
            },
          });
        },
      });
      const registered = created.data!.registerContact;
      if (resolved) {
        setOutcome({
          kind: 'done',
          reference: registered.reference,
          text: strings.contact.resolved,
          answerBy: null,
          caseId: registered.id,
        });
      } else {
        const sent = await forward({
          variables: { caseId: registered.id, answerGroupKey: groupKey, message: message.trim() || summary },
        });
        const forwarded = sent.data!.forwardCase;
        setOutcome({
          kind: 'done',
          reference: registered.reference,
          text: strings.contact.forwarded(forwarded.answerGroup?.name ?? groupKey),
          answerBy: forwarded.dueAt ? answerByDay(forwarded.dueAt) : null,
          caseId: registered.id,
        });
      }
      setSummary('');
      setReason('');
      setResolution('');
      setMessage('');
      setPhone('');
      setEmail('');
      setPrefillNote('');
    } catch (error) {
      // The hub names the field it refused; the agent reads why in Swedish.
      const field = (error as { errors?: { extensions?: { field?: unknown } }[] }).errors?.[0]?.extensions
        ?.field;
      const known = typeof field === 'string' ? strings.contact.refused[field] : undefined;
      setOutcome({ kind: 'error', text: known ?? `${strings.contact.failed} ${(error as Error).message}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <aside className="contact" aria-labelledby="contact-heading">
      <form onSubmit={submit} noValidate className="contact-form">
        <h2 id="contact-heading">{strings.contact.heading}</h2>
        {callId ? (
          <p className="muted" data-testid="contact-call">
            {strings.contact.duringCall(callId)}
          </p>
        ) : null}
        {heldCallback ? (
          <p className="muted" data-testid="contact-callback">
            {strings.contact.duringCallback(heldCallback.number)}
          </p>
        ) : null}
        <label htmlFor={CONTACT_FIRST_FIELD_ID}>{strings.contact.channel}</label>
        <select
          id={CONTACT_FIRST_FIELD_ID}
          value={channel}
          onChange={(e) => setChannel(e.target.value as ContactChannel)}
        >
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {strings.channels[c]}
            </option>
          ))}
        </select>
        <label htmlFor={ids.category}>{strings.contact.category}</label>
        <select
          id={ids.category}
          name="category"
          value={categoryKey}
          onChange={(e) => setCategoryKey(e.target.value)}
        >
          <option value="">{strings.contact.chooseCategory}</option>
          {config.categories.map((c) => (
            <option key={c.key} value={c.key}>
              {c.name}
            </option>
          ))}
        </select>
        <label htmlFor={ids.reason}>{strings.contact.reason}</label>
        <select
          id={ids.reason}
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value as ContactReason | '')}
        >
          <option value="">{strings.contact.chooseReason}</option>
          {REASONS.map((r) => (
            <option key={r} value={r}>
              {strings.contactReasons[r]}
            </option>
          ))}
        </select>
        <label htmlFor={ids.summary}>{strings.contact.summary}</label>
        <textarea
          id={ids.summary}
          name="summary"
          rows={3}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
        />
        <fieldset className="callback">
          <legend>{strings.contact.callback}</legend>
          {canPrefill ? (
            <button type="button" onClick={prefill} data-testid="prefill-contact">
              {strings.contact.prefill}
            </button>
          ) : null}
          {prefillNote ? <p className="muted">{prefillNote}</p> : null}
          <label htmlFor={ids.phone}>{strings.contact.phone}</label>
          <input
            id={ids.phone}
            name="phone"
            type="tel"
            autoComplete="off"
            inputMode="tel"
            aria-describedby={`${ids.phone}-hint`}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
          />
          <small id={`${ids.phone}-hint`} className="muted">
            {strings.contact.phoneHint}
          </small>
          <label htmlFor={ids.email}>{strings.contact.email}</label>
          <input
            id={ids.email}
            name="email"
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <label htmlFor={ids.preferred}>{strings.contact.preferred}</label>
          <select
            id={ids.preferred}
            name="preferred"
            value={preferred}
            onChange={(e) => setPreferred(e.target.value as PreferredContact)}
          >
            <option value="PHONE">{strings.preferredContact.PHONE}</option>
            <option value="EMAIL">{strings.preferredContact.EMAIL}</option>
          </select>
        </fieldset>
        <fieldset>
          <legend>{strings.contact.resolve}</legend>
          <label htmlFor={ids.resolution}>{strings.contact.resolution}</label>
          <textarea
            id={ids.resolution}
            name="resolution"
            rows={2}
            value={resolution}
            onChange={(e) => setResolution(e.target.value)}
          />
          <button type="submit" name="action" value="resolve" disabled={busy}>
            {strings.contact.resolve}
          </button>
        </fieldset>
        <fieldset>
          <legend>{strings.contact.forward}</legend>
          <label htmlFor={ids.group}>{strings.contact.answerGroup}</label>
          <select
            id={ids.group}
            name="answerGroup"
            value={groupKey}
            onChange={(e) => setGroupKey(e.target.value)}
          >
            <option value="">–</option>
            {config.answerGroups.map((g) => (
              <option key={g.key} value={g.key}>
                {g.name}
              </option>
            ))}
          </select>
          <label htmlFor={ids.message}>{strings.contact.message}</label>
          <textarea
            id={ids.message}
            name="message"
            rows={2}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
          />
          <button type="submit" name="action" value="forward" disabled={busy}>
            {strings.contact.forward}
          </button>
        </fieldset>
        {/* Right under the buttons, heard at once and focused: stays until the next contact or search. */}
        <div role="status" aria-live="polite" data-testid="contact-outcome" className="outcome">
          {outcome?.kind === 'done' ? (
            <p className="ok receipt" tabIndex={-1} ref={outcomeRef} data-testid="receipt">
              {strings.contact.receipt}{' '}
              <strong className="receipt-reference" data-testid="receipt-reference">
                {outcome.reference}
              </strong>{' '}
              {outcome.text}
              {outcome.answerBy ? ` ${strings.contact.answerBy(outcome.answerBy)}` : ''}{' '}
              <a href={hrefOf({ view: 'case', id: outcome.caseId })}>{strings.contact.openCase}</a>
            </p>
          ) : outcome?.kind === 'error' ? (
            <p className="error" tabIndex={-1} ref={outcomeRef}>
              {outcome.text}
            </p>
          ) : null}
        </div>
      </form>
      <CategoryNotices categoryKey={categoryKey} />
      <section aria-labelledby="articles-heading" className="articles" data-testid="articles">
        <h2 id="articles-heading">{strings.contact.articles}</h2>
        {!categoryKey ? (
          <p className="muted">{strings.contact.chooseCategory}</p>
        ) : articles.error ? (
          <p role="alert" className="error">
            {strings.contact.articlesFailed}{' '}
            <button type="button" onClick={() => void articles.refetch().catch(() => undefined)}>
              {strings.contact.retry}
            </button>
          </p>
        ) : shownArticles?.length ? (
          <ol className="plain article-list">
            {shownArticles.map((a) => (
              <li key={a.id}>
                {/* A disclosure: the title to choose by, the article when opened (Enter or Space). */}
                <details className="article" data-testid="article">
                  <summary>
                    {a.title}
                    {a.categoryKey !== categoryKey ? (
                      <span className="muted"> ({strings.contact.otherCategory})</span>
                    ) : null}
                  </summary>
                  <p>{a.body}</p>
                  {a.checklist.length ? (
                    <>
                      <h3>{strings.contact.checklist}</h3>
                      <ul>
                        {a.checklist.map((item) => (
                          <li key={item}>{item}</li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                  {a.routing ? (
                    <p>
                      <strong>{strings.contact.routing}:</strong> {a.routing}
                    </p>
                  ) : null}
                </details>
              </li>
            ))}
          </ol>
        ) : articles.loading ? (
          <p role="status">{strings.loading}</p>
        ) : (
          <p>{strings.contact.noArticles}</p>
        )}
      </section>
    </aside>
  );
}
