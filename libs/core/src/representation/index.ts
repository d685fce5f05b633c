export { isMinorOn, AGE_OF_MAJORITY } from './minor';
export { custodyOf, type Custody } from './custody';
export { PowerOfAttorney, ALL_OPEN_DEPARTMENTS } from './power-of-attorney.entity';
export {
  checkPowerOfAttorney,
  powerOfAttorneyInput,
  type DepartmentCatalogue,
  type PowerOfAttorneyInput,
} from './power-of-attorney-input';
export { PowersOfAttorney, decidePower, type PowerDecision } from './powers-of-attorney.service';
export {
  Representations,
  basisKey,
  type CustodyReader,
  type Representation,
  type RepresentationBasis,
  type RepresentationRefusal,
} from './representations';
