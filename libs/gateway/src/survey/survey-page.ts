import type { SurveyLinkState } from '@frontdoor/core';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** SKR's scale, in words a citizen reads: 1 is the worst. */
export const SCORE_WORDS = [
  'Mycket missnöjd',
  'Missnöjd',
  'Varken nöjd eller missnöjd',
  'Nöjd',
  'Mycket nöjd',
];

const PAGE_STYLE = `body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 40rem; padding: 1rem; color: #1a1a1a; background: #fff; line-height: 1.5; }
fieldset { border: 1px solid #767676; padding: 0.75rem 1rem; margin: 1rem 0; }
legend { font-weight: 600; padding: 0 0.25rem; }
label { display: block; padding: 0.35rem 0; }
textarea { width: 100%; box-sizing: border-box; font: inherit; min-height: 6rem; }
button { font: inherit; padding: 0.5rem 1.25rem; margin-top: 1rem; background: #0b4f9c; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
.error { color: #a30000; font-weight: 600; }`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<title>${escape(title)} – kommunens kontaktcenter</title>
<style>
${PAGE_STYLE}
</style>
</head>
<body>
<main>
<h1>${escape(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

/** The question: a score 1-5 as radio buttons and an optional comment, posted back to the same link. No script. */
export function surveyFormHtml(error?: string, comment = ''): string {
  const options = SCORE_WORDS.map(
    (words, i) =>
      `<label><input type="radio" name="score" value="${i + 1}" required> ${i + 1} – ${escape(words)}</label>`,
  ).join('\n');
  return page(
    'Hur tyckte du att det gick?',
    `<p>Du har nyligen haft kontakt med kommunen. Svara på en fråga – det tar en halv minut. Svaret är anonymt i vår statistik.</p>
${error ? `<p class="error" role="alert" id="form-error">${escape(error)}</p>` : ''}
<form method="post">
<fieldset${error ? ' aria-describedby="form-error"' : ''}>
<legend>Hur nöjd är du med hur vi tog hand om din kontakt?</legend>
${options}
</fieldset>
<label for="comment">Vill du berätta mer? (frivilligt, högst 1 000 tecken)</label>
<textarea id="comment" name="comment" maxlength="1000">${escape(comment)}</textarea>
<p>Skriv inga personuppgifter här.</p>
<button type="submit">Skicka svaret</button>
</form>`,
  );
}

/** What a link that cannot be answered says, or the thanks after an answer. */
export function surveyOutcomeHtml(outcome: 'saved' | Exclude<SurveyLinkState, 'open'>): string {
  switch (outcome) {
    case 'saved':
      return page('Tack för ditt svar!', '<p>Ditt svar är sparat. Det hjälper oss att bli bättre.</p>');
    case 'answered':
      return page(
        'Du har redan svarat',
        '<p>Den här länken har redan använts, och svaret är sparat. Tack!</p>',
      );
    case 'expired':
      return page(
        'Länken har gått ut',
        '<p>Frågan gick att besvara i 14 dagar efter kontakten, och den tiden har gått. Tack ändå för att du ville svara!</p>',
      );
    case 'unknown':
      return page(
        'Länken fungerar inte',
        '<p>Vi hittar ingen fråga för den här länken. Kontrollera att hela länken kom med från meddelandet.</p>',
      );
  }
}
