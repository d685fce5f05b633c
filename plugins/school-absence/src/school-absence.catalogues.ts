export const PARTS_OF_DAY = ['FULL_DAY', 'MORNING', 'AFTERNOON'] as const;
export type PartOfDay = (typeof PARTS_OF_DAY)[number];

const PART_LABELS: Record<PartOfDay, string> = {
  FULL_DAY: 'heldag',
  MORNING: 'förmiddag',
  AFTERNOON: 'eftermiddag',
};

/** "heldag", "förmiddag", "eftermiddag"; a code the hub does not know, with its code. */
export function partOfDayLabel(code: string): string {
  return PART_LABELS[code as PartOfDay] ?? `okänd del av dagen (${code})`;
}

const REASONS: Record<string, string> = {
  SICK: 'Sjukanmäld',
  LEAVE: 'Ledighet beviljad',
  UNREPORTED: 'Ogiltig frånvaro',
};

/** Why the pupil is away, as staff read it; an unknown code with its code. */
export function reasonLabel(code: string): string {
  return REASONS[code] ?? `Frånvaro (${code})`;
}

/** Why the school system refused a report, in Swedish to read aloud or show. */
const REFUSALS: Record<string, string> = {
  UNKNOWN_PUPIL: 'Eleven finns inte i skolans elevregister. Kontakta skolan.',
  ALREADY_REPORTED: 'Eleven är redan frånvaroanmäld den dagen.',
  NOT_A_SCHOOL_DAY: 'Det är ingen skoldag då; ingen frånvaro behöver anmälas.',
};

export function refusalLabel(reason: string): string {
  return REFUSALS[reason] ?? `Skolans system tog inte emot anmälan (${reason}).`;
}
