import { z } from 'zod';

/** A locale tag: `en`, `es`, `pt-BR`. */
export const LOCALE_PATTERN = /^[a-z]{2,3}(?:-[A-Z]{2})?$/;

/**
 * A sentence in several languages: locale → text. English (`en`) is required; every other locale
 * the policy declares must be present too (checked across the document).
 */
export const TextSchema = z
  .record(z.string().regex(LOCALE_PATTERN), z.string().min(1).max(4000))
  .refine((t) => typeof t['en'] === 'string', {
    error: 'expected an English ("en") text',
    params: { code: 'missing_locale' },
  });

/**
 * Text in every locale the policy carries.
 * @category Policy
 */
export type LocalizedText = Readonly<Record<string, string>> & { readonly en: string };
