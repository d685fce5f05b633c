/**
 * The demo municipality's people. Every personal number is from Skatteverket's published
 * test set ("Testpersonnummer"), so none can belong to a real person.
 * Tags say what each person is good for in a demo or a test.
 */
export interface DemoPerson {
  personalNumber: string;
  name: string;
  tags: string[];
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { personalNumber: '199001012385', name: 'Anna Andersson', tags: ['childcare-queue', 'childcare-offer'] },
  { personalNumber: '196408233234', name: 'Bertil Berg', tags: ['childcare-queue'] },
  { personalNumber: '200002292399', name: 'Cecilia Carlsson', tags: ['childcare-queue', 'protected-identity'] },
  { personalNumber: '189001019802', name: 'Nils Nilsson', tags: ['no-matters'] },
  { personalNumber: '190001019801', name: 'Olga Olsson', tags: ['no-matters', 'centenarian'] },
];
