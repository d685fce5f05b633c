// The demo seeds' way into the hub (`npm start`): a development token for a role, and a GraphQL
// client that throws on the first error, its message prefixed with what was being seeded. Only
// the embedded default issues these tokens; production refuses them.
'use strict';

async function demoToken(gatewayUrl, role, sub, name, what) {
  const issued = await fetch(`${gatewayUrl}/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role, sub, name }),
  });
  if (!issued.ok) throw new Error(`${what}: no demo token (${issued.status})`);
  return (await issued.json()).token;
}

function demoClient(gatewayUrl, token, what) {
  return async (query, variables) => {
    const response = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(`${what}: ${body.errors[0].message}`);
    return body.data;
  };
}

/** A client signed in as a demo user of the given role. */
async function demoUser(gatewayUrl, { role, sub, name }, what) {
  return demoClient(gatewayUrl, await demoToken(gatewayUrl, role, sub, name, what), what);
}

module.exports = { demoUser };
