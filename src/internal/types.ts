/** Makes every property and array of a JSON-shaped type readonly, so frozen and `as const` data fit. @internal */
export type DeepReadonly<T> = T extends (infer U)[]
  ? T extends [unknown, ...unknown[]]
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** `true` when two types are each assignable to the other (compile-time checks). @internal */
export type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Fails the build unless `T` is `true`: `Assert<SameType<A, B>>`. @internal */
export type Assert<T extends true> = T;
