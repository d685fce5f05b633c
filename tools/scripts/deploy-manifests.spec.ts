import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { loadPlugins } from '@frontdoor/core';
import { gatewayEnvSchema, loadGatewayConfig } from '@frontdoor/gateway';

/**
 * The deployment examples (deploy/k8s, Dockerfile) checked against the code: every env name
 * they set is one the gateway reads (or a `${VAR}` of their config file), the configuration they
 * add up to passes the gateway's own validation, and the commands they run exist.
 */
const ROOT = resolve(__dirname, '../..');
const K8S = join(ROOT, 'deploy/k8s');

interface Manifest {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: Record<string, unknown>;
}

const manifests: Manifest[] = readdirSync(K8S)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) =>
    parseAllDocuments(readFileSync(join(K8S, f), 'utf8')).map((doc) => {
      expect(doc.errors).toEqual([]);
      return doc.toJS() as Manifest;
    }),
  );
const byKind = (kind: string) => manifests.filter((m) => m.kind === kind);
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
/** The base image of each of the Dockerfile's stages, in order. */
const baseImages = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);

interface Container {
  name: string;
  command?: string[];
  env?: { name: string; value?: string }[];
  livenessProbe?: { httpGet?: { path: string } };
  readinessProbe?: { httpGet?: { path: string } };
}
type PodSpec = { containers: Container[]; securityContext?: { runAsNonRoot?: boolean } };
const podSpec = (m: Manifest) => (m.spec as { template: { spec: PodSpec } }).template.spec;
const CONFIG_FILE_KEY = 'frontdoor.config.json';

const configMap = byKind('ConfigMap').find((m) => m.metadata.name === 'frontdoor')!;
const secret = byKind('Secret').find((m) => m.metadata.name === 'frontdoor')!;
const configFile = configMap.data![CONFIG_FILE_KEY];
const placeholders = [...configFile.matchAll(/\$\{([A-Z0-9_]+)(?::-[^}]*)?\}/g)].map((m) => m[1]);
const ENV_NAMES = new Set(Object.keys(gatewayEnvSchema.shape));

describe('deployment examples (deploy/k8s, Dockerfile)', () => {
  it('set only environment names the gateway reads or the config file refers to', () => {
    const set = [
      ...Object.keys(configMap.data!).filter((k) => k !== CONFIG_FILE_KEY),
      ...byKind('Secret').flatMap((s) => Object.keys(s.stringData ?? {})),
      ...[...byKind('Deployment'), ...byKind('Job')].flatMap((m) =>
        podSpec(m).containers.flatMap((c) => (c.env ?? []).map((e) => e.name)),
      ),
    ];
    const unknown = set.filter((name) => !ENV_NAMES.has(name) && !placeholders.includes(name));
    expect(unknown).toEqual([]);
    const undefinedPlaceholders = placeholders.filter(
      (name) => !(name in configMap.data!) && !(name in (secret.stringData ?? {})),
    );
    expect(undefinedPlaceholders).toEqual([]);
  });

  it('add up to a configuration the gateway accepts (env and config file validated as at start)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-k8s-'));
    writeFileSync(join(dir, CONFIG_FILE_KEY), configFile);
    const env = { ...configMap.data, ...secret.stringData, FRONTDOOR_CONFIG: join(dir, CONFIG_FILE_KEY) };
    const config = loadGatewayConfig({ ...env, NODE_ENV: 'production' });
    expect(Object.keys(config.plugins).sort()).toEqual([
      'building-permits',
      'childcare-queue',
      'chimney-sweep',
      'home-care',
      'invoicing',
      'parking',
      'population-register',
      'school-absence',
      'swimming',
      'waste-collection',
      'water',
    ]);
    expect(config.env).toMatchObject({ JOBS_IN_PROCESS: false, DATABASE_MIGRATE: false });
    // Each plugin's connection and config checked by the plugin loader, as at start.
    expect(loadPlugins(config.plugins).map((p) => p.id)).toHaveLength(11);
    expect(config.auth.devIssuer).toBe(false);
  });

  it('run two gateways with liveness and readiness probes, a worker and a migration Job, as non-root, commands that exist', () => {
    const gateway = byKind('Deployment').find((d) => d.metadata.name === 'frontdoor-gateway')!;
    expect(gateway.spec!.replicas).toBe(2);
    const [container] = podSpec(gateway).containers;
    expect(container.livenessProbe?.httpGet?.path).toBe('/health/live');
    expect(container.readinessProbe?.httpGet?.path).toBe('/health/ready');
    const worker = byKind('Deployment').find((d) => d.metadata.name === 'frontdoor-worker')!;
    const [migrate] = byKind('Job');
    for (const workload of [gateway, worker, migrate]) {
      expect(podSpec(workload).securityContext?.runAsNonRoot).toBe(true);
      const script = podSpec(workload).containers[0].command!.at(-1)!;
      // dist/<path>.js is built from <path>.ts (tools/bench/src/build-dist.ts).
      expect(existsSync(join(ROOT, script.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
    }
  });

  it('build the image in stages, run it as a non-root user, pin base images, clean apt lists', () => {
    expect(baseImages.length).toBeGreaterThanOrEqual(2);
    for (const image of baseImages) expect(image).toMatch(/:(?!latest)[\w.-]+$/);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtime).toMatch(/^USER\s+(?!root\b|0\b)\S+/m);
    for (const line of dockerfile.match(/apt-get install[^\n]*/g) ?? [])
      expect(line).toContain('--no-install-recommends');
    if (dockerfile.includes('apt-get install')) expect(dockerfile).toContain('rm -rf /var/lib/apt/lists/*');
    const cmd = /^CMD\s+(\[.*\])$/m.exec(runtime)?.[1];
    expect(cmd).toBeDefined();
    const script = (JSON.parse(cmd!) as string[]).at(-1)!;
    expect(existsSync(join(ROOT, script.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
  });

  it('build and run the image on one Node major, the one production runs (decision 0093)', () => {
    // better-sqlite3 is compiled in the build stage for that stage's Node: the runtime must match it.
    expect(new Set(baseImages)).toEqual(new Set(['node:24-bookworm-slim']));
    expect(readFileSync(join(ROOT, 'docs/deployment.md'), 'utf8')).toMatch(
      /machines without the image, with Node 24/,
    );
  });

  it('start the gateway with the node flags of apps/gateway/node-flags.json everywhere it is started (decisions 0043, 0092)', () => {
    const flags = JSON.parse(readFileSync(join(ROOT, 'apps/gateway/node-flags.json'), 'utf8')) as string[];
    expect(flags).toContain('--max-semi-space-size=16');
    const gatewayScript = 'dist/apps/gateway/src/main.js';
    const dockerCmd = JSON.parse(/^CMD\s+(\[.*\])$/m.exec(dockerfile)![1]);
    const k8s = podSpec(byKind('Deployment').find((d) => d.metadata.name === 'frontdoor-gateway')!)
      .containers[0];
    expect(dockerCmd).toEqual(['node', ...flags, gatewayScript]);
    expect(k8s.command).toEqual(['node', ...flags, gatewayScript]);
    // Every gateway command in the operators' guide, and the development script.
    const guide = readFileSync(join(ROOT, 'docs/deployment.md'), 'utf8');
    const commands = guide.match(/node [^`\n]*dist\/apps\/gateway\/src\/main\.js/g) ?? [];
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const command of commands) expect(command).toBe(`node ${flags.join(' ')} ${gatewayScript}`);
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts.gateway).toContain(flags.join(' '));
  });
});
