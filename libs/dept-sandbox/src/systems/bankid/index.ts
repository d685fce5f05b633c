export {
  BANKID_CERT_FILES,
  generateBankIdCertificates,
  type BankIdTestCertificates,
} from './bankid-certificates';
export { BankIdOrders, type BankIdOrder } from './bankid-orders';
export { buildBankIdServer, registerBankIdAdmin } from './bankid.routes';
