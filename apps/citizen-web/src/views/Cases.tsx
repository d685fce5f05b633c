import { useState } from 'react';
import type { CitizenPageQuery } from '../gql/graphql';
import { dateTime, shortDate, texts } from '../texts';
import { WithValues } from './Values';

type Case = CitizenPageQuery['me']['person']['cases'][number];

/** The id of a case's card, so "Att göra" can link to it (#arende-FD-2026-4QFJ8E). */
export const caseAnchor = (reference: string) => `arende-${reference.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/**
 * The citizen's cases with the parcel-tracking timeline: per event the hub's fixed line
 * (`citizenHeadline`) and only text written for the citizen (`message`); the hub leaves out
 * internal events, staff text and names.
 */
export function Cases({ cases }: { cases: Case[] }) {
  return (
    <section aria-labelledby="cases-heading" data-testid="cases">
      <h2 id="cases-heading">{texts.cases.heading}</h2>
      {cases.length === 0 ? (
        <p>{texts.cases.none}</p>
      ) : (
        <ul className="cards">
          {cases.map((c) => (
            <CaseCard key={c.id} serviceCase={c} />
          ))}
        </ul>
      )}
    </section>
  );
}

function CaseCard({ serviceCase: c }: { serviceCase: Case }) {
  const [open, setOpen] = useState(false);
  const timelineId = `timeline-${c.id}`;
  return (
    // tabIndex -1: a link from "Att göra" moves the focus here, so a screen reader reads on from the card.
    <li className="card" data-reference={c.reference} id={caseAnchor(c.reference)} tabIndex={-1}>
      <h3>
        {c.category.name}, ärende <span className="value">{c.reference}</span>
      </h3>
      <p>{texts.cases.status[c.status]}</p>
      {c.status !== 'CLOSED' && c.dueText ? (
        <p>
          {texts.cases.answerBy} <WithValues text={c.dueText} />.
        </p>
      ) : null}
      <p className="meta">
        <time className="value" dateTime={c.createdAt}>
          {shortDate(c.createdAt)}
        </time>
        {c.answerGroup ? ` · ${c.answerGroup.name}` : ''}
      </p>
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        aria-controls={timelineId}
        onClick={() => setOpen(!open)}
      >
        {open ? texts.cases.hide : texts.cases.show}
      </button>
      {open ? (
        <ol id={timelineId} className="timeline" aria-label={`Händelser i ärende ${c.reference}`}>
          {c.events.map((e, i) => (
            <li key={i}>
              <p className="event">{e.citizenHeadline}</p>
              <p className="meta">
                <time dateTime={e.at}>{dateTime(e.at)}</time>
              </p>
              {e.message ? <p className="message">{e.message}</p> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </li>
  );
}
