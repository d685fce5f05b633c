import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { formatDateTime } from '../format';
import { strings } from '../strings';

const CALLBACKS = graphql(`
  query Callbacks {
    callbackQueue {
      waiting
      scheduled
      oldestWaitingSince
    }
    myCallback {
      ...HeldCallback
    }
  }
  fragment HeldCallback on Callback {
    id
    number
    queueName
    source
    requestedAt
    requestedTime
    attempts
    expiresAt
  }
`);

const TAKE = graphql(`
  mutation TakeNextCallback {
    takeNextCallback {
      ...HeldCallback
    }
  }
`);

const RECORD = graphql(`
  mutation RecordCallbackOutcome($id: ID!, $outcome: CallbackOutcome!, $retryAt: DateTime) {
    recordCallbackOutcome(callbackId: $id, outcome: $outcome, retryAt: $retryAt) {
      id
      status
      attempts
    }
  }
`);

type Outcome = 'REACHED' | 'NO_ANSWER' | 'RETRY';
const t = strings.callbacks;

/**
 * Callbacks (återuppringning): the agent takes the next one due (the hub gives each to one
 * agent only), rings the number, and records how it went; a retry goes back into the queue.
 */
export function CallbacksView() {
  const { data, loading, error, refetch } = useQuery(CALLBACKS, { fetchPolicy: 'network-only' });
  const [take, taking] = useMutation(TAKE);
  const [record, recording] = useMutation(RECORD);
  const [outcome, setOutcome] = useState<Outcome>('REACHED');
  const [retryAt, setRetryAt] = useState('');
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);
  const held = data?.myCallback ?? null;

  async function takeNext() {
    setFeedback(null);
    try {
      const result = await take();
      if (!result.data?.takeNextCallback) setFeedback({ ok: true, text: t.none });
      await refetch();
    } catch (e) {
      setFeedback({ ok: false, text: `${t.failed} ${(e as Error).message}` });
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!held) return;
    if (outcome === 'RETRY' && !retryAt) {
      setFeedback({ ok: false, text: t.retryAtMissing });
      return;
    }
    try {
      const result = await record({
        variables: {
          id: held.id,
          outcome,
          retryAt: outcome === 'RETRY' ? new Date(retryAt).toISOString() : null,
        },
      });
      setFeedback({ ok: true, text: t.saved(result.data?.recordCallbackOutcome.status ?? '') });
      setOutcome('REACHED');
      setRetryAt('');
      await refetch();
    } catch (e) {
      setFeedback({ ok: false, text: `${t.failed} ${(e as Error).message}` });
      await refetch();
    }
  }

  if (error) return <p role="alert">{t.failed}</p>;
  if (loading && !data) return <p role="status">{strings.loading}</p>;
  const queue = data?.callbackQueue;
  return (
    <section aria-labelledby="callbacks-heading" className="callbacks" data-testid="callbacks-view">
      <h1 id="callbacks-heading">{t.heading}</h1>
      <p data-testid="callbacks-waiting">
        {t.waiting(queue?.waiting ?? 0, queue?.scheduled ?? 0)}
        {queue?.oldestWaitingSince ? ` ${t.oldest(formatDateTime(queue.oldestWaitingSince))}` : ''}
      </p>
      {held ? (
        <form onSubmit={save} aria-labelledby="held-heading" data-testid="held-callback">
          <h2 id="held-heading">{t.held}</h2>
          <dl>
            <div>
              <dt>{t.number}</dt>
              <dd>
                <a href={`tel:${held.number}`} data-testid="callback-number">
                  {held.number}
                </a>
              </dd>
            </div>
            <div>
              <dt>{t.queue}</dt>
              <dd>{held.queueName}</dd>
            </div>
            <div>
              <dt>{t.requestedTime}</dt>
              <dd>{held.requestedTime ? formatDateTime(held.requestedTime) : t.asap}</dd>
            </div>
            <div>
              <dt>{t.requestedAt}</dt>
              <dd>
                {formatDateTime(held.requestedAt)} ({held.source === 'CITIZEN' ? t.byCitizen : t.byPhone})
              </dd>
            </div>
            <div>
              <dt>{t.attempts}</dt>
              <dd>{held.attempts}</dd>
            </div>
          </dl>
          <fieldset>
            <legend>{t.outcome}</legend>
            {(['REACHED', 'NO_ANSWER', 'RETRY'] as const).map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name="callback-outcome"
                  value={value}
                  checked={outcome === value}
                  onChange={() => setOutcome(value)}
                />{' '}
                {t.outcomes[value]}
              </label>
            ))}
          </fieldset>
          {outcome === 'RETRY' ? (
            <label>
              {t.retryAt}{' '}
              <input
                type="datetime-local"
                value={retryAt}
                onChange={(e) => setRetryAt(e.target.value)}
                data-testid="callback-retry-at"
              />
            </label>
          ) : null}
          <button type="submit" disabled={recording.loading}>
            {t.save}
          </button>
        </form>
      ) : (
        <button type="button" onClick={takeNext} disabled={taking.loading} data-testid="take-next-callback">
          {t.take}
        </button>
      )}
      <div role="status" aria-live="polite" data-testid="callback-feedback">
        {feedback ? <p className={feedback.ok ? 'notice' : 'error'}>{feedback.text}</p> : null}
      </div>
    </section>
  );
}
