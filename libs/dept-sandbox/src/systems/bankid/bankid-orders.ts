import { randomUUID } from 'node:crypto';

export type BankIdStatus = 'pending' | 'failed' | 'complete';

export const PENDING_HINTS = [
  'outstandingTransaction',
  'userCallConfirm',
  'userMobileSign',
  'started',
] as const;
export const FAILED_HINTS = [
  'expiredTransaction',
  'userCancel',
  'cancelled',
  'startFailed',
  'userDeclinedCall',
  'certificateErr',
] as const;

export interface BankIdUser {
  personalNumber: string;
  name: string;
  givenName: string;
  surname: string;
}

export interface BankIdOrder {
  orderRef: string;
  personalNumber: string;
  callInitiator: 'user' | 'RP';
  status: BankIdStatus;
  hintCode?: string;
  startedAt: number;
  /** How many times the RP has collected it (tests wait for polls to happen, not for time to pass). */
  collects: number;
  completionData?: Record<string, unknown>;
}

/**
 * The sandbox's BankID orders, in memory like the rest of the sandbox. An order is pending
 * until the "caller" (a sandbox admin call or the demo timer) approves, declines or fails
 * it, or until it expires (`expiresAfterMs`, checked when collected).
 */
export class BankIdOrders {
  private readonly orders = new Map<string, BankIdOrder>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly options: {
      expiresAfterMs: number;
      /** For the demo: approve every order this long after it starts (no admin call needed). */
      autoApproveAfterMs?: number;
      nameOf: (personalNumber: string) => Omit<BankIdUser, 'personalNumber'>;
    },
  ) {}

  /** Starts an order; an order already pending for the person is cancelled with it (as BankID does). */
  start(
    personalNumber: string,
    callInitiator: 'user' | 'RP',
  ): { order?: BankIdOrder; alreadyInProgress?: true } {
    const pending = [...this.orders.values()].find(
      (o) => o.personalNumber === personalNumber && o.status === 'pending',
    );
    if (pending) {
      this.finish(pending, 'failed', 'cancelled');
      return { alreadyInProgress: true };
    }
    const order: BankIdOrder = {
      orderRef: randomUUID(),
      personalNumber,
      callInitiator,
      status: 'pending',
      hintCode: 'outstandingTransaction',
      startedAt: Date.now(),
      collects: 0,
    };
    this.orders.set(order.orderRef, order);
    if (this.options.autoApproveAfterMs !== undefined) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (order.status === 'pending') this.approve(order.orderRef);
      }, this.options.autoApproveAfterMs).unref();
      this.timers.add(timer);
    }
    return { order };
  }

  get(orderRef: string): BankIdOrder | undefined {
    const order = this.orders.get(orderRef);
    if (order?.status === 'pending' && Date.now() - order.startedAt > this.options.expiresAfterMs)
      this.finish(order, 'failed', 'expiredTransaction');
    return order;
  }

  list(): BankIdOrder[] {
    return [...this.orders.values()];
  }

  /** The caller's app moves on: e.g. `userCallConfirm` (asked to confirm the call), `userMobileSign`. */
  hint(orderRef: string, hintCode: (typeof PENDING_HINTS)[number]): BankIdOrder | undefined {
    const order = this.pendingOrder(orderRef);
    if (order) order.hintCode = hintCode;
    return order;
  }

  /** The caller identifies; `asPersonalNumber` simulates another person's BankID answering. */
  approve(orderRef: string, asPersonalNumber?: string): BankIdOrder | undefined {
    const order = this.pendingOrder(orderRef);
    if (!order) return undefined;
    const personalNumber = asPersonalNumber ?? order.personalNumber;
    order.completionData = {
      user: { personalNumber, ...this.options.nameOf(personalNumber) },
      device: { ipAddress: '192.0.2.10', uhi: 'OZvYM9VvyiAmG7NA5jU5zqGcVpo=' },
      bankIdIssueDate: '2024-01-15',
      stepUp: { mrtd: false },
      signature: Buffer.from('<sandbox-signature/>').toString('base64'),
      ocspResponse: Buffer.from('sandbox-ocsp').toString('base64'),
    };
    this.finish(order, 'complete');
    return order;
  }

  fail(orderRef: string, hintCode: (typeof FAILED_HINTS)[number]): BankIdOrder | undefined {
    const order = this.pendingOrder(orderRef);
    if (order) this.finish(order, 'failed', hintCode);
    return order;
  }

  /** Stops the demo timers (on close). */
  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private pendingOrder(orderRef: string): BankIdOrder | undefined {
    const order = this.get(orderRef);
    return order?.status === 'pending' ? order : undefined;
  }

  private finish(order: BankIdOrder, status: 'failed' | 'complete', hintCode?: string): void {
    order.status = status;
    order.hintCode = hintCode;
  }
}
