import { useId, useState, type FormEvent } from 'react';
import { lookupStarted } from '../lookup-timing';
import { classifyLookup } from '../personal-number';
import { navigate } from '../route';
import { strings } from '../strings';

export const LOOKUP_INPUT_ID = 'lookup-input';

/** Personal number (checked as typed) or address; `/` anywhere focuses it. */
export function LookupForm() {
  const [value, setValue] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const hintId = useId();
  const statusId = useId();
  const input = classifyLookup(value);
  const problem =
    input.kind === 'invalid'
      ? strings.lookup.invalidPersonalNumber
      : submitted && input.kind === 'incomplete'
        ? strings.lookup.incomplete
        : null;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (input.kind === 'personal-number') {
      lookupStarted();
      navigate({ view: 'person', personalNumber: input.personalNumber });
    } else if (input.kind === 'address') {
      navigate({ view: 'property', address: input.address });
    }
  }

  return (
    <form role="search" className="lookup" onSubmit={onSubmit} noValidate>
      <label htmlFor={LOOKUP_INPUT_ID}>{strings.lookup.label}</label>
      <div className="lookup-row">
        <input
          id={LOOKUP_INPUT_ID}
          name="lookup"
          type="search"
          autoComplete="off"
          value={value}
          aria-describedby={`${hintId} ${statusId}`}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => {
            setValue(e.target.value);
            setSubmitted(false);
          }}
        />
        <button type="submit">{strings.lookup.button}</button>
      </div>
      <span id={hintId} className="hint">
        {strings.lookup.hint}
      </span>
      <span id={statusId} role="status" className={problem ? 'field-error' : 'field-ok'}>
        {problem ??
          (input.kind === 'personal-number'
            ? input.coordination
              ? strings.lookup.validCoordinationNumber
              : strings.lookup.validPersonalNumber
            : '')}
      </span>
    </form>
  );
}
