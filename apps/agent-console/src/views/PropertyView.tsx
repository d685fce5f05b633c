import type { LookupWhy } from '../lookup-purpose';
import { useEffect, useRef } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { formatDateTime } from '../format';
import { strings } from '../strings';

const PROPERTY = graphql(`
  query PropertyView($address: String!, $purpose: String, $why: PurposeInput) {
    property(address: $address, purpose: $purpose, why: $why) {
      propertyId
      address
      postalCode
      city
      dataAsOf
      bins {
        binId
        label
        intervalLabel
        sizeLiters
        nextPickup
      }
    }
  }
`);

/** A lookup by address: the property and its waste collection. */
/** `purpose`: why, as for a person lookup (the call or the open case); on the audit row. */
export function PropertyView({
  address,
  purpose,
  why = null,
}: {
  address: string;
  purpose: string;
  why?: LookupWhy | null;
}) {
  const { data, loading, error } = useQuery(PROPERTY, {
    variables: { address, purpose, why },
    fetchPolicy: 'network-only',
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const propertyId = data?.property?.propertyId;
  useEffect(() => {
    // Like the person view: the answer takes the focus, so '/' is free for the next lookup.
    if (propertyId) headingRef.current?.focus();
  }, [propertyId]);
  if (loading && !data) return <p role="status">{strings.loading}</p>;
  const property = data?.property;
  if (!property) {
    return (
      <p role="alert" className="error">
        {error?.message ?? strings.lookup.notFound}
      </p>
    );
  }
  return (
    <section aria-labelledby="property-heading">
      <h1 id="property-heading" ref={headingRef} tabIndex={-1}>
        {strings.property.heading(`${property.address}, ${property.postalCode} ${property.city}`)}
      </h1>
      <p className="muted">
        {strings.property.dataAsOf} {formatDateTime(property.dataAsOf)}
      </p>
      <h2>{strings.property.bins}</h2>
      <ul>
        {property.bins.map((b) => (
          <li key={b.binId}>
            {b.sizeLiters} l, {b.intervalLabel}, {b.label}. {strings.property.nextPickup}: {b.nextPickup}
          </li>
        ))}
      </ul>
    </section>
  );
}
