export { BankIdCallFailed, BankIdClient, type BankIdConnection } from './bankid-client';
export { CallerIdentification, type IdentificationStatus } from './caller-identification.entity';
export {
  CallerIdentifications,
  type IdentificationRequest,
  type IdentificationStep,
  type IdentificationValidity,
} from './caller-identifications';
export { identificationMessage, NOT_IDENTIFIED_REASON } from './identification-texts';
