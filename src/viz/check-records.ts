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

/** Throws unless `record[field]` is a finite number. */
export function checkFinite(chart: string, record: unknown, index: number, field: string): void {
  const value = fieldOf(chart, record, index)[field];
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TypeError(`${chart}: records[${index}].${field} must be a finite number, got ${describe(value)}`);
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
