import { useEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { replaceRoute } from '../route';
import { strings } from '../strings';
import { SearchOutcome } from './SearchOutcome';

const CASE_BY_REFERENCE = graphql(`
  query CaseByReference($reference: String!) {
    caseByReference(reference: $reference) {
      id
      reference
      person {
        personalNumber
      }
    }
  }
`);

/**
 * A case reference the citizen quotes: the case's person opens with the case pointed out
 * (an anonymous contact: the case itself). Another group's confidential case is "no hit",
 * exactly like an unknown reference: the hub answers both the same.
 */
export function ReferenceView({ reference }: { reference: string }) {
  const { data, loading, error, refetch } = useQuery(CASE_BY_REFERENCE, {
    variables: { reference },
    fetchPolicy: 'network-only',
  });
  const found = data?.caseByReference;
  useEffect(() => {
    if (!found) return;
    const personalNumber = found.person?.personalNumber;
    replaceRoute(
      personalNumber
        ? { view: 'person', personalNumber, highlight: found.reference }
        : { view: 'case', id: found.id },
    );
  }, [found]);

  if (error)
    return (
      <SearchOutcome kind="failed" onRetry={() => void refetch().catch(() => undefined)}>
        {strings.reference.failed} {error.message}
      </SearchOutcome>
    );
  if (loading || found) return <p role="status">{strings.reference.searching(reference)}</p>;
  return <SearchOutcome kind="no-hit">{strings.reference.noHit(reference)}</SearchOutcome>;
}
