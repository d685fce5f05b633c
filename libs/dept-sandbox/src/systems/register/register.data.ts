/**
 * The population register's view of the demo people (folkbokföring), as Skatteverket's
 * Navet delivers it in spirit: name, registered address and protection markings.
 * Cecilia Carlsson has sekretessmarkering; Sam Samordnad has a coordination number and no
 * Swedish address.
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
