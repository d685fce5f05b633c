/** Plain Swedish (klarspråk): short sentences, "du", the words people use. One text per state. */
export const texts = {
  appName: 'Mina ärenden',
  municipality: 'Exempelstads kommun',
  skip: 'Hoppa till innehållet',
  signIn: {
    intro: 'Här ser du dina ärenden hos kommunen, vad du behöver göra och vem som har läst dina uppgifter.',
    button: 'Logga in med e-legitimation',
    signingIn: 'Loggar in …',
    demoHeading: 'Välj en testperson',
    demoNotice: 'Demo – inte för inloggning i produktion.',
    failed: 'Inloggningen misslyckades.',
    notCitizen: 'Den här sidan är för invånare. Du är inloggad med ett konto för personal.',
  },
  signOut: 'Logga ut',
  loading: 'Hämtar dina uppgifter …',
  failed: 'Vi kunde inte hämta dina uppgifter just nu. Försök igen om en stund.',
  todo: {
    heading: 'Att göra',
    none: 'Du behöver inte göra något just nu.',
    by: 'Senast',
    readWhatWeNeed: 'Läs vad vi behöver från dig',
    pay: 'Så betalar du',
    bankgiro: 'Bankgiro',
    ocr: 'OCR-nummer',
    amount: 'Belopp',
  },
  matters: {
    heading: 'Dina ärenden hos kommunen',
    none: 'Vi hittade inga ärenden hos kommunens förvaltningar.',
    updated: 'Senast ändrat',
    missing: (department: string) =>
      `Vi kunde inte fråga ${department} just nu. Ärenden därifrån kan saknas. Försök igen senare.`,
    stale: (department: string, when: string) => `Uppgifterna från ${department} är från ${when}.`,
  },
  state: {
    RECEIVED: 'Inkommen',
    IN_PROGRESS: 'Handläggs',
    WAITING_FOR_CUSTOMER: 'Väntar på dig',
    DECIDED: 'Beslut finns',
    COMPLETED: 'Avslutat',
    CANCELLED: 'Återkallat',
    UNKNOWN: 'Okänd status',
  } as Record<string, string>,
  cases: {
    heading: 'Dina frågor till kommunen',
    none: 'Du har inga frågor hos kommunen.',
    show: 'Visa vad som har hänt',
    hide: 'Dölj vad som har hänt',
    answerBy: 'Du får svar',
    status: {
      OPEN: 'Vi har tagit emot din fråga.',
      FORWARDED: 'Din fråga ligger hos rätt handläggare.',
      WAITING_FOR_CUSTOMER: 'Vi väntar på svar från dig.',
      CLOSED: 'Ärendet är avslutat.',
    } as Record<string, string>,
  },
  ask: {
    heading: 'Ställ en fråga',
    intro:
      'Skriv din fråga så skickar vi den till rätt handläggare. Du får svar här och ett mejl när svaret finns.',
    category: 'Vad gäller frågan?',
    choose: 'Välj ett ämne',
    question: 'Din fråga',
    questionHelp: 'Skriv inte mer personlig information än vi behöver för att svara.',
    email: 'E-post',
    phone: 'Telefon (om du vill att vi ringer)',
    send: 'Skicka frågan',
    sending: 'Skickar …',
    receiptHeading: 'Tack! Vi har tagit emot din fråga',
    receipt: (reference: string, group: string) =>
      `Ditt ärendenummer är ${reference}. Frågan har gått till ${group}.`,
    answerBy: (when: string) => `Du får svar ${when}.`,
    another: 'Ställ en fråga till',
  },
  access: {
    heading: 'Vem har läst dina uppgifter',
    intro:
      'Här ser du vilka som har läst dina uppgifter, vad de läste och varför, dag för dag. Du har rätt att få veta det (GDPR artikel 15). Det du själv har tittat på visas inte.',
    none: 'Ingen annan än du har läst dina uppgifter.',
    read: 'Läste',
    why: 'Varför',
    times: (n: number) => (n === 1 ? 'en gång' : `${n} gånger`),
    more: 'Visa fler',
    loadingMore: 'Hämtar fler …',
    moreShown: (n: number) => (n === 1 ? 'En till visas.' : `${n} till visas.`),
    noMore: 'Det finns inte fler.',
    moreFailed: 'Vi kunde inte hämta fler just nu. Försök igen om en stund.',
  },
  representation: {
    heading: 'Du företräder',
    intro:
      'Som vårdnadshavare ser du ärenden för dina barn under 18 år. Med en fullmakt ser du ärenden hos de förvaltningar fullmakten gäller.',
    whose: 'Visa ärenden för',
    show: 'Visa ärenden',
    child: (birthDate: string) => `Ditt barn, fött ${birthDate}`,
    principal: (personalNumber: string) => `Fullmakt från ${personalNumber}`,
    none: 'Du företräder ingen här: du är inte vårdnadshavare för barn under 18 år och har ingen fullmakt som gäller nu.',
    custodyMissing: 'Vi kunde inte fråga folkbokföringen om dina barn just nu. Försök igen senare.',
    mattersOf: (who: string) => `Ärenden för ${who}`,
    loading: 'Hämtar ärenden …',
    refused: 'Du får inte se de här ärendena:',
    withheld: (department: string, reason: string) => `${department}: ${reason}`,
    protectedPerson: 'Personen har skyddade personuppgifter: adresser och platser visas inte.',
    powersHeading: 'Fullmakter',
    given: 'Fullmakter du har gett',
    received: 'Fullmakter du har fått',
    noPowers: 'Inga.',
    to: (personalNumber: string) => `Till ${personalNumber}`,
    from: (personalNumber: string) => `Från ${personalNumber}`,
    scope: (departments: string[], allOpen: boolean) =>
      [...(allOpen ? ['alla förvaltningar utan sekretess'] : []), ...departments].join(', '),
    validity: (from: string, to: string | null) => (to ? `Gäller ${from} – ${to}` : `Gäller från ${from}`),
    state: {
      ACTIVE: 'Gäller',
      NOT_YET_VALID: 'Gäller inte än',
      EXPIRED: 'Har gått ut',
      REVOKED: 'Återkallad',
    } as Record<string, string>,
  },
  sickReport: {
    heading: 'Sjukanmäl ditt barn',
    intro: 'Anmäl frånvaro för i dag eller i morgon. Annan frånvaro anmäler du till skolan.',
    day: 'Vilken dag?',
    today: (date: string) => `I dag, ${date}`,
    tomorrow: (date: string) => `I morgon, ${date}`,
    part: 'Hur länge?',
    parts: { FULL_DAY: 'Heldag', MORNING: 'Förmiddag', AFTERNOON: 'Eftermiddag' } as Record<string, string>,
    submit: 'Sjukanmäl',
    sending: 'Skickar anmälan …',
    notRegistered: 'Anmälan är inte registrerad:',
    failed: 'Anmälan kunde inte göras just nu. Ingen frånvaro är registrerad. Försök igen eller ring skolan.',
  },
  callback: {
    heading: 'Bli uppringd',
    intro: 'Slipp vänta i telefonkön: lämna ditt nummer så ringer kontaktcenter upp dig.',
    number: 'Ditt telefonnummer',
    when: 'När vill du bli uppringd?',
    asap: 'Så snart som möjligt',
    at: 'Vid en viss tid',
    time: 'Tid',
    submit: 'Ring upp mig',
    open: (number: string, status: string) => `Vi ringer ${number}. ${status}`,
    timeMissing: 'Välj en tid.',
  },
  notifications: {
    heading: 'Meddelanden till dig',
    email: 'Skicka mejl när något händer i mina ärenden',
    sms: 'Skicka sms när något händer i mina ärenden',
    mailbox: 'Skicka till min digitala brevlåda (Kivra, Min myndighetspost)',
    none: 'Skicka inga meddelanden',
    address: 'Mejladress (tom: den du skrev i ärendet)',
    phone: 'Mobilnummer (tom: det du skrev i ärendet)',
    badPhone: 'Skriv ett mobilnummer som kan ta emot sms, till exempel 070-123 45 67.',
    fallback:
      'Om vi inte når dig på det sättet skickar vi till din digitala brevlåda, annars med mejl eller brev. Meddelandet säger bara att något har hänt och hänvisar hit, aldrig vad ärendet gäller.',
    save: 'Spara',
    saved: 'Sparat.',
  },
};

export function shortDate(iso: string): string {
  return new Date(iso).toLocaleDateString('sv-SE', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** A calendar day (YYYY-MM-DD, already Sweden's) in words, whatever the browser's zone: "4 december 2026". */
export function dayDate(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('sv-SE', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}

const WHOLE_KRONOR = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const KRONOR_AND_ORE = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An amount in öre as kronor: 175000 -> "1 750 kr", 12550 -> "125,50 kr". */
export function kronor(ore: number): string {
  // Plain spaces, as the departments' texts write amounts: the .value around it keeps it on one line.
  const number = (ore % 100 === 0 ? WHOLE_KRONOR : KRONOR_AND_ORE).format(ore / 100);
  return `${number.replace(/\u00a0/g, ' ')} kr`;
}

export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString('sv-SE', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
