import { z } from 'zod';
import { definePlugin, PluginDefinitionError } from './define-plugin';
import { statusCatalogue } from './status-catalogue';
import { StatusState } from './status-state';

const valid = {
  id: 'building-permits',
  department: 'Bygglov',
  version: '1.0.0',
  sdk: '^4',
  config: z.object({}),
  person: {
    fetch: async () => null,
    answer: z.unknown(),
    statuses: () => [],
    whereabouts: [] as string[],
    placeIds: [] as string[],
  },
};

/** A query's declarations but its field, description, args and what the case leaves out. */
const aQuery = {
  type: () => Object,
  fetch: async () => null,
  answer: z.unknown(),
  map: () => null,
  subjects: () => [],
  mandate: 1,
};
/** A plugin override declaring the one query, as written (not checked by the compiler). */
const queriesOf = (query: Record<string, unknown>) => ({
  queries: ({ defineQuery }: { defineQuery: (q: unknown) => unknown }) => [defineQuery(query)],
});

/** A detail field as written, named `field`, at level 2. */
const aDetail = (field: string) => ({
  field,
  description: 'x',
  type: () => Object,
  map: () => null,
  mandate: 2 as const,
});

describe('definePlugin', () => {
  it('accepts a well-formed declaration and freezes it', () => {
    const plugin = definePlugin(valid);
    expect(plugin.id).toBe('building-permits');
    expect(Object.isFrozen(plugin)).toBe(true);
    expect(plugin.queries).toEqual([]);
    expect(plugin.actions).toEqual([]);
  });

  it('takes a department’s secrecy class with its statute, and leaves it out when not declared', () => {
    const secret = definePlugin({ ...valid, secrecy: { class: 'secrecy', statute: 'OSL 26:1' } });
    expect(secret.secrecy).toEqual({ class: 'secrecy', statute: 'OSL 26:1' });
    expect(definePlugin(valid).secrecy).toBeUndefined();
  });

  it('takes status levels, several detail fields each with its level, and secret fields (SDK 4.2)', () => {
    const plugin = definePlugin({
      ...valid,
      secrecy: { class: 'secrecy', statute: 'OSL 26:1' },
      person: {
        ...valid.person,
        statusLevels: { 'income-support-application': 2 },
        detail: aDetail('incomeSupport'),
        details: [{ ...aDetail('incomeSupportDecision'), mandate: 4 as const }],
        secretFields: ['applications.*.decidedAmount'],
      },
    });
    expect(plugin.person.statusLevels).toEqual({ 'income-support-application': 2 });
    expect(plugin.person.details!.map((d) => [d.field, d.mandate])).toEqual([['incomeSupportDecision', 4]]);
    expect(plugin.person.secretFields).toEqual(['applications.*.decidedAmount']);
  });

  it('takes a hook closing an answer to representatives (SDK 4.4), and leaves it out when not declared', () => {
    const closedTo = (answer: unknown) => (answer ? 'Sekretess mot vårdnadshavare.' : undefined);
    const plugin = definePlugin({ ...valid, person: { ...valid.person, closedToRepresentatives: closedTo } });
    expect(plugin.person.closedToRepresentatives).toBe(closedTo);
    expect(definePlugin(valid).person.closedToRepresentatives).toBeUndefined();
  });

  it('resolves the queries and actions callbacks into lists, each typed with the plugin’s config', () => {
    const plugin = definePlugin({
      ...valid,
      config: z.object({ pageSize: z.number().default(10) }),
      queries: ({ defineQuery }) => [
        defineQuery({
          field: 'parkingPermit',
          description: 'A permit.',
          args: z.object({ id: z.string() }),
          type: () => Object,
          // `config.pageSize` is a number here without a cast: a typo would not compile.
          fetch: async ({ config, http }, args: { id: string }) =>
            http.getJson(`permits/${args.id}`, { query: { n: config.pageSize } }),
          answer: z.object({ holder: z.string() }),
          map: (answer) => answer,
          subjects: (answer) => [answer.holder],
          mandate: 1,
          whereabouts: [],
          placeIds: [],
          findsByPlace: false,
        }),
      ],
    });
    expect(plugin.queries.map((q) => q.field)).toEqual(['parkingPermit']);
  });

  it('takes an action done on someone’s behalf, open to citizens (SDK 4.3), and refuses another opening', () => {
    const action = {
      field: 'reportPupilSick',
      description: 'x',
      mandate: 3 as const,
      inputType: () => Object,
      input: z.object({ guardian: z.string(), pupil: z.string() }),
      type: () => Object,
      run: async () => null,
      answer: z.unknown(),
      map: () => null,
      subjects: (input: { guardian: string; pupil: string }) => [input.pupil],
    };
    const plugin = definePlugin({
      ...valid,
      actions: ({ defineAction }) => [
        defineAction({
          ...action,
          citizens: 'self-or-represented',
          onBehalfOf: (input) => ({ representative: input.guardian, subject: input.pupil }),
        }),
      ],
    });
    expect(plugin.actions[0].citizens).toBe('self-or-represented');
    expect(plugin.actions[0].onBehalfOf!({ guardian: 'G', pupil: 'P' })).toEqual({
      representative: 'G',
      subject: 'P',
    });
    // A 4.2 action without either is unchanged.
    expect(definePlugin({ ...valid, actions: () => [action] }).actions[0].citizens).toBeUndefined();
    expect(() =>
      definePlugin({ ...valid, actions: () => [{ ...action, citizens: 'everyone' }] } as never),
    ).toThrow("actions.0 (reportPupilSick).citizens: expected 'self-or-represented'");
  });

  it.each([
    [{ id: 'Building_Permits' }, 'id: expected kebab-case'],
    [{ version: 'one' }, 'version: expected a semver version'],
    [{ sdk: 'latest' }, 'sdk: expected a semver range'],
    [{ department: '' }, 'department:'],
    [{ config: { parse: () => ({}) } }, 'config: expected a zod schema'],
    [{ person: { ...valid.person, fetch: 'GET /x' } }, 'person.fetch: expected a function'],
    [
      {
        person: {
          ...valid.person,
          detail: { field: 'Child-Care', type: () => Object, map: (): null => null, mandate: 1 },
        },
      },
      'person.detail.field: expected a camelCase field name',
    ],
    [
      {
        person: {
          ...valid.person,
          detail: { field: 'childCare', type: () => Object, map: (): null => null, mandate: 7 },
        },
      },
      'person.detail.mandate: expected a mandate level 1-6',
    ],
    [
      {
        person: {
          ...valid.person,
          detail: { field: 'childCare', type: () => Object, map: (): null => null },
        },
      },
      'person.detail.mandate',
    ],
    [
      { person: { fetch: valid.person.fetch, answer: valid.person.answer, statuses: valid.person.statuses } },
      'person.whereabouts',
    ],
    [
      { person: { ...valid.person, whereabouts: ['units..name'] } },
      'person.whereabouts.0: expected dotted paths',
    ],
    [{ person: { ...valid.person, placeIds: undefined } }, 'person.placeIds'],
    [
      queriesOf({
        ...aQuery,
        field: 'parkingSpace',
        description: 'A parking space by address.',
        args: z.object({ address: z.string() }),
        whereabouts: [],
        placeIds: [],
      }),
      'queries.0 (parkingSpace).findsByPlace',
    ],
    [
      queriesOf({
        ...aQuery,
        field: 'parkingPermit',
        description: 'A permit.',
        args: z.object({ id: z.string() }),
      }),
      'queries.0 (parkingPermit).whereabouts',
    ],
    [
      { jobs: [{ name: 'import', description: 'x', everyMinutes: 60, run: async () => ({ summary: '' }) }] },
      'data: required: a plugin with jobs declares the tables they write',
    ],
    [
      { connection: { healthPath: '/api/health' } },
      'connection.healthPath: expected a path relative to the base URL',
    ],
    [{ secrecy: { class: 'secrecy' } }, 'secrecy.statute: required for a secrecy department'],
    [{ secrecy: { class: 'secret', statute: 'OSL 26:1' } }, 'secrecy.class:'],
    [{ secrecy: { class: 'secrecy', statute: '  ' } }, 'secrecy.statute:'],
    [
      { person: { ...valid.person, statusLevels: { 'income-support-application': 7 } } },
      'person.statusLevels.income-support-application: expected a mandate level 1-6',
    ],
    [
      { person: { ...valid.person, statusLevels: { 'income-support-application': '2' } } },
      'person.statusLevels.income-support-application',
    ],
    [{ person: { ...valid.person, statusLevels: { '': 2 } } }, 'person.statusLevels'],
    [
      { person: { ...valid.person, details: [{ ...aDetail('decidedAmount'), mandate: 0 }] } },
      'person.details.0.mandate: expected a mandate level 1-6',
    ],
    [
      { person: { ...valid.person, details: [{ ...aDetail('decided-amount') }] } },
      'person.details.0.field: expected a camelCase field name',
    ],
    [{ person: { ...valid.person, details: aDetail('decidedAmount') } }, 'person.details: '],
    [
      {
        person: {
          ...valid.person,
          detail: aDetail('incomeSupport'),
          details: [aDetail('decidedAmount'), aDetail('incomeSupport')],
        },
      },
      'person.details.1.field: "incomeSupport" is already a detail field of this plugin',
    ],
    [
      { person: { ...valid.person, details: [aDetail('decidedAmount'), aDetail('decidedAmount')] } },
      'person.details.1.field: "decidedAmount" is already a detail field',
    ],
    [
      { person: { ...valid.person, secretFields: ['applications..decidedAmount'] } },
      'person.secretFields.0: expected dotted paths',
    ],
    [{ person: { ...valid.person, secretFields: 'decidedAmount' } }, 'person.secretFields: '],
    [
      { person: { ...valid.person, closedToRepresentatives: 'sekretess mot vårdnadshavare' } },
      'person.closedToRepresentatives: expected a function',
    ],
  ])('refuses %p: %s', (override, message) => {
    expect(() => definePlugin({ ...valid, ...override } as never)).toThrow(PluginDefinitionError);
    expect(() => definePlugin({ ...valid, ...override } as never)).toThrow(message);
  });
});

describe('statusCatalogue', () => {
  const catalogue = statusCatalogue({ PAID: { state: StatusState.COMPLETED, label: 'Betald' } });

  it('maps a known code', () => {
    expect(catalogue.lookup('PAID')).toEqual({ state: StatusState.COMPLETED, label: 'Betald', known: true });
  });

  it('shows an unknown code as UNKNOWN with the raw code, never throwing', () => {
    expect(catalogue.lookup('X-99')).toEqual({
      state: StatusState.UNKNOWN,
      label: 'Okänd status (X-99)',
      known: false,
    });
  });
});
