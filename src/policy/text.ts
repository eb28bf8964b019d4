import * as z from 'zod';

/** A locale tag: `en`, `es`, `pt-BR`. */
export const LOCALE_PATTERN = /^[a-z]{2,3}(?:-[A-Z]{2})?$/;

/**
 * A sentence in several languages: locale → text. English (`en`) is required; every other locale
 * the policy declares must be present too (checked across the document).
 */
const sentence = z.string().min(1).max(4000);
export const TextSchema = z.object({ en: sentence }).catchall(sentence);

/**
 * Text in every locale the policy carries.
 * @category Policy
 */
export type LocalizedText = Readonly<Record<string, string>> & { readonly en: string };
