import { newStemmer } from 'snowball-stemmers';

const swedish = newStemmer('swedish');

/** Words too common to mean anything in a search. */
const STOP_WORDS = new Set([
  'och',
  'att',
  'det',
  'som',
  'en',
  'ett',
  'på',
  'är',
  'av',
  'för',
  'med',
  'till',
  'den',
  'har',
  'de',
  'inte',
  'om',
  'jag',
  'min',
  'mitt',
  'mina',
  'när',
  'hur',
  'vad',
  'var',
  'kan',
  'ska',
  'i',
]);

/** Lower-cased Swedish stems of the words in a text (å, ä, ö are letters, not separators). */
export function swedishStems(text: string): string[] {
  return (text.toLocaleLowerCase('sv-SE').match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w) => !STOP_WORDS.has(w))
    .map((w) => swedish.stem(w));
}

/**
 * Whether two stems are the same word: equal, or one a prefix of the other when both have
 * four letters or more. Snowball's Swedish stemmer leaves the definite forms ("fakturan",
 * "förskolan") longer than the plural stems ("faktur", "förskol"); the prefix bridges that.
 */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short);
}

export interface SearchableText {
  /** Weighted fields: a match in a field of weight 3 counts three times. */
  fields: { text: string; weight: number }[];
}

/** How well a document matches a query: the weighted count of query words found; 0 is no match. */
export function matchScore(query: string[], document: SearchableText): number {
  let score = 0;
  for (const field of document.fields) {
    const stems = swedishStems(field.text);
    for (const term of query) if (stems.some((stem) => sameWord(term, stem))) score += field.weight;
  }
  return score;
}

/** A document whose fields are already stemmed (an index entry kept between searches). */
export interface StemmedText {
  fields: { stems: string[]; weight: number }[];
}

export function stemmedText(document: SearchableText): StemmedText {
  return { fields: document.fields.map((f) => ({ stems: swedishStems(f.text), weight: f.weight })) };
}

/** matchScore over a document stemmed beforehand: the same score, without stemming it again. */
export function stemmedMatchScore(query: string[], document: StemmedText): number {
  let score = 0;
  for (const field of document.fields)
    for (const term of query) if (field.stems.some((stem) => sameWord(term, stem))) score += field.weight;
  return score;
}
