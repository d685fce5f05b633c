import { Controller, Get, Module, Param } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ErrorCode, FrontdoorError } from '@frontdoor/core';
import { FrontdoorErrorFilter } from './frontdoor-error.filter';
import { inHttpTerms, sendFault, toHttpException } from './http-translation';
import type { FastifyReply } from 'fastify';

const STATUSES: [ErrorCode, number, string][] = [
  [ErrorCode.BAD_USER_INPUT, 400, 'Bad Request'],
  [ErrorCode.UNAUTHENTICATED, 401, 'Unauthorized'],
  [ErrorCode.FORBIDDEN, 403, 'Forbidden'],
  [ErrorCode.NOT_FOUND, 404, 'Not Found'],
  [ErrorCode.CONFLICT, 409, 'Conflict'],
  [ErrorCode.RATE_LIMITED, 429, 'Too Many Requests'],
  [ErrorCode.SOURCE_INVALID_RESPONSE, 502, 'Bad Gateway'],
  [ErrorCode.SOURCE_UNAVAILABLE, 503, 'Service Unavailable'],
];

describe('core errors in HTTP terms', () => {
  it.each(STATUSES)('%s is %i with Nest’s usual body', (code, status, error) => {
    const exception = toHttpException(new FrontdoorError(code, 'from: give a date.', { field: 'from' }))!;
    expect(exception.getStatus()).toBe(status);
    expect(exception.getResponse()).toEqual({ message: 'from: give a date.', error, statusCode: status });
  });

  it('leaves INTERNAL and anything not a core error to Nest’s fault handling (500, logged)', () => {
    const internal = new FrontdoorError(ErrorCode.INTERNAL, 'db-7 lost');
    const fault = new Error('db-7 lost');
    expect(toHttpException(internal)).toBeUndefined();
    expect(inHttpTerms(internal)).toBe(internal);
    expect(inHttpTerms(fault)).toBe(fault);
  });
});

@Controller('probe')
class ProbeController {
  @Get(':code')
  refuse(@Param('code') code: string): never {
    if (code === 'fault') throw new Error('connection to db-7 lost');
    throw new FrontdoorError(code as ErrorCode, `refused with ${code}`);
  }
}

@Module({
  controllers: [ProbeController],
  providers: [{ provide: APP_FILTER, useClass: FrontdoorErrorFilter }],
})
class ProbeModule {}

describe('FrontdoorErrorFilter on a REST controller', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(ProbeModule, new FastifyAdapter(), {
      logger: false,
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it.each(STATUSES)('answers %s thrown by a controller with %i', async (code, status, error) => {
    const response = await app.inject({ method: 'GET', url: `/probe/${code}` });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual({ message: `refused with ${code}`, error, statusCode: status });
  });

  it.each(['INTERNAL', 'fault'])('masks %s as Nest’s 500, as before', async (code) => {
    const response = await app.inject({ method: 'GET', url: `/probe/${code}` });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ statusCode: 500, message: 'Internal server error' });
  });
});

describe('sendFault', () => {
  it('answers 500 in Fastify’s shape with the request id, never the fault’s own text', () => {
    const sent: { status?: number; body?: unknown } = {};
    const reply = {
      code(status: number) {
        sent.status = status;
        return this;
      },
      send(body: unknown) {
        sent.body = body;
        return this;
      },
    } as unknown as FastifyReply;
    sendFault(reply, 'req-42');
    expect(sent).toEqual({
      status: 500,
      body: {
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'Something went wrong in Frontdoor; it is logged under request id req-42.',
      },
    });
  });
});
