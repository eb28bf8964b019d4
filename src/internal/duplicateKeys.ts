/** Deepest nesting the scan follows; deeper input is refused later by the depth guard. */
const MAX_DEPTH = 64;

/**
 * Finds object keys that appear twice in one object of a JSON text. `JSON.parse` keeps the last
 * silently, so a policy with two plans of the same id would lose one without a word. Assumes the
 * text is valid JSON (call after `JSON.parse` succeeded). Linear in the text's length: a path is
 * built only for a duplicate, and nesting deeper than {@link MAX_DEPTH} is not followed (the
 * depth guard that runs next rejects such input).
 * @internal
 */
export function findDuplicateKeys(text: string): (string | number)[][] {
  const found: (string | number)[][] = [];
  // One frame per open object or array: the keys seen and the current key (objects), or the index.
  const stack: { keys?: Set<string>; key: string; index: number }[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        // The object's own path (each enclosing frame's current key or index), then the key.
        if (top.keys.has(key)) found.push([...stack.slice(0, -1).map((f) => (f.keys ? f.key : f.index)), key]);
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = j;
    } else if (ch === '{' || ch === '[') {
      if (stack.length >= MAX_DEPTH) return found;
      stack.push(ch === '{' ? { keys: new Set(), key: '', index: 0 } : { key: '', index: 0 });
      expectKey = ch === '{';
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',') {
      const top = stack[stack.length - 1];
      if (top?.keys) expectKey = true;
      else if (top) top.index++;
    }
  }
  return found;
}
