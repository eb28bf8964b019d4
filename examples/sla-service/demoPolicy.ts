/**
 * The policy the service's tests and benchmark run on: the standard preset with minute-long
 * targets on the 24/7 clock, so that warnings, breaches and escalations fall due within a minute
 * of real time. Enterprise and Premium answer within a minute (Premium resolves within two),
 * Starter within two; every target warns at 90 % and escalates at 120 %, and resolution pauses
 * while the ticket waits on the customer or is on hold.
 */
import { type PolicyDefinition, standardSupport } from '../../src/index.js';

type Targets = PolicyDefinition['plans'][string]['targets'];
const minutes = (firstResponse: number, resolution: number): Targets => [
  { metric: 'firstResponse', duration: `PT${firstResponse}M`, clock: '24/7' },
  { metric: 'resolution', duration: `PT${resolution}M`, clock: '24/7', pauseOn: ['waiting_on_customer', 'on_hold'] },
];

/** The demo policy; `firstResponseMinutes` changes Enterprise's first response (a policy change). */
export function demoPolicy(firstResponseMinutes = 1): PolicyDefinition {
  const plans = structuredClone(standardSupport.plans) as Record<string, PolicyDefinition['plans'][string]>;
  plans['enterprise'] = { ...plans['enterprise']!, targets: minutes(firstResponseMinutes, 1) };
  plans['premium'] = { ...plans['premium']!, targets: minutes(1, 2) };
  plans['starter'] = { ...plans['starter']!, targets: minutes(2, 2) };
  return {
    ...standardSupport,
    id: 'sla-service-demo',
    version: `enterprise-first-response-${firstResponseMinutes}m`,
    plans,
    sla: {
      thresholds: [
        { id: 'warn-90', percent: 90 },
        { id: 'escalate-120', percent: 120 },
      ],
    },
  };
}

/** The earliest any threshold of the demo policy falls due after a clock starts: 90 % of a minute. */
export const EARLIEST_THRESHOLD_MS = 54_000;
