import Fastify, { type FastifyInstance } from 'fastify';
import { sandboxToday } from './clock';
import { DEMO_PEOPLE } from './demo-people';
import { FaultBoard, registerFaultRoutes } from './faults';
import { registerRequestLog, RequestLog } from './request-log';
import { BankIdOrders } from './systems/bankid/bankid-orders';
import { registerBankIdAdmin } from './systems/bankid/bankid.routes';
import { seedChildcare } from './systems/childcare/childcare.data';
import { registerChildcareSystem } from './systems/childcare/childcare.routes';
import { seedIncomeSupport } from './systems/income-support/income-support.data';
import { registerIncomeSupportSystem } from './systems/income-support/income-support.routes';
import { registerHomeCareSystem } from './systems/home-care/home-care.routes';
import { registerChildYouthSystem } from './systems/child-youth/child-youth.routes';
import { registerDigitalMailbox } from './systems/mailbox/mailbox.routes';
import { registerSmsProvider } from './systems/sms/sms.routes';
import { registerParkingSystem } from './systems/parking/parking.routes';
import { registerSwimSystem } from './systems/swim/swim.routes';
import { registerSchoolSystem } from './systems/school/school.routes';
import { registerInvoicingSystem } from './systems/invoicing/invoicing.routes';
import { registerPermitsSystem } from './systems/permits/permits.routes';
import { seedRegister, type RegisterRecord } from './systems/register/register.data';
import { registerPopulationRegister } from './systems/register/register.routes';
import { registerTelephonyPlatform } from './systems/telephony/telephony.routes';
import { registerWasteSystem } from './systems/waste/waste.routes';
import { registerWaterSystem } from './systems/water/water.routes';
import { registerChimneySweepSystem } from './systems/chimney-sweep/chimney-sweep.routes';

export interface SandboxOptions {
  /** Fixes "today" for the seeded data (YYYY-MM-DD); defaults to the real date in Stockholm. */
  today?: string;
  childcareApiKey?: string;
  /** More people in the population register than the demo's (e.g. many of one name, to try the search's cap). */
  extraRegisterRecords?: RegisterRecord[];
  logger?: boolean;
  /** How long a BankID order stays pending before `expiredTransaction` (default 3 minutes). */
  bankIdExpiresAfterMs?: number;
  /** For the demo: every BankID order is approved this long after it starts. */
  bankIdAutoApproveAfterMs?: number;
}

/** The sandbox app and what other servers of the sandbox share with it (the BankID HTTPS server). */
export interface SandboxParts {
  app: FastifyInstance;
  faults: FaultBoard;
  bankIdOrders: BankIdOrders;
  /** What the systems were asked (also at `GET /admin/requests`). */
  requests: RequestLog;
}

export const DEFAULT_SANDBOX_KEYS = {
  childcare: 'sandbox-childcare-key',
  register: 'sandbox-register-key',
  incomeSupport: 'sandbox-income-support-key',
} as const;

/** Builds the sandbox: the department systems, the SMS provider and the digital mailbox, plus `/demo/people` and `/admin/faults`. */
export function buildSandbox(options: SandboxOptions = {}): FastifyInstance {
  return buildSandboxParts(options).app;
}

/** The sandbox with the BankID orders its HTTPS server (`buildBankIdServer`) answers from. */
export function buildSandboxParts(options: SandboxOptions = {}): SandboxParts {
  // forceCloseConnections: a "hang" fault holds sockets open; closing must not wait for them.
  const app = Fastify({ logger: options.logger ?? false, forceCloseConnections: true });
  const faults = new FaultBoard();
  const today = sandboxToday(options.today);
  const requests = new RequestLog();
  registerRequestLog(app, requests);

  app.get('/demo/people', async () => DEMO_PEOPLE);
  registerFaultRoutes(app, faults);
  registerChildcareSystem(app, faults, {
    apiKey: options.childcareApiKey ?? DEFAULT_SANDBOX_KEYS.childcare,
    applicationsByGuardian: seedChildcare(today),
  });
  registerInvoicingSystem(app, faults, { today });
  registerPermitsSystem(app, faults, { today });
  registerWasteSystem(app, faults, { today });
  registerHomeCareSystem(app, faults, { today });
  registerChildYouthSystem(app, faults, { today });
  registerParkingSystem(app, faults, { today });
  registerSwimSystem(app, faults, { today });
  registerSchoolSystem(app, faults, { today });
  registerWaterSystem(app, faults, { today });
  registerChimneySweepSystem(app, faults, { today });
  const register = seedRegister();
  for (const record of options.extraRegisterRecords ?? []) register.set(record.personalNumber, record);
  registerPopulationRegister(app, faults, { apiKey: DEFAULT_SANDBOX_KEYS.register, records: register });
  registerIncomeSupportSystem(app, faults, {
    apiKey: DEFAULT_SANDBOX_KEYS.incomeSupport,
    clients: seedIncomeSupport(today),
  });
  registerTelephonyPlatform(app);
  registerSmsProvider(app, faults);
  registerDigitalMailbox(app, faults);
  const bankIdOrders = new BankIdOrders({
    expiresAfterMs: options.bankIdExpiresAfterMs ?? 180_000,
    autoApproveAfterMs: options.bankIdAutoApproveAfterMs,
    nameOf: (personalNumber) => {
      const record = register.get(personalNumber);
      const givenName = record?.givenName ?? 'Test';
      const surname = record?.surname ?? 'Testsson';
      return { givenName, surname, name: `${givenName} ${surname}` };
    },
  });
  registerBankIdAdmin(app, bankIdOrders);
  app.addHook('onClose', async () => bankIdOrders.close());
  return { app, faults, bankIdOrders, requests };
}
