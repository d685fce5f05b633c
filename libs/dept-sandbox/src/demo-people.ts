/**
 * The demo municipality's people. Every personal number is from Skatteverket's published
 * test set ("Testpersonnummer"), so none can belong to a real person.
 * Tags say what each person is good for in a demo or a test; every system's seed data
 * (systems/*) uses these people.
 */
export interface DemoPerson {
  personalNumber: string;
  name: string;
  tags: string[];
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    personalNumber: '199001012385',
    name: 'Anna Andersson',
    tags: [
      'all-four',
      'childcare-queue',
      'childcare-offer',
      'invoice-unpaid',
      'waste-customer',
      'permit-pending',
      'parking-permit',
      'swim-school-queue',
      'swim-booking',
      'water-meter-reading',
      'chimney-sweep-remarks',
      'school-absence-guardian',
      'child-youth-guardian',
    ],
  },
  {
    personalNumber: '196408233234',
    name: 'Bertil Berg',
    tags: [
      'childcare-queue',
      'invoice-debt-collection',
      'permit-overdue',
      'income-support-decided',
      'home-care-investigating',
      'parking-fine-unpaid',
      'swim-booking',
      'water-connecting',
      'chimney-sweep-first-visit',
    ],
  },
  {
    personalNumber: '200002292399',
    name: 'Cecilia Carlsson',
    tags: [
      'childcare-queue',
      'protected-identity',
      'waste-customer',
      'permit-received',
      'income-support-supplement',
      'home-care-granted',
      'parking-permit',
      'swim-school-offer',
      'water-customer-protected',
      'chimney-sweep-usage-ban',
    ],
  },
  {
    personalNumber: '190001019801',
    name: 'Olga Olsson',
    tags: [
      'centenarian',
      'permit-decided',
      'waste-customer',
      'home-care-granted',
      'water-customer',
      'chimney-sweep-no-remarks',
    ],
  },
  {
    personalNumber: '191401682396',
    name: 'Sam Samordnad',
    tags: [
      'coordination-number',
      'invoice-unpaid',
      'income-support-received',
      'home-care-received',
      'parking-permit-applied',
      'parking-fine-review',
    ],
  },
  { personalNumber: '189001019802', name: 'Nils Nilsson', tags: ['no-matters'] },
  {
    personalNumber: '202402292383',
    name: 'Tilde Andersson',
    tags: ['minor', 'guardian-anna', 'child-youth-confidential-from-guardians'],
  },
  { personalNumber: '202106109818', name: 'Cleo Carlsson', tags: ['minor', 'protected-identity'] },
];
