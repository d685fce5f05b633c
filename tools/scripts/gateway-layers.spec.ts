import { folderImports, layerViolations, unitOf, type FolderImport } from './gateway-layers';

/** The gateway's walls (decision 0071), read from the real imports of libs/gateway/src. */
describe('gateway layers', () => {
  const imports = folderImports();

  it('finds the imports (the graph is not empty by accident)', () => {
    expect(imports.some((i) => i.from === 'cases' && i.to === 'platform/request')).toBe(true);
  });

  it('the platform imports nothing above it, and no feature imports another feature', () => {
    expect(layerViolations(imports).map((v) => `${v.file}: ${v.specifier}`)).toEqual([]);
  });

  it('no two platform folders import each other both ways', () => {
    const edges = new Set(imports.map((i) => `${i.from} -> ${i.to}`));
    const twoWay = [...edges].filter((edge) => {
      const [from, to] = edge.split(' -> ');
      return from.startsWith('platform/') && from < to && edges.has(`${to} -> ${from}`);
    });
    expect(twoWay).toEqual([]);
  });

  describe('the rule itself', () => {
    const edge = (file: string, target: string): FolderImport => ({
      from: unitOf(file),
      to: unitOf(target),
      file,
      specifier: target,
    });

    it.each([
      ['platform/auth/x.ts', 'cases/case.resolver'],
      ['platform/graphql/x.ts', 'module/graphql-options'],
      ['platform/request/x.ts', 'gateway.module'],
      ['cases/case.resolver.ts', 'telephony/telephony.resolver'],
      ['citizen-web/citizen-web-routes.ts', 'console/console-routes'],
      ['cases/x.ts', 'module/case-providers'],
    ])('refuses %s importing %s', (file, target) => {
      expect(layerViolations([edge(file, target)])).toHaveLength(1);
    });

    it.each([
      ['cases/case.resolver.ts', 'platform/access/call-access'],
      ['platform/request/person-access.ts', 'platform/auth/principal'],
      ['module/case-providers.ts', 'cases/outbox-relay-host'],
      ['gateway.module.ts', 'telephony/telephony.resolver'],
      ['e-services/open311/open311-routes.ts', 'e-services/e-service-intake'],
    ])('allows %s importing %s', (file, target) => {
      expect(layerViolations([edge(file, target)])).toEqual([]);
    });
  });
});
