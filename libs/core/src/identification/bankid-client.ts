import { readFileSync } from 'node:fs';
import { Agent, request } from 'undici';
import type { z } from 'zod';
import { bankIdErrorAnswer, collectAnswer, phoneAuthAnswer, type CollectAnswer } from './bankid-answers';

/** Where BankID is and the relying party's certificate (as `bankId` in the config file names them). */
export interface BankIdConnection {
  baseUrl: string;
  clientCertFile: string;
  clientKeyFile: string;
  clientKeyPassphrase?: string;
  caFile: string;
  timeoutMs: number;
}

/**
 * A BankID call that gave no usable answer. `unavailable`: no answer in time, a network or TLS
 * failure, 5xx (internalError, maintenance); `invalid-answer`: an answer that fails validation;
 * `refused`: a BankID error code (alreadyInProgress, invalidParameters, unauthorized, …).
 */
export class BankIdCallFailed extends Error {
  constructor(
    readonly kind: 'unavailable' | 'invalid-answer' | 'refused',
    readonly errorCode: string | null,
    message: string,
  ) {
    super(message);
  }
}

/** The three RP API v6 calls a phone identification needs, over mutual TLS. One call, one round trip: no retries here. */
export class BankIdClient {
  private agent?: Agent;

  constructor(private readonly connection: BankIdConnection) {}

  /**
   * The mutual-TLS connection, made on first use: a hub whose certificate files are not there
   * (the sandbox not started yet, a deploy without BankID) still starts; each identification
   * then fails as BankID unavailable, naming the file in the message.
   */
  private connected(): Agent {
    this.agent ??= new Agent({
      connect: {
        cert: readFileSync(this.connection.clientCertFile),
        key: readFileSync(this.connection.clientKeyFile),
        passphrase: this.connection.clientKeyPassphrase,
        ca: readFileSync(this.connection.caFile),
        rejectUnauthorized: true,
      },
      headersTimeout: this.connection.timeoutMs,
      bodyTimeout: this.connection.timeoutMs,
    });
    return this.agent;
  }

  async phoneAuth(personalNumber: string, userVisibleData: string): Promise<{ orderRef: string }> {
    return this.call('phone/auth', phoneAuthAnswer, {
      personalNumber,
      callInitiator: 'RP',
      userVisibleData: Buffer.from(userVisibleData, 'utf8').toString('base64'),
    });
  }

  collect(orderRef: string): Promise<CollectAnswer> {
    return this.call('collect', collectAnswer, { orderRef });
  }

  async cancel(orderRef: string): Promise<void> {
    await this.call('cancel', null, { orderRef });
  }

  async close(): Promise<void> {
    await this.agent?.close();
  }

  private async call<T>(path: string, schema: z.ZodType<T> | null, body: unknown): Promise<T> {
    let status: number;
    let text: string;
    try {
      const response = await request(new URL(path, this.connection.baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        dispatcher: this.connected(),
        signal: AbortSignal.timeout(this.connection.timeoutMs),
      });
      status = response.statusCode;
      text = await response.body.text();
    } catch (error) {
      throw new BankIdCallFailed('unavailable', null, `BankID ${path}: ${(error as Error).message}`);
    }
    const json = parseJson(text);
    if (status >= 500)
      throw new BankIdCallFailed('unavailable', errorCodeOf(json), `BankID ${path}: HTTP ${status}`);
    if (status !== 200) {
      const error = bankIdErrorAnswer.safeParse(json);
      if (!error.success)
        throw new BankIdCallFailed(
          'invalid-answer',
          null,
          `BankID ${path}: HTTP ${status} without an error code`,
        );
      throw new BankIdCallFailed('refused', error.data.errorCode, `BankID ${path}: ${error.data.errorCode}`);
    }
    if (!schema) return undefined as T;
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new BankIdCallFailed(
        'invalid-answer',
        null,
        `BankID ${path}: the answer does not match the RP API`,
      );
    return parsed.data;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorCodeOf(json: unknown): string | null {
  const parsed = bankIdErrorAnswer.safeParse(json);
  return parsed.success ? parsed.data.errorCode : null;
}
