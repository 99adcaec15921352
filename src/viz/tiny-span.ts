// Values that differ only by a few subnormals break Vega's numeric code: tick and bin steps
// underflow to zero, giving NaN coordinates or a bin loop that never advances. Such values cannot
// be told apart on any chart, so the axis is padded to a unit span around them instead.

/** Below this span, values are drawn on a unit-padded domain (far above the subnormal range). */
const TINY_SPAN = 1e-290;

/** `[lo - 1, hi + 1]` when the values differ by less than TINY_SPAN but not zero, else undefined. */
export function paddedDomainForTinySpan(values: Iterable<number>): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const value of values) {
    lo = Math.min(lo, value);
    hi = Math.max(hi, value);
  }
  const span = hi - lo;
  return span > 0 && span < TINY_SPAN ? [lo - 1, hi + 1] : undefined;
}
