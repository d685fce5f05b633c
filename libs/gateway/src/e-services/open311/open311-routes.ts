import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { CaseQueries } from '@frontdoor/core';
import { HubClock } from '@frontdoor/hub';
import { TokenVerifier } from '../../platform/auth/token-verifier';
import type { GatewayConfig } from '../../platform/config/gateway-config';
import { EServiceIntake } from '../e-service-intake';
import { Open311Error, asOpen311Error } from './open311-error';
import { checkOpen311Form } from './open311-form-limits';
import { render, renderErrors, type Open311Format } from './open311-format';
import { Open311Requests, type Open311Form } from './open311-requests';

export const OPEN311_BASE = '/open311/v2';
const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** Bumped when the services or their definitions change shape (the spec's cache hint). */
const CHANGESET = '2026-12-01T00:00:00Z';
const FILE = /^([A-Za-z0-9._-]+)\.(json|xml)$/;

/**
 * Open311 GeoReport v2 at /open311/v2/: discovery, services, service definitions, requests.
 * Outside Nest's router like the console: Open311 has its own error shape and format by file
 * extension, and authenticates POST with a service account's `api_key` (auth.serviceAccounts,
 * operation `open311`), not a bearer token. GETs are public, as the spec has them, and show
 * no reporter's personal data.
 */
export function registerOpen311(app: NestFastifyApplication, config: GatewayConfig): void {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const logger = new Logger('Open311');
  let requests: Open311Requests | undefined;
  const service = () =>
    (requests ??= new Open311Requests(
      app.get(DataSource),
      app.get(EServiceIntake),
      app.get(CaseQueries),
      config.env.OPEN311_JURISDICTION_ID,
    ));
  const now = () => new Date(app.get(HubClock).now());

  /** Runs a handler, answering Open311 errors in the asked format; anything else is a logged 400 (the spec's general error). */
  const handle =
    (
      work: (request: FastifyRequest, format: Open311Format, name: string) => Promise<unknown> | unknown,
      xml: { root: string; item?: string } | ((name: string) => { root: string; item?: string }),
    ) =>
    async (request: FastifyRequest<{ Params: { file: string } }>, reply: FastifyReply) => {
      const match = FILE.exec(request.params.file);
      if (!match) {
        const answer = renderErrors('json', [
          { code: 404, description: `No Open311 resource "${request.params.file}": use .json or .xml.` },
        ]);
        return reply.code(404).type(answer.type).send(answer.payload);
      }
      const [, name, ext] = match;
      const format = ext as Open311Format;
      try {
        const body = await work(request, format, name);
        const answer = render(format, body, typeof xml === 'function' ? xml(name) : xml);
        return reply
          .code(request.method === 'POST' ? 201 : 200)
          .type(answer.type)
          .send(answer.payload);
      } catch (error) {
        const known = asOpen311Error(error);
        if (!known) logger.error({ err: error, requestId: request.id }, 'Open311 request failed');
        const status = known ? known.status : 500;
        const description = known
          ? known.description
          : `The request could not be handled (request id ${request.id}); try again later.`;
        const answer = renderErrors(format, [{ code: status, description }]);
        return reply.code(status).header('cache-control', 'no-store').type(answer.type).send(answer.payload);
      }
    };

  const only = (expected: string, name: string) => {
    if (name !== expected) throw new Open311Error(404, `No Open311 resource "${name}".`);
  };

  fastify.get(
    `${OPEN311_BASE}/:file`,
    handle(
      async (request, _format, name) => {
        const query = request.query as Record<string, unknown>;
        if (name === 'discovery') {
          const url = `${request.protocol}://${request.host}${OPEN311_BASE}`;
          return {
            changeset: CHANGESET,
            contact: 'Kontaktcenter, Exempelstads kommun',
            key_service:
              'Ett api_key får en e-tjänst av kommunens integrationsgrupp (ett tjänstekonto i Frontdoor).',
            endpoints: [
              {
                specification: SPECIFICATION,
                url,
                changeset: CHANGESET,
                type: config.env.NODE_ENV === 'production' ? 'production' : 'test',
                formats: ['text/xml', 'application/json'],
              },
            ],
          };
        }
        if (name === 'services') {
          service().checkJurisdiction(query.jurisdiction_id);
          return service().services();
        }
        only('requests', name);
        return service().list(query, now());
      },
      (name) =>
        name === 'discovery'
          ? { root: 'discovery' }
          : name === 'services'
            ? { root: 'services', item: 'service' }
            : { root: 'service_requests', item: 'request' },
    ),
  );

  fastify.get(
    `${OPEN311_BASE}/services/:file`,
    handle(
      (request, _format, code) => {
        service().checkJurisdiction((request.query as Record<string, unknown>).jurisdiction_id);
        return service().serviceDefinition(code);
      },
      { root: 'service_definition' },
    ),
  );

  fastify.get(
    `${OPEN311_BASE}/requests/:file`,
    handle(
      async (request, _format, id) => [await service().get(id, request.query as Record<string, unknown>)],
      { root: 'service_requests', item: 'request' },
    ),
  );

  fastify.post(
    `${OPEN311_BASE}/:file`,
    handle(
      async (request, _format, name) => {
        only('requests', name);
        const form = (typeof request.body === 'object' && request.body ? request.body : {}) as Open311Form;
        const clientId = apiKeyAccount(app.get(TokenVerifier), form.api_key);
        checkOpen311Form(form);
        return [await service().create(form, clientId)];
      },
      { root: 'service_requests', item: 'request' },
    ),
  );
}

/** The service account an `api_key` belongs to, if it may use Open311; 403 otherwise (the spec's code for a bad key). */
function apiKeyAccount(verifier: TokenVerifier, given: Open311Form[string]): string {
  const key = Array.isArray(given) ? given[0] : given;
  if (!key)
    throw new Open311Error(
      403,
      'api_key was not provided: a service account’s key is required to create a request.',
    );
  const clientId = verifier.serviceAccountByApiKey(key);
  if (!clientId)
    throw new Open311Error(403, 'Invalid api_key received: it belongs to no service account here.');
  if (!verifier.serviceAccountOperations(clientId)?.includes('open311'))
    throw new Open311Error(
      403,
      `The service account "${clientId}" may not use Open311 (auth.serviceAccounts operations).`,
    );
  return clientId;
}
