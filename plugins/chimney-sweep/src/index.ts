export { chimneySweepPlugin as plugin, chimneySweepPlugin, chimneySweepConfig } from './chimney-sweep.plugin';
export {
  ChimneySweep,
  ChimneySweepProperty,
  ChimneySweepInstallation,
  ChimneySweepProtocol,
  ChimneySweepRemark,
} from './chimney-sweep.types';
export { protocolResultCatalogue } from './chimney-sweep.catalogues';
