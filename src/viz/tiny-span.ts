// Values that differ only by a few subnormals break Vega's numeric code: tick and bin steps
// underflow to zero, giving NaN coordinates or a bin loop that never advances. Such values cannot
// be told apart on any chart, so the axis is padded to a unit span around them instead.

/** Below this span, values are drawn on a unit-padded domain (far above the subnormal range). */
const TINY_SPAN = 1e-290;

/**
 * `[lo - 1, hi + 1]` when the values span less than TINY_SPAN, else undefined. When all values are
 * equal, Vega takes |value| as the span (so one subnormal value hangs the histogram's bin loop);
 * equal zeros are left alone, since Vega gives them a unit span itself.
 */
export function paddedDomainForTinySpan(values: Iterable<number>): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const value of values) {
    lo = Math.min(lo, value);
    hi = Math.max(hi, value);
  }
  const span = hi > lo ? hi - lo : Math.abs(lo);
  return span > 0 && span < TINY_SPAN ? [lo - 1, hi + 1] : undefined;
}

/** `{ domain }` to spread into a scale when the values span too little for Vega, else `{}`. */
export function tinySpanScale(values: Iterable<number>): { domain?: [number, number] } {
  const domain = paddedDomainForTinySpan(values);
  return domain ? { domain } : {};
}

/**
 * For charts whose panels have independent scales but share one scale spec: when any group's
 * values span too little, every panel gets the unit-padded domain around all the values.
 */
export function paddedDomainForTinySpanInAnyGroup(groups: Iterable<readonly number[]>): [number, number] | undefined {
  const all: number[] = [];
  let tiny = false;
  for (const group of groups) {
    tiny ||= paddedDomainForTinySpan(group) !== undefined;
    all.push(...group);
  }
  if (!tiny) return undefined;
  return [Math.min(...all) - 1, Math.max(...all) + 1];
}
