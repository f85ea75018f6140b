// Type-level checks that no declared report or result type is `any` or `unknown`, at any depth:
// a field typed `any` would let every real report through the assignments in reports.ts.
import type { analyze, verify, lint } from 'certscope';

type IsAny<T> = 0 extends 1 & T ? true : false;
type IsUnknown<T> = unknown extends T ? (IsAny<T> extends true ? false : true) : false;
/** `true` when T, or any type reachable from its fields and array items, is any or unknown. */
type Loose<T, Seen = never> =
  IsAny<T> extends true
    ? true
    : IsUnknown<T> extends true
      ? true
      : [T] extends [Seen]
        ? false
        : T extends readonly (infer Item)[]
          ? Loose<Item, Seen | T>
          : T extends object
            ? true extends { [K in keyof T]-?: Loose<T[K], Seen | T> }[keyof T]
              ? true
              : false
            : false;

type Report = Awaited<ReturnType<typeof analyze>>;
type ChainResult = Awaited<ReturnType<typeof verify>>;
type LintResults = Awaited<ReturnType<typeof lint>>;

/** `true` only when no member of T is loose (Loose distributes over unions). */
type Tight<T> = true extends Loose<T> ? false : true;

export const reportIsTight: Tight<Report> = true;
export const chainIsTight: Tight<ChainResult> = true;
export const lintIsTight: Tight<LintResults> = true;
// The checker itself finds a loose field, also in one arm of a union.
export const unknownIsFound: Tight<{ a: { b: Array<{ c: unknown }> } }> = false;
export const anyIsFound: Tight<{ a: any }> = false;
export const armIsFound: Tight<{ a: { kind: 'x' } | { kind: 'y'; b: unknown } }> = false;
