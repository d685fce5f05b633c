// The clock is the hub's (@frontdoor/hub); this path stays only until open311-routes.ts imports it from there.
export { HubClock } from '@frontdoor/hub';
