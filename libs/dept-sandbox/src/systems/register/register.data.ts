/**
 * The population register's view of the demo people (folkbokföring), as Skatteverket's
 * Navet delivers it in spirit: name, registered address and protection markings.
 * Cecilia Carlsson has sekretessmarkering; Sam Samordnad has a coordination number and no
 * Swedish address. Anna Andersson has custody of Tilde (a minor); Cecilia Carlsson of Cleo, who
 * is protected like her mother (Cleo's number is made up, serial 98x, valid check digit).
 */
export interface RegisterRecord {
  personalNumber: string;
  givenName: string;
  surname: string;
  /** Folkbokföringsadress; null when the person has none (coordination number, emigrated). */
  address: { careOf: string | null; street: string; postalCode: string; city: string } | null;
  /** Kommun of registration, by name. */
  municipality: string | null;
  /** Sekretessmarkering: the person's data must not be handed out without a secrecy review. */
  confidentialityMarking: boolean;
  /** Skyddad folkbokföring: registered in another place than where they live. */
  protectedRegistration: boolean;
  deceased: boolean;
  /**
   * Custody relations as Navet's "relationer" carry them: on a child, `V` names each
   * vårdnadshavare; on a guardian, `B` names each child in their custody. The register keeps
   * both sides; the hub trusts only the child's side (who its guardians are). Absent: none.
   */
  relations?: CustodyRelation[];
}

/** One custody relation (relationstyp `V` vårdnadshavare, `B` barn i vårdnad). */
export interface CustodyRelation {
  type: 'V' | 'B';
  personalNumber: string;
}

const address = (street: string, postalCode: string, city = 'Exempelstad') => ({
  careOf: null,
  street,
  postalCode,
  city,
});

export function seedRegister(): Map<string, RegisterRecord> {
  const records: RegisterRecord[] = [
    {
      personalNumber: '199001012385',
      givenName: 'Anna',
      surname: 'Andersson',
      address: address('Storgatan 12', '123 45'),
      municipality: 'Exempelstad',
      confidentialityMarking: false,
      protectedRegistration: false,
      deceased: false,
      relations: [
        { type: 'B', personalNumber: '202402292383' },
        { type: 'B', personalNumber: '201708142425' },
      ],
    },
    {
      personalNumber: '201708142425',
      givenName: 'Elsa',
      surname: 'Andersson',
      address: address('Storgatan 12', '123 45'),
      municipality: 'Exempelstad',
      confidentialityMarking: false,
      protectedRegistration: false,
      deceased: false,
      relations: [{ type: 'V', personalNumber: '199001012385' }],
    },
    {
      personalNumber: '202402292383',
      givenName: 'Tilde',
      surname: 'Andersson',
      address: address('Storgatan 12', '123 45'),
      municipality: 'Exempelstad',
      confidentialityMarking: false,
      protectedRegistration: false,
      deceased: false,
      relations: [{ type: 'V', personalNumber: '199001012385' }],
    },
    {
      personalNumber: '196408233234',
      givenName: 'Bertil',
      surname: 'Berg',
      address: address('Ekvägen 3', '123 47'),
      municipality: 'Exempelstad',
      confidentialityMarking: false,
      protectedRegistration: false,
      deceased: false,
    },
    {
      personalNumber: '200002292399',
      givenName: 'Cecilia',
      surname: 'Carlsson',
      address: address('Björkvägen 7', '123 50'),
      municipality: 'Exempelstad',
      confidentialityMarking: true,
      protectedRegistration: false,
      deceased: false,
      relations: [{ type: 'B', personalNumber: '202106109818' }],
    },
    {
      personalNumber: '202106109818',
      givenName: 'Cleo',
      surname: 'Carlsson',
      address: address('Björkvägen 7', '123 50'),
      municipality: 'Exempelstad',
      confidentialityMarking: true,
      protectedRegistration: false,
      deceased: false,
      relations: [{ type: 'V', personalNumber: '200002292399' }],
    },
    {
      personalNumber: '190001019801',
      givenName: 'Olga',
      surname: 'Olsson',
      address: address('Gamla vägen 1', '123 60'),
      municipality: 'Exempelstad',
      confidentialityMarking: false,
      protectedRegistration: false,
      deceased: false,
    },
    {
      personalNumber: '191401682396',
      givenName: 'Sam',
      surname: 'Samordnad',
      address: null,
      municipality: null,
      confidentialityMarking: false,
      protectedRegistration: false,
      deceased: false,
    },
    {
      personalNumber: '189001019802',
      givenName: 'Nils',
      surname: 'Nilsson',
      address: address('Lilla gränd 2', '123 70'),
      municipality: 'Exempelstad',
      confidentialityMarking: false,
      protectedRegistration: false,
      deceased: false,
    },
  ];
  return new Map(records.map((record) => [record.personalNumber, record]));
}

/**
 * `count` people sharing one surname, born on successive days of 1912 (serial 98x): enough
 * to try the search's cap (`buildSandbox({ extraRegisterRecords })`). Made-up test data, with
 * valid check digits so the hub accepts the numbers; never part of the demo.
 */
export function namesakes(surname: string, count: number): RegisterRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(1912, 0, 1 + i));
    const date = `${String(day.getUTCMonth() + 1).padStart(2, '0')}${String(day.getUTCDate()).padStart(2, '0')}`;
    const nine = `12${date}98${i % 10}`;
    return {
      personalNumber: `19${nine}${checkDigit(nine)}`,
      givenName: GIVEN_NAMES[i % GIVEN_NAMES.length],
      surname,
      address: address(`Namnlösa gatan ${i + 1}`, '123 99'),
      municipality: 'Exempelstad',
      confidentialityMarking: false,
      protectedRegistration: false,
      deceased: false,
    };
  });
}

const GIVEN_NAMES = ['Anders', 'Britt', 'Carl', 'Doris', 'Erik', 'Frida', 'Gustav', 'Hanna', 'Ivar', 'Jenny'];

/**
 * A made-up person born on `birthDate` (YYYY-MM-DD; serial 98x, valid check digit) in the custody
 * of `guardians`, for tests that need a child of an exact age (e.g. turning 18 today). Add the
 * returned records with `extraRegisterRecords`; each guardian's record gains its `B` relation.
 */
export function childInCustody(
  birthDate: string,
  givenName: string,
  guardians: RegisterRecord[],
  serial = 0,
  protectedChild = false,
): RegisterRecord[] {
  const nine = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}98${serial % 10}`;
  const personalNumber = `${birthDate.slice(0, 2)}${nine}${checkDigit(nine)}`;
  const child: RegisterRecord = {
    personalNumber,
    givenName,
    surname: guardians[0]?.surname ?? 'Barnsson',
    address: guardians[0]?.address ?? null,
    municipality: 'Exempelstad',
    confidentialityMarking: protectedChild,
    protectedRegistration: false,
    deceased: false,
    relations: guardians.map((g) => ({ type: 'V', personalNumber: g.personalNumber })),
  };
  return [
    child,
    ...guardians.map((g) => ({
      ...g,
      relations: [...(g.relations ?? []), { type: 'B' as const, personalNumber }],
    })),
  ];
}

/** Luhn over YYMMDDNNN: the tenth digit of a personal number. */
function checkDigit(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let value = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  return (10 - (sum % 10)) % 10;
}
