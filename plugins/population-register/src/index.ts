export { populationRegisterPlugin as plugin, populationRegisterConfig } from './population-register.plugin';
export { populationRegisterPlugin, hasProtectedIdentity } from './population-register.plugin';
export { PopulationRecord, RegisteredAddress } from './population-record.types';
export { PersonCandidate, PersonSearchResult } from './person-search.types';
