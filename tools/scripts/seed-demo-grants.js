// Demo data for `npm start`: the social-services answer group's mandate in every secrecy
// department (income support, home care, Barn och unga), opened as the hub requires it, by two admins: one
// requests the grant, a second approves the level (four-eyes, decision 0074). Both are
// recorded in accessChanges like any grant. A level already in effect is left alone.
'use strict';

const { demoUser } = require('./demo-graphql');

/** The answer group of the demo's socionomer, and the level the first line needs (3: prepare, book). */
const DEMO_SECRECY_GRANTS = [{ targetKind: 'ANSWER_GROUP', targetKey: 'socialtjanst', level: 3 }];

/** Returns how many grants were opened (0 when all were in effect already). */
async function seedDemoGrants(gatewayUrl, grants = DEMO_SECRECY_GRANTS) {
  const requester = await demoUser(
    gatewayUrl,
    { role: 'admin', sub: 'demo-seed', name: 'Demodata (begär)' },
    'demo grants',
  );
  const approver = await demoUser(
    gatewayUrl,
    { role: 'admin', sub: 'demo-seed-approver', name: 'Demodata (godkänner)' },
    'demo grants',
  );
  const { plugins } = await requester('{ plugins { department secrecy } }');
  const secret = [...new Set(plugins.filter((p) => p.secrecy === 'secrecy').map((p) => p.department))];
  const { mandates } = await requester('{ mandates { targetKind targetKey department effective } }');
  let opened = 0;
  for (const department of secret) {
    for (const grant of grants) {
      const held = mandates.find(
        (m) =>
          m.targetKind === grant.targetKind && m.targetKey === grant.targetKey && m.department === department,
      );
      if (held && held.effective >= grant.level) continue;
      const target = { targetKind: grant.targetKind, targetKey: grant.targetKey, department };
      const mutation = (name) =>
        `mutation($target: MandateTargetInput!, $level: Int!) { ${name}(target: $target, level: $level) { effective } }`;
      await requester(mutation('grantMandate'), { target, level: grant.level });
      await approver(mutation('approveMandateGrant'), { target, level: grant.level });
      opened++;
    }
  }
  return opened;
}

module.exports = { seedDemoGrants, DEMO_SECRECY_GRANTS };
