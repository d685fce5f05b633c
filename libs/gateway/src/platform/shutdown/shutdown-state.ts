/** Whether this gateway is shutting down: readiness fails from the first moment of a SIGTERM. */
export class ShutdownState {
  draining = false;
}
