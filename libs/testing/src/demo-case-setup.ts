/** Categories and answer groups for tests and demos (Skellefteå's top categories, two groups). */
export const DEMO_CASE_SETUP = {
  categories: [
    { key: 'forsorjningsstod', name: 'Försörjningsstöd', slaWorkingDays: 3, confidential: true },
    { key: 'fakturor', name: 'Fakturor', slaWorkingDays: 3 },
    { key: 'avfall', name: 'Avfall', slaWorkingDays: 3 },
    { key: 'barnomsorgsplats', name: 'Barnomsorgsplats', slaWorkingDays: 3 },
    { key: 'bygglov', name: 'Bygglov', slaWorkingDays: 5 },
  ],
  answerGroups: [
    {
      key: 'forskola',
      name: 'Svarsgrupp förskola',
      department: 'Förskola',
      notificationEmail: 'forskola@exempelstad.se',
      manager: { subject: 'manager-eva', name: 'Eva Chef', email: 'eva.chef@exempelstad.se' },
      members: [{ subject: 'officer-karin', name: 'Karin Lund', email: 'karin.lund@exempelstad.se' }],
    },
    {
      key: 'socialtjanst',
      name: 'Svarsgrupp ekonomiskt bistånd',
      department: 'Socialtjänst',
      notificationEmail: 'bistand@exempelstad.se',
      manager: { subject: 'manager-per', name: 'Per Chef', email: 'per.chef@exempelstad.se' },
      members: [{ subject: 'officer-sara', name: 'Sara Berg', email: 'sara.berg@exempelstad.se' }],
    },
  ],
};
