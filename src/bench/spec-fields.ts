// Small helpers shared by the suite-spec parsers: shape checks and how a bad value is quoted.

export function unknownKeys(value: Record<string, unknown>, at: string, known: readonly string[], issue: (field: string, message: string) => void): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) issue(at === "" ? key : `${at}.${key}`, `is not a known field; known: ${known.filter((k) => k !== "$schema").join(", ")}`);
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function show(value: unknown): string {
  if (value === undefined) return "nothing";
  return typeof value === "string" ? `'${value}'` : JSON.stringify(value) ?? String(value);
}
