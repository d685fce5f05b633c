// Demo data for `npm start`: the knowledge base's articles (checklists an agent can read aloud)
// for every demo category, from config/demo-knowledge.json, written through the hub's own API
// as an admin would, so nothing but the embedded default's demo token issuer is involved.
// A category that already has an article is left alone (restarts do not duplicate).
'use strict';
const { readFileSync } = require('node:fs');
const path = require('node:path');

const DEMO_KNOWLEDGE = path.resolve(__dirname, '../../config/demo-knowledge.json');

function demoArticles(file = DEMO_KNOWLEDGE) {
  return JSON.parse(readFileSync(file, 'utf8')).articles;
}

async function seedDemoKnowledge(gatewayUrl, articles = demoArticles()) {
  const issued = await fetch(`${gatewayUrl}/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role: 'admin', sub: 'demo-seed', name: 'Demodata' }),
  });
  if (!issued.ok) throw new Error(`demo knowledge: no demo token (${issued.status})`);
  const { token } = await issued.json();
  const graphql = async (query, variables) => {
    const response = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(`demo knowledge: ${body.errors[0].message}`);
    return body.data;
  };
  let created = 0;
  for (const categoryKey of [...new Set(articles.map((a) => a.categoryKey))]) {
    const existing = await graphql('query($k: String!) { knowledgeArticles(categoryKey: $k) { id } }', {
      k: categoryKey,
    });
    if (existing.knowledgeArticles.length) continue;
    for (const input of articles.filter((a) => a.categoryKey === categoryKey)) {
      await graphql(
        'mutation($input: KnowledgeArticleInput!) { createKnowledgeArticle(input: $input) { id } }',
        {
          input,
        },
      );
      created++;
    }
  }
  return created;
}

module.exports = { seedDemoKnowledge, demoArticles, DEMO_KNOWLEDGE };
