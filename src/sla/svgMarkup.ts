/**
 * The few SVG elements a deadline picture is made of, as text: numbers rounded to a tenth of a
 * pixel and written the same way on every runtime, text escaped.
 * @internal
 */

/** Characters XML cannot hold (controls, lone surrogates, U+FFFE/U+FFFF), replaced by U+FFFD. */
/* eslint-disable no-control-regex -- these are the characters to find */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as XML character data or an attribute value. @internal */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A coordinate to a tenth of a pixel, without `-0` or exponents. @internal */
export function num(n: number): string {
  const r = Math.round(n * 10) / 10;
  return r === 0 ? '0' : r.toFixed(1).replace(/\.0$/, '');
}

type Attributes = Readonly<Record<string, string | number | undefined>>;

function attributes(attrs: Attributes): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    out += ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`;
  }
  return out;
}

/** An element without content. @internal */
export const element = (name: string, attrs: Attributes): string => `<${name}${attributes(attrs)}/>`;

/** A `<text>` element holding `content`, escaped. @internal */
export const textElement = (attrs: Attributes, content: string): string =>
  `<text${attributes(attrs)}>${escapeXml(content)}</text>`;

/** About how wide a text of 11 px is, for laying labels out (never for drawing them). @internal */
export const textWidth = (text: string, px = 11): number => text.length * px * 0.58;
