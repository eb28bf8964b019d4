import type { PolicyDefinition } from '../policy/schema.js';

const t = (en: string, es: string) => ({ en, es });

/**
 * The standard support policy's incident classification, quoted from "Incident classification"
 * (EN) and "CLASIFICACIÓN DE INCIDENCIAS" (ES). Part of {@link standardSupport}.
 * @internal
 */
export const standardIncidentScale: PolicyDefinition['severityScales'][string] = {
  label: t('Incident classification', 'Clasificación de incidencias'),
  levels: [
    {
      id: 'critical',
      rank: 1,
      label: t('Critical', 'Crítico'),
      criteria: [
        {
          id: 'critical.data-loss',
          text: t(
            'Data loss with no possible recovery using available backups.',
            'Situaciones de pérdida de datos e imposibilidad de recuperación a través de las copias de seguridad disponibles en la plataforma.',
          ),
          when: { dataLoss: ['unrecoverable'] },
        },
        {
          id: 'critical.no-access',
          text: t(
            'The client cannot access the PIM and it affects all users.',
            'El cliente no puede acceder al sistema PIM y afecta a todos los usuarios.',
          ),
          when: { service: ['down'], affectedUsers: ['all'] },
        },
        {
          id: 'critical.ecommerce-data',
          text: t(
            'High risk of incorrect data reaching e-commerce with significant operational impact and no workaround.',
            'Riesgo de que datos erróneos terminen en el e-commerce con un impacto significativo en las operaciones del cliente y no hay solución alternativa disponible.',
          ),
          when: { ecommerceDataAtRisk: [true], businessImpact: ['significant', 'halted'], workaround: [false] },
        },
      ],
    },
    {
      id: 'major',
      rank: 2,
      label: t('Major', 'Mayor'),
      criteria: [
        {
          id: 'major.core-functions',
          text: t(
            'Core platform functions are affected or disabled.',
            'Ciertas funciones principales de la plataforma se ven afectadas o desactivadas.',
          ),
          when: { coreFunction: ['degraded', 'disabled'] },
        },
        {
          id: 'major.severely-degraded',
          text: t('Platform use is severely degraded.', 'El uso se degrada gravemente.'),
          // "Severely": the degradation must hurt; a degraded service with no or minor impact is not Major.
          when: { service: ['partial_loss', 'degraded', 'down'], businessImpact: ['significant', 'halted'] },
        },
      ],
    },
    {
      id: 'minor',
      rank: 3,
      label: t('Minor', 'Menor'),
      criteria: [
        {
          id: 'minor.not-as-expected',
          text: t(
            'Core functionality is not behaving as expected, with no major impact on overall usability.',
            'Las funcionalidades básicas no se comportan como se espera, mientras que la incidencia no tiene ningún efecto importante en la usabilidad de la plataforma.',
          ),
          when: { coreFunction: ['misbehaving', 'degraded', 'disabled'] },
          // "No major impact on overall usability": a significant or halted business impact is beyond Minor.
          unless: { businessImpact: ['significant', 'halted'] },
        },
      ],
    },
  ],
  notIncident: [
    {
      id: 'not-incident.question',
      text: t(
        'A question or how-to: support guides you to the Support Center documentation.',
        'Una consulta: el soporte te redirige a la documentación del Centro de Soporte.',
      ),
      when: { requestType: ['question', 'how_to'] },
    },
    {
      id: 'not-incident.expected-behaviour',
      text: t(
        'Support confirms the platform behavior is expected.',
        'El comportamiento descrito es correcto y de acuerdo con el funcionamiento de nuestra plataforma.',
      ),
      when: { expectedBehaviour: [true] },
      decides: 'before_levels',
    },
    {
      id: 'not-incident.out-of-scope',
      text: t('Out of support scope.', 'Fuera de soporte.'),
      when: { inScope: [false] },
      decides: 'before_levels',
    },
  ],
};
