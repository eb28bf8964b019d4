import type { LocalizedText } from './text.js';

/** The locale texts are rendered in, and whether it had to fall back to English. @internal */
export interface LocaleChoice {
  readonly locale: string;
  readonly fallback: boolean;
}

/** Picks the requested locale when the policy carries it, else English. @internal */
export function chooseLocale(locales: readonly string[], requested: string | undefined): LocaleChoice {
  if (requested === undefined || requested === 'en') return { locale: 'en', fallback: false };
  return locales.includes(requested) ? { locale: requested, fallback: false } : { locale: 'en', fallback: true };
}

/** A text in the chosen locale (every text carries every declared locale, so no gap is possible). @internal */
export function localize(text: LocalizedText | Readonly<Record<string, string>>, choice: LocaleChoice): string {
  return text[choice.locale] ?? (text['en'] as string);
}
