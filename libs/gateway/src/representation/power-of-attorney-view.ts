import { ALL_OPEN_DEPARTMENTS, stockholmDate, type PowerOfAttorney } from '@frontdoor/core';
import { PowerOfAttorneyInfo, PowerOfAttorneyState } from '../platform/schema/representation.types';

/** A power as GraphQL shows it; `forStaff` names who registered and revoked it. */
export function powerOfAttorneyInfo(
  power: PowerOfAttorney,
  now: Date,
  forStaff: boolean,
): PowerOfAttorneyInfo {
  const today = stockholmDate(now);
  const state = power.revokedAt
    ? PowerOfAttorneyState.REVOKED
    : today < power.validFrom
      ? PowerOfAttorneyState.NOT_YET_VALID
      : power.validTo !== null && today > power.validTo
        ? PowerOfAttorneyState.EXPIRED
        : PowerOfAttorneyState.ACTIVE;
  return {
    id: power.id,
    principalPersonalNumber: power.principalPersonalNumber,
    agentPersonalNumber: power.agentPersonalNumber,
    departments: power.departments.filter((d) => d !== ALL_OPEN_DEPARTMENTS),
    allOpenDepartments: power.departments.includes(ALL_OPEN_DEPARTMENTS),
    validFrom: power.validFrom,
    validTo: power.validTo,
    state,
    registeredBy: forStaff ? power.registeredBy : null,
    registeredAt: power.registeredAt,
    revokedBy: forStaff ? power.revokedBy : null,
    revokedAt: power.revokedAt,
  };
}
