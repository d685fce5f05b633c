/** The demo role picker and the sign-out page, in Swedish; plain HTML, no scripts. */

const escape = (text) =>
  String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

const ROLE_NAMES = {
  agent: 'agent',
  case_officer: 'handläggare',
  manager: 'chef',
  admin: 'administratör',
  citizen: 'invånare',
};

const STYLE = `
  body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
  .demo { background: #fff4ce; border: 2px solid #8a6d00; padding: .75rem 1rem; font-weight: 600; }
  ul { list-style: none; padding: 0; }
  li { margin: .5rem 0; }
  button { width: 100%; text-align: left; padding: .75rem 1rem; font-size: 1rem; border: 1px solid #555; border-radius: .25rem; background: #fff; cursor: pointer; }
  button:hover, button:focus-visible { background: #e8f0fe; outline: 3px solid #1a56db; }
  .role { display: block; color: #444; font-size: .9rem; }
`;

function page(title, body) {
  return `<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title><style>${STYLE}</style></head>
<body>
<p class="demo" role="note">Demo – inte för inloggning i produktion</p>
${body}
</body>
</html>`;
}

/**
 * The role line under a demo user's name: the label when it already names the role
 * ("handläggare, förskola"), else the role and the label ("agent – kundtjänst"), never the
 * role twice ("handläggare – handläggare, förskola").
 */
export function roleLine(user) {
  const role = user.roles.map((r) => ROLE_NAMES[r] ?? r).join(', ');
  if (!user.label) return role;
  return user.label.toLowerCase().startsWith(role.toLowerCase()) ? user.label : `${role} – ${user.label}`;
}

/** One button per demo user; its accessible name is the user's name and role. */
export function loginPage({ uid, clientId, users }) {
  const staff = users.filter((u) => !u.roles.includes('citizen'));
  const citizens = users.filter((u) => u.roles.includes('citizen'));
  const button = (user) =>
    `<li><button type="submit" name="user" value="${escape(user.id)}" data-user="${escape(user.id)}">${escape(user.name)}<span class="role">${escape(roleLine(user))}</span></button></li>`;
  return page(
    'Logga in – Frontdoor demo',
    `<main>
<h1>Logga in som demoanvändare</h1>
<p>Välj vem du vill vara i <strong>${escape(clientId)}</strong>. Det här är en demoinloggning utan lösenord; i produktion loggar du in hos kommunens identitetstjänst eller med e-legitimation.</p>
<form method="post" action="/interaction/${escape(uid)}/login">
<h2>Medarbetare</h2>
<ul>${staff.map(button).join('\n')}</ul>
<h2>Invånare (e-tjänster)</h2>
<ul>${citizens.map(button).join('\n')}</ul>
</form>
<form method="post" action="/interaction/${escape(uid)}/abort"><button type="submit">Avbryt</button></form>
</main>`,
  );
}

/** oidc-provider's logoutSource: confirm signing out (the form is the provider's own). */
export function logoutPage(form) {
  return page(
    'Logga ut – Frontdoor demo',
    `<main><h1>Logga ut</h1><p>Vill du logga ut från demoinloggningen?</p>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Logga ut</button></main>`,
  );
}

export function loggedOutPage() {
  return page('Utloggad – Frontdoor demo', '<main><h1>Du är utloggad</h1></main>');
}
