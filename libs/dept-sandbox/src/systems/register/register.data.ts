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
