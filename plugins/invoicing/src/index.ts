export {
  invoicingPlugin as plugin,
  invoicingPlugin,
  invoiceStatuses,
  invoiceDetail,
} from './invoicing.plugin';
export { invoiceStatusCatalogue } from './invoice-status.catalogue';
export { invoicingConfig } from './invoicing.config';
export { formatKronor } from './kronor';
