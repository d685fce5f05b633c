/** What the gateway tells the console at /console/config.json (libs/gateway/src/console). */
export interface RuntimeConfig {
  /** The OIDC issuer to sign in with; null: the demo token issuer of the embedded default. */
  issuer: string | null;
  clientId: string;
  demoUsers: { id: string; role: string; name: string; sub?: string }[];
  categories: { key: string; name: string }[];
  answerGroups: AnswerGroup[];
  /** The purposes of a lookup the hub is configured with (access.purpose.reasons). */
  purposeReasons: { key: string; label: string; needsText: boolean }[];
}

export interface AnswerGroup {
  key: string;
  name: string;
  department: string;
}

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const response = await fetch('config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: ${response.status}`);
  return (await response.json()) as RuntimeConfig;
}
