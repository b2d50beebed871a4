/**
 * HTTP agents whose requests tracing leaves alone: no span, and no trace headers sent. For calls to systems
 * outside the platform on a hot path — the duty service's SMS and voice provider — where our trace ids have no
 * business travelling and the service's own metrics already time the call. The mark is a registry symbol, so
 * the telemetry preload and the service see the same mark without sharing a module instance.
 */
const mark = Symbol.for('gov.platform.untraced-agent');

export function untracedAgent<A extends object>(agent: A): A {
  (agent as Record<symbol, unknown>)[mark] = true;
  return agent;
}

export function isUntracedAgent(agent: unknown): boolean {
  return typeof agent === 'object' && agent !== null && (agent as Record<symbol, unknown>)[mark] === true;
}
