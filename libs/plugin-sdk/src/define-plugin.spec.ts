import { z } from 'zod';
import { definePlugin, PluginDefinitionError } from './define-plugin';
import { statusCatalogue } from './status-catalogue';
import { StatusState } from './status-state';

const valid = {
  id: 'building-permits',
  department: 'Bygglov',
  version: '1.0.0',
  sdk: '^2',
  config: z.object({}),
  person: { fetch: async () => null, answer: z.unknown(), statuses: () => [], whereabouts: [] as string[] },
};

describe('definePlugin', () => {
  it('accepts a well-formed declaration and freezes it', () => {
    const plugin = definePlugin(valid);
    expect(plugin.id).toBe('building-permits');
    expect(Object.isFrozen(plugin)).toBe(true);
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
