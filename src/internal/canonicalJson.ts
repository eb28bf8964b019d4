/**
 * The canonical JSON text of JSON data: the form of the JSON Canonicalization Scheme (RFC 8785) —
 * no white space, object keys sorted by their UTF-16 code units, arrays in order, strings and
 * numbers as `JSON.stringify` writes them (which is how RFC 8785 defines them). Two values have the
 * same text exactly when they hold the same data, whatever the order their keys were written in or
 * the objects they are made of.
 *
 * For data only: own enumerable string keys are read (a brand under a symbol is not), keys whose
 * value is `undefined` are left out, as JSON leaves them out. The recursion is as deep as the value,
 * which the callers' validation bounds.
 * @internal
 */
export function canonicalJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(key) + ':' + canonicalJson(v);
    first = false;
  }
  return out + '}';
}
