import { StatusState, type StatusItemInput, type StatusReader } from '@frontdoor/plugin-sdk';
import type {
  ChimneySweepAnswer,
  SweepInstallationAnswer,
  SweepPropertyAnswer,
} from './chimney-sweep-answer.schema';
import {
  NOT_YET_VISITED,
  installationLabel,
  protocolResultCatalogue,
  resultLabel,
  visitLabel,
} from './chimney-sweep.catalogues';
import type { ChimneySweep, ChimneySweepInstallation } from './chimney-sweep.types';

const STAFF: StatusReader = { kind: 'staff' };

/** The earliest date by which a remark must be fixed, if any says one. */
function fixBy(installation: SweepInstallationAnswer): string | undefined {
  return (installation.lastProtocol?.remarks ?? [])
    .map((r) => r.fixBy)
    .filter((d): d is string => !!d)
    .sort()[0];
}

/** The next visit and, after remarks, by when to fix them; worded for the reader. */
function nextStepFor(
  installation: SweepInstallationAnswer,
  property: SweepPropertyAnswer,
  reader: StatusReader,
): string | undefined {
  const parts: string[] = [];
  const result = installation.lastProtocol?.result;
  const deadline = fixBy(installation);
  if ((result === 'REMARKS' || result === 'USAGE_BAN') && deadline)
    parts.push(reader.kind === 'citizen' ? `Åtgärda senast ${deadline}` : `Ska åtgärdas senast ${deadline}`);
  if (installation.nextVisit)
    parts.push(`${visitLabel(installation.nextVisit.kind)} ${installation.nextVisit.date}`);
  // The owner is told whom to call to move the visit; staff read the contractor in the detail.
  if (reader.kind !== 'staff' && installation.nextVisit)
    parts.push(`för att byta tid, ring ${property.contractor.name}, ${property.contractor.phone}`);
  return parts.length ? parts.join('; ') : undefined;
}

/** One status item per fireplace: the last protocol's result and the next visit (SDK 4.1 wording). */
export function chimneySweepStatuses(
  answer: ChimneySweepAnswer | null,
  _today: string,
  reader: StatusReader = STAFF,
): StatusItemInput[] {
  if (!answer) return [];
  return answer.properties.flatMap((property) =>
    property.installations.map((installation) => {
      const protocol = installation.lastProtocol;
      const nextStep = nextStepFor(installation, property, reader);
      return {
        kind: 'chimney-sweep-installation',
        reference: installation.installationId,
        title: `Sotning och brandskyddskontroll, ${installationLabel(installation.kind).toLowerCase()}`,
        state: protocol ? protocolResultCatalogue.lookup(protocol.result).state : StatusState.RECEIVED,
        label: protocol ? resultLabel(protocol.result, reader) : NOT_YET_VISITED[reader.kind],
        updatedAt: new Date(property.updatedAt),
        ...(nextStep ? { nextStep } : {}),
      };
    }),
  );
}

function installationView(installation: SweepInstallationAnswer): ChimneySweepInstallation {
  const protocol = installation.lastProtocol;
  return {
    installationId: installation.installationId,
    kindLabel: installationLabel(installation.kind),
    nextVisitLabel: installation.nextVisit ? visitLabel(installation.nextVisit.kind) : null,
    nextVisitOn: installation.nextVisit?.date ?? null,
    lastProtocol: protocol
      ? {
          protocolId: protocol.protocolId,
          kindLabel: visitLabel(protocol.kind),
          performedOn: protocol.performedOn,
          resultCode: protocol.result,
          state: protocolResultCatalogue.lookup(protocol.result).state,
          resultLabel: protocolResultCatalogue.lookup(protocol.result).label,
          remarks: protocol.remarks.map((r) => ({ code: r.code, text: r.text, fixBy: r.fixBy })),
        }
      : null,
  };
}

/** The `chimneySweep` detail: each property's fireplaces, next visits, last protocols and contractor. */
export function chimneySweepDetail(answer: ChimneySweepAnswer | null): ChimneySweep | null {
  if (!answer) return null;
  return {
    properties: answer.properties.map((property) => ({
      designation: property.designation,
      street: property.address.street,
      contractorName: property.contractor.name,
      contractorPhone: property.contractor.phone,
      installations: property.installations.map(installationView),
    })),
  };
}
