// JSON round trip of a compiled model: typed arrays become number lists, everything else is
// already plain data. Reading validates the shape and every index, so a corrupted or hand-edited
// file is refused with a TypeError naming the field, never half-loaded.
import type { Span } from "../lang/diagnostic.js";
import type { SparsePoly } from "../model/sparse-poly.js";
import { CompiledModel } from "./compiled-model.js";
import type { CompiledData } from "./compiled-types.js";
import { nSlots } from "./slots.js";

export const COMPILED_FORMAT = "qpipe-compiled-model";
export const COMPILED_VERSION = 1;
const INT32_MAX = 2 ** 31 - 1;

export interface CompiledJson {
  readonly format: typeof COMPILED_FORMAT;
  readonly version: number;
  readonly [key: string]: unknown;
}

export function compiledToJson(compiled: CompiledModel): CompiledJson {
  const d = compiled.data;
  return {
    format: COMPILED_FORMAT,
    version: COMPILED_VERSION,
    name: d.name,
    sense: d.sense,
    bitNames: d.bitNames,
    nModelBits: d.nModelBits,
    penaltyScale: compiled.penaltyScale,
    slots: { nBits: d.slots.nBits, rowStart: [...d.slots.rowStart], pairCol: [...d.slots.pairCol], higher: d.slots.higher.map((h) => [...h]) },
    components: d.components,
    compStart: [...d.compStart],
    compSlot: [...d.compSlot],
    compAmount: [...d.compAmount],
    constants: [...d.constants],
    groups: d.groups,
    auxiliaries: d.auxiliaries,
    oneHotGroups: d.oneHotGroups,
    decode: {
      variables: d.decode.variables,
      families: d.decode.families,
      encodings: d.decode.encodings,
      firstBit: [...d.decode.firstBit],
      objective: d.decode.objective.map(polyToJson),
      constraints: d.decode.constraints.map((c) => ({ ...c, body: polyToJson(c.body) })),
      lets: d.decode.lets.map((l) => ({ name: l.name, poly: polyToJson(l.poly) })),
    },
    diagnostics: d.diagnostics,
  };
}

export function compiledFromJson(json: unknown): CompiledModel {
  const o = record(json, "compiled model");
  if (o.format !== COMPILED_FORMAT) throw new TypeError(`format must be "${COMPILED_FORMAT}", got ${JSON.stringify(o.format)}`);
  if (o.version !== COMPILED_VERSION) throw new TypeError(`version must be ${COMPILED_VERSION}, got ${JSON.stringify(o.version)}`);
  const bitNames = list(o.bitNames, "bitNames").map((n, k) => str(n, `bitNames[${k}]`));
  const nBits = bitNames.length;
  const slotsJson = record(o.slots, "slots");
  const rowStart = ints(slotsJson.rowStart, "slots.rowStart", 0, INT32_MAX);
  const pairCol = ints(slotsJson.pairCol, "slots.pairCol", 0, nBits - 1);
  if (slotsJson.nBits !== nBits || rowStart.length !== nBits + 1 || rowStart[nBits] !== pairCol.length) {
    throw new TypeError("slots do not match the bit count");
  }
  for (let i = 0; i < nBits; i++) if (rowStart[i] > rowStart[i + 1]) throw new TypeError("slots.rowStart must be non-decreasing");
  const slots = {
    nBits,
    rowStart,
    pairCol,
    higher: list(slotsJson.higher, "slots.higher").map((h, k) => ints(h, `slots.higher[${k}]`, 0, nBits - 1)),
  };
  const components = list(o.components, "components") as CompiledData["components"];
  const groups = (list(o.groups, "groups") as CompiledData["groups"]).map((g) => ({ ...g }));
  const compStart = ints(o.compStart, "compStart", 0, INT32_MAX);
  const compSlot = ints(o.compSlot, "compSlot", 0, nSlots(slots) - 1);
  const compAmount = floats(o.compAmount, "compAmount");
  const constants = floats(o.constants, "constants");
  if (compStart.length !== components.length + 1 || compStart[components.length] !== compSlot.length || compAmount.length !== compSlot.length || constants.length !== components.length) {
    throw new TypeError("component arrays do not match the component count");
  }
  components.forEach((c, k) => {
    if (!Number.isInteger(c.group) || c.group < 0 || c.group >= groups.length) throw new TypeError(`components[${k}].group is out of range`);
  });
  const decodeJson = record(o.decode, "decode");
  const data: CompiledData = {
    name: str(o.name, "name"),
    sense: o.sense === "maximize" ? "maximize" : o.sense === "minimize" ? "minimize" : fail("sense must be minimize or maximize"),
    bitNames,
    nModelBits: int(o.nModelBits, "nModelBits", 0, nBits),
    slots,
    components,
    compStart,
    compSlot,
    compAmount,
    constants,
    groups,
    auxiliaries: list(o.auxiliaries, "auxiliaries") as CompiledData["auxiliaries"],
    oneHotGroups: list(o.oneHotGroups, "oneHotGroups") as CompiledData["oneHotGroups"],
    decode: {
      variables: list(decodeJson.variables, "decode.variables") as CompiledData["decode"]["variables"],
      families: list(decodeJson.families, "decode.families") as CompiledData["decode"]["families"],
      encodings: list(decodeJson.encodings, "decode.encodings") as CompiledData["decode"]["encodings"],
      firstBit: ints(decodeJson.firstBit, "decode.firstBit", 0, nBits),
      objective: list(decodeJson.objective, "decode.objective").map((p, k) => polyFromJson(p, `decode.objective[${k}]`)),
      constraints: list(decodeJson.constraints, "decode.constraints").map((c, k) => {
        const r = record(c, `decode.constraints[${k}]`);
        return {
          name: str(r.name, "constraint name"),
          family: str(r.family, "constraint family"),
          op: r.op === "==" || r.op === "<=" || r.op === ">=" ? r.op : fail(`decode.constraints[${k}].op must be ==, <= or >=`),
          body: polyFromJson(r.body, `decode.constraints[${k}].body`),
          soft: r.soft === true,
        };
      }),
      lets: list(decodeJson.lets, "decode.lets").map((l, k) => {
        const r = record(l, `decode.lets[${k}]`);
        return { name: str(r.name, "let name"), poly: polyFromJson(r.poly, `decode.lets[${k}].poly`) };
      }),
    },
    diagnostics: list(o.diagnostics ?? [], "diagnostics") as { severity: "error"; code: string; message: string; span: Span }[],
  };
  if (data.decode.variables.length !== data.decode.encodings.length || data.decode.firstBit.length !== data.decode.variables.length) {
    throw new TypeError("decode arrays do not match the variable count");
  }
  checkDecode(data);
  const compiled = new CompiledModel(data);
  const scale = o.penaltyScale ?? 1;
  if (typeof scale !== "number" || !(scale > 0)) throw new TypeError("penaltyScale must be a positive number");
  if (scale !== 1) compiled.setPenaltyScale(scale);
  return compiled;
}

/** Encodings must be numeric and fit the bits; decode polynomials may only use model variables. */
function checkDecode(data: CompiledData): void {
  const { encodings, firstBit, variables } = data.decode;
  encodings.forEach((e, v) => {
    const r = record(e, `decode.encodings[${v}]`);
    float(r.offset, `decode.encodings[${v}].offset`);
    const coefs = floats(r.coefs, `decode.encodings[${v}].coefs`);
    if (!["none", "onehot", "domainwall"].includes(r.validity as string)) throw new TypeError(`decode.encodings[${v}].validity is not a known rule`);
    if (firstBit[v] + coefs.length > data.bitNames.length) throw new TypeError(`decode.encodings[${v}] runs past the last bit`);
  });
  const polys = [...data.decode.objective, ...data.decode.constraints.map((c) => c.body), ...data.decode.lets.map((l) => l.poly)];
  for (const p of polys) {
    const indices = [...p.linIdx, ...p.quadI, ...p.quadJ, ...p.higher.flatMap((t) => [...t.vars])];
    if (indices.some((i) => i >= variables.length)) throw new TypeError(`a decode polynomial uses a variable beyond the ${variables.length} declared`);
  }
}

function polyToJson(p: SparsePoly): unknown {
  return {
    constant: p.constant,
    linIdx: [...p.linIdx],
    linCoef: [...p.linCoef],
    quadI: [...p.quadI],
    quadJ: [...p.quadJ],
    quadCoef: [...p.quadCoef],
    higher: p.higher.map((t) => ({ vars: [...t.vars], coef: t.coef })),
  };
}

function polyFromJson(json: unknown, what: string): SparsePoly {
  const r = record(json, what);
  const max = INT32_MAX;
  const poly: SparsePoly = {
    constant: float(r.constant, `${what}.constant`),
    linIdx: ints(r.linIdx, `${what}.linIdx`, 0, max),
    linCoef: floats(r.linCoef, `${what}.linCoef`),
    quadI: ints(r.quadI, `${what}.quadI`, 0, max),
    quadJ: ints(r.quadJ, `${what}.quadJ`, 0, max),
    quadCoef: floats(r.quadCoef, `${what}.quadCoef`),
    higher: list(r.higher, `${what}.higher`).map((t, k) => {
      const h = record(t, `${what}.higher[${k}]`);
      return { vars: ints(h.vars, `${what}.higher[${k}].vars`, 0, max), coef: float(h.coef, `${what}.higher[${k}].coef`) };
    }),
  };
  if (poly.linIdx.length !== poly.linCoef.length || poly.quadI.length !== poly.quadCoef.length || poly.quadJ.length !== poly.quadCoef.length) {
    throw new TypeError(`${what} has arrays of different lengths`);
  }
  return poly;
}

function fail(message: string): never {
  throw new TypeError(message);
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new TypeError(`${what} must be an object`);
  return value as Record<string, unknown>;
}

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new TypeError(`${what} must be an array`);
  return value;
}

function str(value: unknown, what: string): string {
  if (typeof value !== "string") throw new TypeError(`${what} must be a string`);
  return value;
}

function float(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new TypeError(`${what} must be a finite number`);
  return value;
}

function int(value: unknown, what: string, lo: number, hi: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < lo || value > hi) throw new TypeError(`${what} must be an integer in ${lo}..${hi}`);
  return value;
}

function ints(value: unknown, what: string, lo: number, hi: number): Int32Array {
  const items = list(value, what);
  const out = new Int32Array(items.length);
  for (let k = 0; k < items.length; k++) out[k] = int(items[k], `${what}[${k}]`, lo, hi);
  return out;
}

function floats(value: unknown, what: string): Float64Array {
  const items = list(value, what);
  const out = new Float64Array(items.length);
  for (let k = 0; k < items.length; k++) out[k] = float(items[k], `${what}[${k}]`);
  return out;
}
