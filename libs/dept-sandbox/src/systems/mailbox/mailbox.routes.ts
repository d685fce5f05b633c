import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FaultBoard } from '../../faults';

export interface DigitalMailboxOptions {
  apiKey?: string;
}

const SUPPLIERS = {
  kivra: 'Kivra',
  minmyndighetspost: 'Min myndighetspost',
} as const;
type SupplierId = keyof typeof SUPPLIERS;

interface Account {
  supplierId: SupplierId;
  /** Organisation numbers the citizen has blocked (the mailbox does not accept their post). */
  blockedSenders: string[];
}

const pn = z.string().regex(/^\d{12}$/);
const orgNr = z.string().regex(/^\d{10}$/);
const reachabilityRequest = z.object({ senderOrgNr: orgNr, recipientIds: z.array(pn).min(1).max(100) });
const deliveryRequest = z.object({
  messageId: z.string().min(1).max(200),
  senderOrgNr: orgNr,
  senderName: z.string().min(1).max(100),
  recipientId: pn,
  supplierId: z.string().min(1),
  subject: z.string().min(1).max(200),
  body: z.object({ contentType: z.literal('text/plain'), content: z.string().min(1).max(100_000) }),
});
const accountRequest = z.object({
  personalNumber: pn,
  supplierId: z.enum(Object.keys(SUPPLIERS) as [SupplierId, ...SupplierId[]]).nullable(),
  blockedSenders: z.array(orgNr).default([]),
});

interface Delivered {
  deliveryId: string;
  messageId: string;
  senderOrgNr: string;
  senderName: string;
  recipientId: string;
  supplierId: string;
  subject: string;
  content: string;
  at: string;
}

/**
 * Plays Sweden's infrastructure for digital post (Mina meddelanden): the recipient lookup
 * FaR (`POST /mailbox/far/v1/reachability`: does this person have a mailbox, with which
 * supplier, and does it accept this sender?) and delivery through an intermediary
 * (`POST /mailbox/delivery/v1/messages`, once per `messageId`). Anna Andersson and Bertil
 * Berg have Kivra; Cecilia Carlsson has Min myndighetspost; nobody else has a mailbox.
 * `GET /mailbox/admin/inbox` shows what was delivered; `PUT /mailbox/admin/accounts` sets one.
 */
export function registerDigitalMailbox(
  app: FastifyInstance,
  faults: FaultBoard,
  options: DigitalMailboxOptions = {},
): void {
  const apiKey = options.apiKey ?? 'sandbox-mailbox-key';
  const accounts = new Map<string, Account>([
    ['199001012385', { supplierId: 'kivra', blockedSenders: [] }],
    ['196408233234', { supplierId: 'kivra', blockedSenders: [] }],
    ['200002292399', { supplierId: 'minmyndighetspost', blockedSenders: [] }],
  ]);
  const inbox: Delivered[] = [];

  app.register(
    async (system) => {
      system.addHook('onRequest', async (request, reply) => {
        if (request.url.startsWith('/mailbox/admin/')) return undefined;
        if (await faults.apply('mailbox', reply)) return reply;
        if (request.headers.authorization !== `Bearer ${apiKey}`)
          return reply.code(401).send({ error: 'unauthorized' });
        return undefined;
      });

      system.post('/far/v1/reachability', async (request, reply) => {
        const body = reachabilityRequest.safeParse(request.body);
        if (!body.success) return reply.code(400).send({ error: 'invalid_request' });
        return {
          results: body.data.recipientIds.map((recipientId) => {
            const account = accounts.get(recipientId);
            if (!account)
              return { recipientId, senderAccepted: false, accountStatus: { type: 'Unregistered' } };
            return {
              recipientId,
              senderAccepted: !account.blockedSenders.includes(body.data.senderOrgNr),
              accountStatus: {
                type: 'Secure',
                serviceSupplier: { id: account.supplierId, name: SUPPLIERS[account.supplierId] },
              },
            };
          }),
        };
      });

      system.post('/delivery/v1/messages', async (request, reply) => {
        const body = deliveryRequest.safeParse(request.body);
        if (!body.success) return reply.code(400).send({ error: 'invalid_request' });
        const again = inbox.find((m) => m.messageId === body.data.messageId);
        if (again) return reply.code(200).send({ deliveryId: again.deliveryId, status: 'delivered' });
        const account = accounts.get(body.data.recipientId);
        if (!account || account.supplierId !== body.data.supplierId)
          return reply.code(404).send({ error: 'no_such_mailbox' });
        if (account.blockedSenders.includes(body.data.senderOrgNr))
          return reply.code(422).send({ error: 'sender_not_accepted' });
        const delivered: Delivered = {
          deliveryId: `dm-${randomUUID()}`,
          messageId: body.data.messageId,
          senderOrgNr: body.data.senderOrgNr,
          senderName: body.data.senderName,
          recipientId: body.data.recipientId,
          supplierId: body.data.supplierId,
          subject: body.data.subject,
          content: body.data.body.content,
          at: new Date().toISOString(),
        };
        inbox.push(delivered);
        return reply.code(201).send({ deliveryId: delivered.deliveryId, status: 'delivered' });
      });

      system.get('/admin/inbox', async () => inbox);
      system.put('/admin/accounts', async (request, reply) => {
        const body = accountRequest.safeParse(request.body);
        if (!body.success)
          return reply.code(400).send({ error: 'personalNumber, supplierId (or null), blockedSenders' });
        if (body.data.supplierId === null) accounts.delete(body.data.personalNumber);
        else
          accounts.set(body.data.personalNumber, {
            supplierId: body.data.supplierId,
            blockedSenders: body.data.blockedSenders,
          });
        return reply.code(204).send();
      });
    },
    { prefix: '/mailbox' },
  );
}
