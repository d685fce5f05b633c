// Demo data for `npm start` (issue 26): a spike in one category today and the operating notice a
// manager publishes for it, through the hub's own API like any agent and manager would. Agents
// register a dozen contacts about a water outage in Centrum (several status questions the
// citizen could have read on Mina ärenden: avoidable); the manager publishes a driftmeddelande
// for the category; two more contacts come in while it holds (its effect). Run again on the
// same database, it adds nothing: the contacts already there today and a notice in force count.
'use strict';

const { demoUser } = require('./demo-graphql');

const DEMO_SPIKE = {
  categoryKey: 'vatten-och-avlopp',
  area: 'Centrum',
  /** The category's answer group (config/embedded.json): Anna's contact is forwarded there. */
  answerGroupKey: 'va',
  /** Anna Andersson (Skatteverket test number): her open case in the category makes Mina ärenden show her the notice. */
  personalNumber: '19900101-2385',
  before: [
    ['Inget vatten i kranen på Storgatan sedan i morse', 'ERROR_REPORT'],
    ['Vattenavbrott Storgatan, när kommer vattnet tillbaka?', 'STATUS_QUESTION'],
    ['Brunt vatten efter avbrottet i Centrum', 'ERROR_REPORT'],
    ['När är vattenavbrottet i Centrum klart?', 'STATUS_QUESTION'],
    ['Inget vatten i lägenheten, Storgatan 12', 'ERROR_REPORT'],
    ['Vattenavbrott: kan vi hämta vatten någonstans?', 'STATUS_QUESTION'],
    ['Lågt vattentryck i Centrum', 'ERROR_REPORT'],
    ['Hur länge håller vattenavbrottet på?', 'STATUS_QUESTION'],
    ['Vattenavbrott på Kanalgatan också?', 'STATUS_QUESTION'],
    ['Restaurangen har inget vatten, Storgatan', 'COMPLAINT'],
  ],
  during: [
    ['Vattenavbrott Storgatan, hörde meddelandet', 'STATUS_QUESTION'],
    ['Får vi ersättning för vattenavbrottet?', 'COMPLAINT'],
  ],
  notice: {
    title: 'Vattenavbrott i Centrum',
    text: 'En huvudledning under Storgatan har gått sönder. Vattnet är avstängt i delar av Centrum till i kväll. Tappställe med dricksvatten finns vid Torget.',
  },
};

/** Returns what it added: the contacts registered and whether the notice was published. */
async function seedDemoSpike(gatewayUrl, spike = DEMO_SPIKE) {
  const agent = await demoUser(
    gatewayUrl,
    { role: 'agent', sub: 'demo-seed-agent', name: 'Demodata (agent)' },
    'demo spike',
  );
  const manager = await demoUser(
    gatewayUrl,
    { role: 'manager', sub: 'demo-seed-manager', name: 'Demodata (chef)' },
    'demo spike',
  );
  const { categorySpikes } = await manager('{ categorySpikes { categoryKey today } }');
  const already = categorySpikes.find((s) => s.categoryKey === spike.categoryKey)?.today ?? 0;
  // The first is Anna's, forwarded to the category's answer group (an open case: she is among
  // those the notice concerns); the rest are answered at once from what the agents know.
  const register = async ([summary, contactReason], index) => {
    const input = { channel: 'PHONE', categoryKey: spike.categoryKey, summary, contactReason };
    if (index > 0)
      return agent('mutation($input: RegisterContactInput!) { registerContact(input: $input) { id } }', {
        input: {
          ...input,
          resolvedAtFirstLine: true,
          resolution: 'Informerat om avbrottet och tappstället vid Torget',
        },
      });
    const { registerContact } = await agent(
      'mutation($input: RegisterContactInput!) { registerContact(input: $input) { id } }',
      { input: { ...input, personalNumber: spike.personalNumber } },
    );
    return agent(
      'mutation($id: ID!, $group: String!) { forwardCase(caseId: $id, answerGroupKey: $group, message: "Omfattas Storgatan 12 av avbrottet?") { id } }',
      { id: registerContact.id, group: spike.answerGroupKey },
    );
  };
  let registered = 0;
  for (const [index, contact] of spike.before.entries()) {
    if (index < already) continue;
    await register(contact, index);
    registered++;
  }
  const { operatingNotices } = await manager(
    'query($key: String) { operatingNotices(categoryKey: $key) { id } }',
    { key: spike.categoryKey },
  );
  let published = false;
  if (operatingNotices.length === 0) {
    await manager(
      'mutation($input: OperatingNoticeInput!) { publishOperatingNotice(input: $input) { id } }',
      {
        input: {
          ...spike.notice,
          categoryKey: spike.categoryKey,
          area: spike.area,
          validTo: new Date(Date.now() + 24 * 3_600_000).toISOString(),
        },
      },
    );
    published = true;
  }
  for (const [index, contact] of spike.during.entries()) {
    if (spike.before.length + index < already) continue;
    await register(contact, spike.before.length + index);
    registered++;
  }
  return { registered, published };
}

module.exports = { seedDemoSpike, DEMO_SPIKE };
