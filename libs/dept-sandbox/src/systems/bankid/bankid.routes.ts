import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { z } from 'zod';
import type { FaultBoard } from '../../faults';
import type { BankIdTestCertificates } from './bankid-certificates';
import { FAILED_HINTS, PENDING_HINTS, type BankIdOrders } from './bankid-orders';

const personalNumber = z.string().regex(/^\d{12}$/);
const phoneAuthBody = z.object({
  personalNumber,
  callInitiator: z.enum(['user', 'RP']),
  userVisibleData: z.string().base64().max(1500).optional(),
  userNonVisibleData: z.string().base64().max(1500).optional(),
  userVisibleDataFormat: z.literal('simpleMarkdownV1').optional(),
  requirement: z.record(z.string(), z.unknown()).optional(),
});
const orderRefBody = z.object({ orderRef: z.string().min(1).max(100) });

function bankIdError(reply: FastifyReply, status: number, errorCode: string, details: string) {
  return reply.code(status).send({ errorCode, details });
}

/**
 * The BankID RP API v6 (phone authentication, collect, cancel) on its own HTTPS server with
 * mutual TLS, as BankID runs it: a client without a certificate signed by the (test) CA is
 * refused during the handshake, before any route. Errors come as `{ errorCode, details }`.
 */
export function buildBankIdServer(
  orders: BankIdOrders,
  faults: FaultBoard,
  certificates: BankIdTestCertificates,
  logger = false,
): FastifyInstance {
  const app = Fastify({
    logger,
    forceCloseConnections: true,
    https: {
      key: certificates.serverKeyPem,
      cert: certificates.serverCertPem,
      ca: certificates.caPem,
      requestCert: true,
      rejectUnauthorized: true,
    },
  });
  app.setErrorHandler((error: { statusCode?: number }, _request, reply) =>
    error.statusCode && error.statusCode < 500
      ? bankIdError(reply, 400, 'invalidParameters', 'Invalid request body.')
      : bankIdError(reply, 500, 'internalError', 'Internal error.'),
  );
  app.setNotFoundHandler((_request, reply) => bankIdError(reply, 404, 'notFound', 'No such endpoint.'));

  app.post('/rp/v6.0/phone/auth', async (request, reply) => {
    if (await faults.apply('bankid', reply)) return reply;
    const body = phoneAuthBody.safeParse(request.body);
    if (!body.success)
      return bankIdError(
        reply,
        400,
        'invalidParameters',
        body.error.issues.map((i) => i.path.join('.')).join(', '),
      );
    const started = orders.start(body.data.personalNumber, body.data.callInitiator);
    if (started.alreadyInProgress)
      return bankIdError(
        reply,
        400,
        'alreadyInProgress',
        'An order for this person was already in progress.',
      );
    return { orderRef: started.order!.orderRef };
  });

  app.post('/rp/v6.0/collect', async (request, reply) => {
    if (await faults.apply('bankid', reply)) return reply;
    const body = orderRefBody.safeParse(request.body);
    const order = body.success ? orders.get(body.data.orderRef) : undefined;
    if (!order) return bankIdError(reply, 400, 'invalidParameters', 'No such order.');
    order.collects += 1;
    return {
      orderRef: order.orderRef,
      status: order.status,
      ...(order.hintCode && order.status !== 'complete' ? { hintCode: order.hintCode } : {}),
      ...(order.status === 'complete' ? { completionData: order.completionData } : {}),
    };
  });

  app.post('/rp/v6.0/cancel', async (request, reply) => {
    if (await faults.apply('bankid', reply)) return reply;
    const body = orderRefBody.safeParse(request.body);
    const order = body.success ? orders.get(body.data.orderRef) : undefined;
    if (!order || order.status !== 'pending')
      return bankIdError(reply, 400, 'invalidParameters', 'No such order.');
    orders.fail(order.orderRef, 'cancelled');
    return {};
  });
  return app;
}

const hintBody = z.object({ hintCode: z.enum(PENDING_HINTS) });
const approveBody = z.object({ personalNumber: personalNumber.optional() }).optional();
const failBody = z.object({ hintCode: z.enum(FAILED_HINTS) });

/**
 * The caller's side, for tests and demos, on the sandbox's plain admin port: the app asks to
 * confirm the call (`hint`), the caller approves (optionally as another person, to try a
 * mismatch), declines the call, or the order fails with any BankID failure hint.
 */
export function registerBankIdAdmin(app: FastifyInstance, orders: BankIdOrders): void {
  const prefix = '/admin/bankid/orders';
  app.get(prefix, async () => orders.list());
  const act = (path: string, handle: (orderRef: string, body: unknown) => unknown) =>
    app.post(`${prefix}/:orderRef/${path}`, async (request, reply) => {
      const { orderRef } = request.params as { orderRef: string };
      try {
        const order = handle(orderRef, request.body);
        if (!order)
          return reply.code(404).send({ error: 'Not Found', message: 'no pending order ' + orderRef });
        return order;
      } catch (error) {
        if (error instanceof z.ZodError)
          return reply.code(400).send({ error: 'Bad Request', message: error.message });
        throw error;
      }
    });
  act('hint', (orderRef, body) => orders.hint(orderRef, hintBody.parse(body).hintCode));
  act('approve', (orderRef, body) =>
    orders.approve(orderRef, approveBody.parse(body ?? undefined)?.personalNumber),
  );
  act('decline', (orderRef) => orders.fail(orderRef, 'userDeclinedCall'));
  act('fail', (orderRef, body) => orders.fail(orderRef, failBody.parse(body).hintCode));
}
