import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AccessLog,
  AuditService,
  CallerIdentifications,
  MandateGrants,
  PartyService,
  PersonReader,
  PowersOfAttorney,
  PurposeTies,
  Representations,
  type ChangeSignal,
  type LoadedPlugin,
} from '@frontdoor/core';
import { HubClock } from '@frontdoor/hub';
import { AccessPolicy } from '../platform/access/access-policy';
import { TokenVerifier } from '../platform/auth/token-verifier';
import type { GatewayConfig } from '../platform/config/gateway-config';
import { MANDATE_CHANGES } from '../platform/shared-state/shared-state.providers';

/** Who the caller is and what they may see: tokens, mandates, parties and the audit log. */
export function accessProviders(
  config: GatewayConfig,
  plugins: LoadedPlugin[],
  now?: () => number,
): Provider[] {
  return [
    { provide: PartyService, useFactory: (ds: DataSource) => new PartyService(ds), inject: [DataSource] },
    { provide: AuditService, useFactory: (ds: DataSource) => new AuditService(ds), inject: [DataSource] },
    { provide: AccessLog, useFactory: (ds: DataSource) => new AccessLog(ds), inject: [DataSource] },
    { provide: PurposeTies, useFactory: (ds: DataSource) => new PurposeTies(ds), inject: [DataSource] },
    {
      provide: MandateGrants,
      useFactory: (ds: DataSource, clock: HubClock) => new MandateGrants(ds, () => clock.now().getTime()),
      inject: [DataSource, HubClock],
    },
    {
      provide: AccessPolicy,
      useFactory: (grants: MandateGrants, changes: ChangeSignal, identifications: CallerIdentifications) => {
        const policy = AccessPolicy.forPlugins(
          config.access,
          config.cases,
          plugins,
          grants,
          undefined,
          changes,
        );
        policy.identification.useStore(identifications);
        return policy;
      },
      inject: [MandateGrants, MANDATE_CHANGES, CallerIdentifications],
    },
    {
      provide: PowersOfAttorney,
      useFactory: (ds: DataSource, clock: HubClock) => new PowersOfAttorney(ds, clock.now),
      inject: [DataSource, HubClock],
    },
    {
      provide: Representations,
      useFactory: (powers: PowersOfAttorney, policy: AccessPolicy, reader: PersonReader, clock: HubClock) => {
        const representations = new Representations(powers, policy, (pn) => reader.custody(pn), clock.now);
        // A caller identified on the call as a guardian or an ombud opens what they represent (decision 0089).
        policy.identification.useRepresentations(representations);
        return representations;
      },
      inject: [PowersOfAttorney, AccessPolicy, PersonReader, HubClock],
    },
    { provide: TokenVerifier, useFactory: () => TokenVerifier.create(config.auth, { now }) },
  ];
}
