/**
 * Finds object keys that appear twice in one object of a JSON text. `JSON.parse` keeps the last
 * silently, so a policy with two plans of the same id would lose one without a word. Assumes the
 * text is valid JSON (call after `JSON.parse` succeeded). Linear in the text's length.
 * @internal
 */
export function findDuplicateKeys(text: string): (string | number)[][] {
  const found: (string | number)[][] = [];
  // One frame per open object or array: its path, keys seen (objects) or next index (arrays).
  const stack: { path: (string | number)[]; keys?: Set<string>; index: number; pendingKey?: string }[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const raw = text.slice(i, j + 1);
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys) {
        const key = JSON.parse(raw) as string;
        if (top.keys.has(key)) found.push([...top.path, key]);
        top.keys.add(key);
        top.pendingKey = key;
        expectKey = false;
      }
      i = j;
    } else if (ch === '{' || ch === '[') {
      const top = stack[stack.length - 1];
      const path = top === undefined ? [] : [...top.path, top.keys ? (top.pendingKey ?? '') : top.index];
      stack.push(ch === '{' ? { path, keys: new Set(), index: 0 } : { path, index: 0 });
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
