/** Binary searches over sorted numeric arrays. @internal */

/** First index `i` in sorted `arr[0..len)` with `arr[i] > x` (upper bound). */
export function upperBound(arr: ArrayLike<number>, x: number, len = arr.length): number {
  let lo = 0;
  let hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index `i` in sorted `arr[0..len)` with `arr[i] >= x` (lower bound). */
export function lowerBound(arr: ArrayLike<number>, x: number, len = arr.length): number {
  let lo = 0;
  let hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
