/** What the gateway tells the page at /mina-arenden/config.json (libs/gateway/src/citizen-web). */
export interface RuntimeConfig {
  /** The OIDC issuer to sign in with (the e-ID broker); null: the demo token issuer of the embedded default. */
  issuer: string | null;
  clientId: string;
  demoUsers: { id: string; name: string; sub?: string }[];
}

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const response = await fetch('config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: ${response.status}`);
  return (await response.json()) as RuntimeConfig;
}
