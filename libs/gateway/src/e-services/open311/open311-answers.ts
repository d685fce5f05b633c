import { HubClock } from '@frontdoor/hub';
import type { TokenVerifier } from '../../platform/auth/token-verifier';
import { Open311Error } from './open311-error';
import { checkOpen311Form } from './open311-form-limits';
import type { Open311Form, Open311Requests } from './open311-requests';

const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** Bumped when the services or their definitions change shape (the spec's cache hint). */
const CHANGESET = '2026-12-01T00:00:00Z';

/**
 * What each Open311 resource answers, before it is rendered as JSON or XML: discovery, the
 * services and their definitions, the requests, and `POST requests` with its `api_key`
 * (a service account granted `open311`). Throws `Open311Error` (or a core refusal) for the
 * controller to answer in the asked format.
 */
export class Open311Answers {
  constructor(
    private readonly requests: Open311Requests,
    private readonly verifier: TokenVerifier,
    private readonly clock: HubClock,
    private readonly production: boolean,
  ) {}

  /** `GET {name}`: discovery, services or requests; anything else does not exist. */
  async resource(name: string, query: Record<string, unknown>, baseUrl: string): Promise<unknown> {
    if (name === 'discovery') {
      return {
        changeset: CHANGESET,
        contact: 'Kontaktcenter, Exempelstads kommun',
        key_service:
          'Ett api_key får en e-tjänst av kommunens integrationsgrupp (ett tjänstekonto i Frontdoor).',
        endpoints: [
          {
            specification: SPECIFICATION,
            url: baseUrl,
            changeset: CHANGESET,
            type: this.production ? 'production' : 'test',
            formats: ['text/xml', 'application/json'],
          },
        ],
      };
    }
    if (name === 'services') {
      this.requests.checkJurisdiction(query.jurisdiction_id);
      return this.requests.services();
    }
    only('requests', name);
    return this.requests.list(query, new Date(this.clock.now()));
  }

  /** `GET services/{code}`. */
  serviceDefinition(code: string, query: Record<string, unknown>) {
    this.requests.checkJurisdiction(query.jurisdiction_id);
    return this.requests.serviceDefinition(code);
  }

  /** `GET requests/{id}`: a list of one, as the spec has it. */
  async request(id: string, query: Record<string, unknown>) {
    return [await this.requests.get(id, query)];
  }

  /**
   * `POST {name}`: only `requests` exists (404 first); then the `api_key` (403), then the form's
   * text limits (400), then the case is created.
   */
  async create(name: string, body: unknown) {
    only('requests', name);
    const form = (typeof body === 'object' && body ? body : {}) as Open311Form;
    const clientId = this.apiKeyAccount(form.api_key);
    checkOpen311Form(form);
    return [await this.requests.create(form, clientId)];
  }

  /** The service account an `api_key` belongs to, if it may use Open311; 403 otherwise (the spec's code for a bad key). */
  private apiKeyAccount(given: Open311Form[string]): string {
    const key = Array.isArray(given) ? given[0] : given;
    if (!key)
      throw new Open311Error(
        403,
        'api_key was not provided: a service account’s key is required to create a request.',
      );
    const clientId = this.verifier.serviceAccountByApiKey(key);
    if (!clientId)
      throw new Open311Error(403, 'Invalid api_key received: it belongs to no service account here.');
    if (!this.verifier.serviceAccountOperations(clientId)?.includes('open311'))
      throw new Open311Error(
        403,
        `The service account "${clientId}" may not use Open311 (auth.serviceAccounts operations).`,
      );
    return clientId;
  }
}

function only(expected: string, name: string): void {
  if (name !== expected) throw new Open311Error(404, `No Open311 resource "${name}".`);
}
