import { spainNationalHolidays } from '../calendar/holidays/spainNationalHolidays.js';
import { deepFreeze } from '../internal/deepFreeze.js';
import type { PolicyDefinition } from '../policy/schema.js';
import { standardScope } from './standardSupportScope.js';
import { standardIncidentScale } from './standardSupportSeverities.js';

const t = (en: string, es: string) => ({ en, es });
const weekdays: [string, string][] = [['08:00', '18:00']];

/**
 * The standard support policy of a B2B catalogue/PIM SaaS vendor in Spain, as data: its account
 * types, plans and first-response targets, incident severities, scope, Customer Success terms
 * and support-hours deduction rules.
 *
 * @remarks
 * Read from the vendor's "Customer Success and Support scope" and "Partners: definition & support
 * extent" articles, in English and Spanish. Rules and where they come from:
 *
 * - Calendar `support-hours`: "Business hours: Regional hours of operation excluding national
 *   holidays. 08:00 AM to 06:00 PM CET." — Monday–Friday, `Europe/Madrid` (the vendor is in Spain),
 *   {@link spainNationalHolidays}.
 * - "“First response” refers to the first non-automatic reply during business hours": every
 *   target runs on `support-hours`.
 * - "Enterprise: First response within 2 hours. Live chat during business hours. Average response
 *   is typically less than 5 minutes." — a `PT2H` target and a `PT5M` typical figure.
 * - "Premium: First response within 12 hours via ticket or email during business hours. Average
 *   response is typically less than 4 hours." — `PT12H` and `PT4H`.
 * - "Starter or Connect provider accounts: First response in less than 1 business day." — `P1D`.
 * - "Solution Partner accounts: Support is primarily provided by the partner. In some cases, you
 *   may also contact Sales Layer via the platform ticket system" — account type `indirect`: partner
 *   first, vendor tickets in some cases, no target.
 * - "When a support conversation is opened, a minimum of 15 minutes is deducted." and "Incidents
 *   are not counted as support hours" — the deduction rules (increment 15 min, rounded down: "in
 *   the most favorable way").
 * - "Customer Success typically responds within 1 to 3 business days" — `P1D` expected, `P3D` target.
 * - "it does not include professional services such as consulting or integrations" — scope rule
 *   `professional-services`, coverage `none`.
 * - "Support format is provided through the integrated ticketing system available in the PIM
 *   platform" (the partner articles) — a Solution Partner's channel is the ticket, whatever its
 *   client's plan offers.
 * - Minor: "Core functionality is not behaving as expected." and "No major impact on overall
 *   usability." — a misbehaving, degraded or disabled core function, `unless` the business impact
 *   is significant or halted (then the facts go beyond Minor; `classify` answers Major, `nearest`).
 *
 * A preset is an example and a fixture: nothing in the library treats it specially.
 *
 * @example
 * ```ts
 * import { parsePolicy, standardSupport } from 'support-policy';
 * const policy = parsePolicy(standardSupport);
 * Object.keys(policy.plans); //=> ['enterprise', 'premium', 'starter', 'connect_provider']
 * policy.source?.readOn; //=> '2026-11-23'
 * ```
 * @category Presets
 */
export const standardSupport: PolicyDefinition = deepFreeze({
  schemaVersion: 1,
  id: 'standard-support',
  name: t('Standard support', 'Soporte estándar'),
  locales: ['en', 'es'],
  source: {
    title: 'Customer Success and Support scope; Partners: definition & support extent (EN and ES)',
    documents: [
      'Customer Success and Support scope (EN)',
      'Partners: definition & support extent (EN, two versions)',
      'Alcance de Customer Success & Soporte (ES)',
    ],
    readOn: '2026-11-23',
  },
  calendars: {
    'support-hours': {
      zone: 'Europe/Madrid',
      week: { 1: weekdays, 2: weekdays, 3: weekdays, 4: weekdays, 5: weekdays },
      holidays: [spainNationalHolidays],
    },
  },
  channels: {
    ticket: { label: t('Support ticket', 'Ticket de soporte') },
    chat: { label: t('Live chat', 'Chat') },
    email: { label: t('Email', 'Correo electrónico') },
    video_call: { label: t('Scheduled video call', 'Videollamada programada') },
  },
  severityScales: {
    incident: standardIncidentScale,
  },
  accountTypes: {
    direct: {
      label: t('Direct customer', 'Cliente directo'),
      description: t(
        'Contracts directly with the vendor; has a Customer Success Manager and an annual support-hours package that depends on the plan.',
        'Su contrato se ha acordado con el proveedor SaaS; incluye un CSM y un número de horas de soporte según su tipo de plan.',
      ),
      firstLine: 'vendor',
      vendorTickets: 'yes',
      targets: 'plan',
      customerSuccess: 'direct',
      supportHours: 'plan',
      requiresPartner: false,
    },
    indirect: {
      label: t(
        'Indirect customer (managed by a Solution Partner)',
        'Cliente indirecto (gestionado por un Solution Partner)',
      ),
      description: t(
        'The Solution Partner is first-line support, trains the customer and manages the account; the customer may open a vendor ticket in some cases, with no response-time target.',
        'El Partner es el primer nivel de soporte y gestiona la cuenta; en algunos casos el cliente puede abrir un ticket, sin tiempo de respuesta garantizado.',
      ),
      firstLine: 'partner',
      vendorTickets: 'some_cases',
      targets: 'none',
      customerSuccess: 'through_partner',
      supportHours: 'partner_pool',
      requiresPartner: true,
      channels: ['ticket'],
    },
    solution_partner: {
      label: t('Solution Partner', 'Solution Partner'),
      description: t(
        "Certified partner with a separate contract with each client; holds a pool of support hours sized by its clients and opens tickets from its own account or, in some cases, from a client's.",
        'Partner certificado con contrato propio con cada cliente; dispone de horas de soporte según las características de sus clientes.',
      ),
      firstLine: 'vendor',
      vendorTickets: 'yes',
      targets: 'plan',
      customerSuccess: 'direct',
      supportHours: 'partner_pool',
      requiresPartner: false,
      channels: ['ticket'],
    },
    technology_partner: {
      label: t('Technology Partner', 'Technology Partner'),
      description: t(
        'Contracted by a customer for its own integration only; supports only what it delivers, while the vendor keeps customer management. Certification is optional.',
        'Contratado por un cliente solo para su propia integración; da soporte únicamente a lo que entrega. La certificación es opcional.',
      ),
      firstLine: 'vendor',
      vendorTickets: 'some_cases',
      targets: 'none',
      customerSuccess: 'none',
      supportHours: 'none',
      requiresPartner: false,
      channels: ['ticket'],
    },
  },
  plans: {
    enterprise: {
      label: t('Enterprise', 'Enterprise'),
      rank: 1,
      severityScale: 'incident',
      channels: [
        { channel: 'chat', clock: 'support-hours' },
        { channel: 'ticket', clock: 'support-hours' },
      ],
      targets: [
        { metric: 'firstResponse', duration: 'PT2H', clock: 'support-hours' },
        { metric: 'firstResponse', duration: 'PT5M', clock: 'support-hours', role: 'typical' },
      ],
      supportHours: { kind: 'per_contract' },
    },
    premium: {
      label: t('Premium', 'Premium'),
      rank: 2,
      severityScale: 'incident',
      channels: [
        { channel: 'ticket', clock: 'support-hours' },
        { channel: 'email', clock: 'support-hours' },
      ],
      targets: [
        { metric: 'firstResponse', duration: 'PT12H', clock: 'support-hours' },
        { metric: 'firstResponse', duration: 'PT4H', clock: 'support-hours', role: 'typical' },
      ],
      supportHours: { kind: 'per_contract' },
    },
    starter: {
      label: t('Starter', 'Starter'),
      rank: 3,
      severityScale: 'incident',
      channels: [{ channel: 'ticket', clock: 'support-hours' }],
      targets: [{ metric: 'firstResponse', duration: 'P1D', clock: 'support-hours' }],
      supportHours: { kind: 'per_contract' },
    },
    connect_provider: {
      label: t('Connect provider', 'Proveedor de Connect'),
      rank: 3,
      severityScale: 'incident',
      channels: [{ channel: 'ticket', clock: 'support-hours' }],
      targets: [{ metric: 'firstResponse', duration: 'P1D', clock: 'support-hours' }],
      supportHours: { kind: 'per_contract' },
    },
  },
  addOns: {},
  customerSuccess: {
    reply: { expected: 'P1D', target: 'P3D', clock: 'support-hours' },
    channels: ['email', 'video_call'],
    reviews: { cadence: 'quarterly', text: t('Quarterly Business Reviews', 'Reuniones trimestrales') },
    outOfScope: [
      {
        id: 'managed-services',
        text: t(
          'Direct work inside your account as a managed service.',
          'Gestión directa en la cuenta del cliente (servicios gestionados).',
        ),
      },
      {
        id: 'channel-setup',
        text: t(
          'Channel setup and direct implementations (web, e-commerce, etc.).',
          'Configuración de canales e implementaciones directas (web, e-commerce, etc.).',
        ),
      },
      { id: 'customization', text: t('Platform customization.', 'Personalización de la plataforma.') },
      {
        id: 'third-party-developers',
        text: t(
          'Support for third-party developers who are not official Solution Partners.',
          'Soporte para desarrolladores de terceros (no Solution Partners).',
        ),
      },
    ],
  },
  scope: standardScope,
  partners: {
    integrationSupport: {
      conditions: [
        {
          id: 'certified',
          text: t(
            'The partner is certified through the certification program.',
            'El partner está certificado según el programa de certificación.',
          ),
        },
        {
          id: 'technical-knowledge',
          text: t(
            'The partner can interpret and modify advanced API setups or plugin code.',
            'El partner sabe interpretar y modificar configuraciones avanzadas de API o código de plugins.',
          ),
        },
        {
          id: 'production-access',
          text: t(
            "The partner has direct access to the customer's production account.",
            'El partner tiene acceso directo a la cuenta de producción del cliente.',
          ),
        },
      ],
      escalation: t(
        'Integration support may have different response times if the matter is escalated to the internal technical team.',
        'El soporte de integraciones puede tener otros tiempos de respuesta si se escala al equipo técnico interno.',
      ),
    },
    withoutEndCustomer: t(
      'Except in specific cases agreed upon, support is given to the partner without involving the customer.',
      'Salvo casos acordados, el soporte se da al partner sin involucrar al cliente.',
    ),
  },
  supportHours: {
    deduction: {
      minimumMinutes: 15,
      incrementMinutes: 15,
      rounding: 'down',
      documentationAnswer: 'minimum',
      incidents: 'free',
      customerSuccess: 'free',
      carryOver: { kind: 'none' },
    },
  },
  // Not in the seeds: SPEC §6's example threshold, so that helpdesks can schedule an escalation.
  sla: { warnAtPercent: [75] },
});
