import { deepFreeze } from '../internal/deepFreeze.js';
import type { PolicyDefinition } from '../policy/schema.js';

const t = (en: string) => ({ en });
const weekdays: [string, string][] = [['09:00', '17:00']];
const sev = (
  id: string,
  rank: number,
  label: string,
  definition: string,
  condition: { when: Record<string, unknown[]>; unless?: Record<string, unknown[]> },
  examples: string[] = [],
) => ({
  id,
  rank,
  label: t(label),
  definition: t(definition),
  criteria: [{ id: `${id}.definition`, text: t(definition), ...condition }],
  ...(examples.length > 0 ? { examples: examples.map(t) } : {}),
});

/**
 * The "dedicated support" add-on of a helpdesk SaaS vendor, with its VIP SLA, as data.
 *
 * @remarks
 * Read from the vendor's one-page "Availability & scope of service" sheet (English only, so the
 * policy carries the `en` locale only). Rules and where they come from:
 *
 * - "it's only available for the highest plan (All-inclusive) with an additional fee of
 *   1000€/month" — add-on `dedicated_support`, 100000 minor units of EUR per month, available on
 *   plan `all_inclusive` only (the sheet names no other plan).
 * - "Dedicated chat support from 9:00 A.M. to 5:00 P.M. CET Monday – Friday" and the same for
 *   email — calendar `dedicated-hours`, `Europe/Bratislava` (the vendor's seat), no holidays
 *   (the sheet names none).
 * - "Apart from 24/7 chat support on our website and standard email support" — the plan's own
 *   channels, on the `24/7` clock.
 * - "we'll immediately route you to a 2nd level technical agent" — routing to second-level agents.
 * - VIP SLA: Severity 1 Critical and 2 High "1 hour or less", follow-up "4 hours or less. Support
 *   agents will work with our admins to restore the service" — a periodic update: at most 4 hours
 *   between one agent update and the next until the ticket is solved (on the `24/7` clock, the
 *   reading fixed for this preset); Severity 3 Standard "2 business hours or less", follow-up "2
 *   business days or less" (each customer message answered within 2 business days); Severity 4
 *   Bugfix and 5 Request "1 business day or less" — on `dedicated-hours`. "Within 1-2 hours,
 *   typically right away" and "within 24 hours" are informational (`typical`); "keep you in the
 *   loop" (Severities 3–5) sets no figure, so it is a feature of the add-on, not a measured target.
 * - Severity 2 "Cloud services are operational but exhibit highly degraded performance" — a
 *   degraded service, `unless` it is down (then the facts go beyond Severity 2; `classify` answers
 *   Severity 1, `nearest`, when the workaround or the impact keep it from Severity 1 literally).
 *
 * @example
 * ```ts
 * import { dedicatedSupport, parsePolicy } from 'support-policy';
 * const policy = parsePolicy(dedicatedSupport);
 * policy.addOns.dedicated_support.price; //=> { amountMinor: 100000, currency: 'EUR', per: 'month' }
 * policy.addOns.dedicated_support.availableOn; //=> ['all_inclusive']
 * ```
 * @category Presets
 */
export const dedicatedSupport: PolicyDefinition = deepFreeze({
  schemaVersion: 1,
  id: 'dedicated-support',
  name: t('Dedicated support (VIP SLA)'),
  locales: ['en'],
  source: {
    title: 'Availability & scope of service: dedicated support',
    documents: ['Availability & scope of service (EN)'],
    readOn: '2026-11-23',
  },
  calendars: {
    'dedicated-hours': {
      zone: 'Europe/Bratislava',
      week: { 1: weekdays, 2: weekdays, 3: weekdays, 4: weekdays, 5: weekdays },
    },
  },
  channels: {
    website_chat: { label: t('Website chat') },
    email: { label: t('Standard email support') },
    dedicated_chat: { label: t('Dedicated chat') },
    dedicated_email: { label: t('Dedicated email') },
    call: { label: t("Call booked on the dedicated agent's calendar") },
  },
  severityScales: {
    vip: {
      label: t('VIP SLA severities'),
      levels: [
        sev(
          'sev1',
          1,
          'Severity 1 Critical',
          'Service is down or unavailable. The situation halts customer business operations, and no procedural workaround exists.',
          { when: { service: ['down'], businessImpact: ['halted'], workaround: [false] } },
        ),
        sev(
          'sev2',
          2,
          'Severity 2 High',
          'Significant performance degradation. Cloud services are operational but exhibit highly degraded performance to the point of significant impact on usage.',
          // "Cloud services are operational": a service that is down is beyond Severity 2.
          { when: { service: ['degraded', 'down'] }, unless: { service: ['down'] } },
        ),
        sev(
          'sev3',
          3,
          'Severity 3 Standard',
          'A partial loss of cloud services with an impact on customer business. For example, new emails are not being fetched, or a specific integration is not working.',
          { when: { service: ['partial_loss', 'degraded', 'down'] } },
        ),
        sev(
          'sev4',
          4,
          'Severity 4 Bugfix',
          'Inquiry regarding a bug (a non-critical issue).',
          { when: { requestType: ['bug', 'incident'] } },
          [
            'You’re experiencing a specific malfunction when using LiveAgent (e.g., a specific rule condition does not work or similar).',
          ],
        ),
        sev(
          'sev5',
          5,
          'Severity 5 Request',
          'Request for a setup consultation, new feature suggestion, or any other question for our support.',
          { when: { requestType: ['request', 'question', 'how_to'] } },
          ['Setting up automation rules, consulting a use case, asking about a feature, or similar.'],
        ),
      ],
    },
  },
  accountTypes: {
    customer: {
      label: t('Customer'),
      description: t('A customer of the vendor on its highest plan.'),
      firstLine: 'vendor',
      vendorTickets: 'yes',
      targets: 'plan',
      customerSuccess: 'none',
      supportHours: 'none',
      requiresPartner: false,
    },
  },
  plans: {
    all_inclusive: {
      label: t('All-inclusive'),
      rank: 1,
      severityScale: 'vip',
      channels: [
        { channel: 'website_chat', clock: '24/7' },
        { channel: 'email', clock: '24/7' },
      ],
      targets: [],
      supportHours: { kind: 'none' },
    },
  },
  addOns: {
    dedicated_support: {
      label: t('Dedicated support'),
      price: { amountMinor: 100_000, currency: 'EUR', per: 'month' },
      availableOn: ['all_inclusive'],
      replacesTargets: true,
      severityScale: 'vip',
      channels: [
        { channel: 'dedicated_chat', clock: 'dedicated-hours' },
        {
          channel: 'dedicated_email',
          clock: 'dedicated-hours',
          note: t(
            'Emails received outside office hours are collected; no action is guaranteed until the next working day.',
          ),
        },
        {
          channel: 'call',
          clock: 'dedicated-hours',
          note: t('Calls received out of office hours are forwarded to a voicemail.'),
        },
      ],
      targets: [
        { metric: 'firstResponse', severities: ['sev1', 'sev2'], duration: 'PT1H', clock: '24/7' },
        {
          metric: 'periodicUpdate',
          severities: ['sev1', 'sev2'],
          duration: 'PT4H',
          clock: '24/7',
          note: t('Support agents will work with our admins to restore the service as soon as possible.'),
        },
        { metric: 'firstResponse', severities: ['sev3'], duration: 'PT2H', clock: 'dedicated-hours' },
        {
          metric: 'firstResponse',
          severities: ['sev3'],
          duration: 'PT1H',
          clock: 'dedicated-hours',
          role: 'typical',
          note: t('Your dedicated agent will initiate contact within 1-2 hours, typically right away.'),
        },
        {
          metric: 'followUp',
          severities: ['sev3'],
          duration: 'P2D',
          clock: 'dedicated-hours',
          note: t('Your dedicated agent will handle all communication and keep you in the loop.'),
        },
        { metric: 'firstResponse', severities: ['sev4', 'sev5'], duration: 'P1D', clock: 'dedicated-hours' },
        {
          metric: 'firstResponse',
          severities: ['sev4', 'sev5'],
          duration: 'PT24H',
          clock: '24/7',
          role: 'typical',
          note: t('Your dedicated agent will contact you within 24 hours, typically right away.'),
        },
      ],
      routing: { dedicatedAgent: true, secondLevelAgents: true },
      features: [
        {
          id: 'named-agent',
          text: t('A dedicated support agent, known by name, reachable through a unique chat button.'),
        },
        { id: 'review-calls', text: t('Review calls for assistance, feature training or implementation changes.') },
        {
          id: 'kept-in-the-loop',
          text: t('For Severity 3, 4 and 5 the dedicated agent handles all communication and keeps you in the loop.'),
        },
      ],
    },
  },
  // Not in the seeds: SPEC §6's example threshold, so that helpdesks can schedule an escalation.
  sla: { warnAtPercent: [75] },
});
