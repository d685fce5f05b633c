import { addDays } from '../../clock';

/** The sweep register's own vocabulary (its codes, not Frontdoor's). */
export type InstallationKind =
  'WOOD_STOVE' | 'TILED_STOVE' | 'FIREPLACE' | 'INSERT' | 'WOOD_BOILER' | 'PELLET_BOILER' | 'OIL_BOILER';

export interface SweepInstallation {
  installationId: string;
  kind: InstallationKind;
  nextVisit: { kind: 'SWEEP' | 'INSPECTION'; date: string } | null;
  lastProtocol: {
    protocolId: string;
    kind: 'SWEEP' | 'INSPECTION';
    performedOn: string;
    result: 'NO_REMARKS' | 'REMARKS' | 'USAGE_BAN';
    remarks: { code: string; text: string; fixBy: string | null }[];
  } | null;
}

export interface SweepProperty {
  propertyId: string;
  designation: string;
  address: { street: string; postalCode: string; city: string };
  contractor: { name: string; phone: string };
  installations: SweepInstallation[];
  updatedAt: string;
}

export interface SweepOwner {
  personalNumber: string;
  properties: SweepProperty[];
}

/** Contractors are named after the firm, not the district: a name must not say where anyone lives. */
const CONTRACTOR = { name: 'Sotningsentreprenören Sot & Trygghet AB', phone: '0910-77 40 00' };

/** Property owners among the demo people; Cecilia Carlsson has protected identity. */
export function seedChimneySweep(today: string): Map<string, SweepOwner> {
  const updatedAt = `${addDays(today, -40)}T09:30:00.000Z`;
  const property = (
    propertyId: string,
    designation: string,
    street: string,
    installations: SweepInstallation[],
  ): SweepProperty => ({
    propertyId,
    designation,
    address: { street, postalCode: '931 00', city: 'Skellefteå' },
    contractor: CONTRACTOR,
    installations,
    updatedAt,
  });
  return new Map<string, SweepOwner>([
    [
      '199001012385',
      {
        personalNumber: '199001012385',
        properties: [
          property('P-1001', 'Skellefteå Morö 4:12', 'Storgatan 12', [
            {
              installationId: 'E-1001-1',
              kind: 'INSERT',
              nextVisit: { kind: 'SWEEP', date: addDays(today, 21) },
              lastProtocol: {
                protocolId: 'PR-88120',
                kind: 'INSPECTION',
                performedOn: addDays(today, -40),
                result: 'REMARKS',
                remarks: [
                  {
                    code: 'ROOF_LADDER',
                    text: 'Takstege saknas fram till skorstenen; montera en fast takstege',
                    fixBy: addDays(today, 50),
                  },
                ],
              },
            },
          ]),
        ],
      },
    ],
    [
      '190001019801',
      {
        personalNumber: '190001019801',
        properties: [
          property('P-1002', 'Skellefteå Sunnanå 2:7', 'Sunnanåvägen 7', [
            {
              installationId: 'E-1002-1',
              kind: 'TILED_STOVE',
              nextVisit: { kind: 'INSPECTION', date: addDays(today, 70) },
              lastProtocol: {
                protocolId: 'PR-87011',
                kind: 'SWEEP',
                performedOn: addDays(today, -120),
                result: 'NO_REMARKS',
                remarks: [],
              },
            },
          ]),
        ],
      },
    ],
    [
      '200002292399',
      {
        personalNumber: '200002292399',
        properties: [
          property('P-1003', 'Skellefteå Ersmark 1:44', 'Ersmarksvägen 44', [
            {
              installationId: 'E-1003-1',
              kind: 'WOOD_BOILER',
              nextVisit: { kind: 'SWEEP', date: addDays(today, 9) },
              lastProtocol: {
                protocolId: 'PR-86555',
                kind: 'INSPECTION',
                performedOn: addDays(today, -200),
                result: 'USAGE_BAN',
                remarks: [
                  {
                    code: 'CRACKED_FLUE',
                    text: 'Sprickor i rökkanalen; eldningsförbud tills kanalen är lagad och besiktigad',
                    fixBy: addDays(today, 10),
                  },
                ],
              },
            },
          ]),
        ],
      },
    ],
    [
      '196408233234',
      {
        personalNumber: '196408233234',
        properties: [
          property('P-1004', 'Skellefteå Kusmark 3:2', 'Kusmarksvägen 2', [
            {
              installationId: 'E-1004-1',
              kind: 'PELLET_BOILER',
              nextVisit: { kind: 'INSPECTION', date: addDays(today, 14) },
              lastProtocol: null,
            },
          ]),
        ],
      },
    ],
  ]);
}
