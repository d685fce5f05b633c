import { Controller, Get, Logger, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../platform/guard/allow.decorator';
import { Open311Answers } from './open311-answers';
import { asOpen311Error } from './open311-error';
import { render, renderErrors, type Open311Format } from './open311-format';

export const OPEN311_BASE = '/open311/v2';
const FILE = /^([A-Za-z0-9._-]+)\.(json|xml)$/;
type XmlNames = { root: string; item?: string };
type Query = Record<string, unknown>;

/**
 * Open311 GeoReport v2 at /open311/v2/: discovery, services, service definitions, requests,
 * each as `.json` or `.xml` by the path's extension, errors as Open311's
 * `[{ code, description }]` in that format (a bad extension: 404 in JSON).
 *
 * `@Public()` on purpose: GETs are public, as the spec has them, and show no reporter's
 * personal data; `POST requests` authenticates with a service account's form field `api_key`
 * (operation `open311`), not a bearer token, and the spec's order of answers is the resource
 * first (a bad extension or an unknown resource is 404 before any 403 for the key), which
 * a guard deciding before the handler cannot keep. So `Open311Answers.create` checks the key
 * once the resource is known.
 */
@Controller('open311/v2')
@Public()
export class Open311Controller {
  private readonly logger = new Logger('Open311');

  constructor(private readonly answers: Open311Answers) {}

  @Get(':file')
  resource(@Param('file') file: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const baseUrl = `${request.protocol}://${request.host}${OPEN311_BASE}`;
    return this.answer(
      request,
      reply,
      file,
      (name) => this.answers.resource(name, request.query as Query, baseUrl),
      (name) =>
        name === 'discovery'
          ? { root: 'discovery' }
          : name === 'services'
            ? { root: 'services', item: 'service' }
            : { root: 'service_requests', item: 'request' },
    );
  }

  @Get('services/:file')
  serviceDefinition(@Param('file') file: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.answer(
      request,
      reply,
      file,
      (code) => this.answers.serviceDefinition(code, request.query as Query),
      () => ({ root: 'service_definition' }),
    );
  }

  @Get('requests/:file')
  request(@Param('file') file: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.answer(
      request,
      reply,
      file,
      (id) => this.answers.request(id, request.query as Query),
      () => ({ root: 'service_requests', item: 'request' }),
    );
  }

  @Post(':file')
  create(@Param('file') file: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.answer(
      request,
      reply,
      file,
      (name) => this.answers.create(name, request.body),
      () => ({ root: 'service_requests', item: 'request' }),
    );
  }

  /** Runs a resource's work and answers in the asked format: Open311 errors as they are; anything else a logged 500. */
  private async answer(
    request: FastifyRequest,
    reply: FastifyReply,
    file: string,
    work: (name: string) => Promise<unknown> | unknown,
    xml: (name: string) => XmlNames,
  ) {
    const match = FILE.exec(file);
    if (!match) {
      const answer = renderErrors('json', [
        { code: 404, description: `No Open311 resource "${file}": use .json or .xml.` },
      ]);
      return reply.code(404).type(answer.type).send(answer.payload);
    }
    const [, name, ext] = match;
    const format = ext as Open311Format;
    try {
      const body = await work(name);
      const answer = render(format, body, xml(name));
      return reply
        .code(request.method === 'POST' ? 201 : 200)
        .type(answer.type)
        .send(answer.payload);
    } catch (error) {
      const known = asOpen311Error(error);
      if (!known) this.logger.error({ err: error, requestId: request.id }, 'Open311 request failed');
      const status = known ? known.status : 500;
      const description = known
        ? known.description
        : `The request could not be handled (request id ${request.id}); try again later.`;
      const answer = renderErrors(format, [{ code: status, description }]);
      return reply.code(status).header('cache-control', 'no-store').type(answer.type).send(answer.payload);
    }
  }
}
