import type { PolicyDefinition } from '../policy/schema.js';

const t = (en: string, es: string) => ({ en, es });

/**
 * The standard support policy's scope rules, quoted from "Out of support scope" (EN) and "Fuera de
 * soporte" (ES), and "it does not include professional services such as consulting or
 * integrations". Part of {@link standardSupport}.
 * @internal
 */
export const standardScope: NonNullable<PolicyDefinition['scope']> = [
  {
    id: 'client-formulas',
    coverage: 'partial',
    text: t('Client-built formulas', 'Fórmulas personalizadas hechas por el cliente'),
    stillCovered: t(
      'Confirming whether the formula logic works.',
      'Validar que la lógica de la fórmula funciona correctamente.',
    ),
  },
  {
    id: 'third-party-integrations',
    coverage: 'partial',
    text: t('Third-party service integrations', 'Integración con servicios de terceros'),
    stillCovered: t(
      'Verifying that data exports correctly through the connector.',
      'Validar que los datos se exportan correctamente a través del conector.',
    ),
  },
  {
    id: 'customer-environment-performance',
    coverage: 'none',
    text: t(
      "Performance issues caused by the customer's internet or hosting or provider environment.",
      'Problemas causados por la degradación del rendimiento debida al proveedor de Internet o del servidor del cliente.',
    ),
  },
  {
    id: 'custom-use-cases',
    coverage: 'none',
    text: t(
      'Use cases and custom modifications that fall outside standard PIM operation documentation.',
      'Casos de uso y modificaciones personalizadas que no están dentro del alcance del uso general del PIM.',
    ),
  },
  {
    id: 'professional-services',
    coverage: 'none',
    text: t(
      'Professional services such as consulting or integrations: a Solution Partner agreement may cover them separately.',
      'Servicios profesionales como la consultoría de datos o integraciones: un acuerdo con un Solution Partner puede cubrirlos por separado.',
    ),
  },
];
