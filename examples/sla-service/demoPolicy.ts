/**
 * The policy the service's tests and benchmark run on: the standard preset with minute-long
 * targets on the 24/7 clock, so that warnings, breaches and escalations fall due within a minute
 * of real time. Enterprise and Premium answer within a minute (Premium resolves within two),
 * Starter within two; every target warns at 90 % and escalates at 110 %, and resolution pauses
 * while the ticket waits on the customer or is on hold.
 */
import { type PolicyDefinition, standardSupport } from '../../src/index.js';

type Targets = PolicyDefinition['plans'][string]['targets'];
const minutes = (firstResponse: number, resolution: number): Targets => [
  { metric: 'firstResponse', duration: `PT${firstResponse}M`, clock: '24/7' },
  { metric: 'resolution', duration: `PT${resolution}M`, clock: '24/7', pauseOn: ['waiting_on_customer', 'on_hold'] },
];

/** The demo policy, every target `scale` times as long (a policy change, or a version under which nothing falls due soon). */
export function demoPolicy(scale = 1): PolicyDefinition {
  const plans = structuredClone(standardSupport.plans) as Record<string, PolicyDefinition['plans'][string]>;
  plans['enterprise'] = { ...plans['enterprise']!, targets: minutes(scale, scale) };
  plans['premium'] = { ...plans['premium']!, targets: minutes(scale, 2 * scale) };
  plans['starter'] = { ...plans['starter']!, targets: minutes(2 * scale, 2 * scale) };
  return {
    ...standardSupport,
    id: 'sla-service-demo',
    version: `minutes-x${scale}`,
    plans,
    sla: {
      thresholds: [
        { id: 'warn-90', percent: 90 },
        { id: 'escalate-110', percent: 110 },
      ],
    },
  };
}

/** The earliest any threshold of the demo policy falls due after a clock starts: 90 % of a minute. */
export const EARLIEST_THRESHOLD_MS = 54_000;
