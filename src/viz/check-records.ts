// Argument checks shared by the chart builders: records arrive from other modules and from users'
// JSON files, so each chart checks the fields it reads once, at entry, and names the offending row.

/** Throws a TypeError unless `records` is a non-empty array. */
export function checkRecords(chart: string, records: unknown): asserts records is readonly unknown[] {
  if (!Array.isArray(records)) {
    throw new TypeError(`${chart}: records must be an array, got ${describe(records)}`);
  }
  if (records.length === 0) {
    throw new RangeError(`${chart}: records must not be empty`);
  }
}

/**
 * Beyond this magnitude Vega's axis arithmetic (nice bounds, spans, bin edges) overflows to
 * Infinity and the chart shows NaN ticks, so such values are refused rather than drawn wrong.
 */
export const MAX_CHART_MAGNITUDE = 1e300;

/** Log axes span decades, and Vega pads them by a share of that span: this keeps the padded ends finite. */
export const LOG_AXIS_RANGE: readonly [number, number] = [1e-100, 1e100];

/** Throws unless `record[field]` is a finite number within ±MAX_CHART_MAGNITUDE. */
export function checkFinite(chart: string, record: unknown, index: number, field: string): void {
  const value = fieldOf(chart, record, index)[field];
  if (typeof value !== "number") {
    throw new TypeError(`${chart}: records[${index}].${field} must be a finite number, got ${describe(value)}`);
  }
  if (!Number.isFinite(value)) {
    throw new RangeError(`${chart}: records[${index}].${field} must be a finite number, got ${describe(value)}`);
  }
  if (Math.abs(value) > MAX_CHART_MAGNITUDE) {
    throw new RangeError(`${chart}: records[${index}].${field} must lie within ±${MAX_CHART_MAGNITUDE} to be charted, got ${value}`);
  }
}

/** Throws a RangeError unless a positive value drawn on a log axis lies within LOG_AXIS_RANGE. */
export function checkLogAxisRange(chart: string, index: number, field: string, value: number): void {
  const [lo, hi] = LOG_AXIS_RANGE;
  if (!(value >= lo && value <= hi)) {
    throw new RangeError(`${chart}: records[${index}].${field} must lie in [${lo}, ${hi}] to be drawn on a log axis, got ${describe(value)}`);
  }
}

/** Throws unless `record[field]` is a string (or absent, when `optional`). */
export function checkString(chart: string, record: unknown, index: number, field: string, optional = false): void {
  const value = fieldOf(chart, record, index)[field];
  if (optional && value === undefined) return;
  if (typeof value !== "string") {
    throw new TypeError(`${chart}: records[${index}].${field} must be a string, got ${describe(value)}`);
  }
}

/** Throws unless `record[field]` is a boolean (or absent, when `optional`). */
export function checkBoolean(chart: string, record: unknown, index: number, field: string, optional = false): void {
  const value = fieldOf(chart, record, index)[field];
  if (optional && value === undefined) return;
  if (typeof value !== "boolean") {
    throw new TypeError(`${chart}: records[${index}].${field} must be a boolean, got ${describe(value)}`);
  }
}

function fieldOf(chart: string, record: unknown, index: number): Record<string, unknown> {
  if (typeof record !== "object" || record === null) {
    throw new TypeError(`${chart}: records[${index}] must be an object, got ${describe(record)}`);
  }
  return record as Record<string, unknown>;
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value);
  return typeof value;
}
