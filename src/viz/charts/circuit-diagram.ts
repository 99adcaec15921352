// A circuit drawn as SVG in the standard notation: one horizontal wire per qubit (qubit 0 on top,
// as Qiskit draws it) and a doubled classical wire below; gates as labelled boxes, controls as filled
// dots joined to their target, CNOT targets as ⊕, SWAP ends as ×, measurements as a meter box with a
// doubled line down to the classical bit they write, barriers as dashed lines, a classically
// conditioned op as its own drawing with a doubled line down to a dot on the classical wire and the
// condition written beside it.
import type { Circuit, Op } from "../../circuit/ir.js";
import { escapeHtml } from "../records-table.js";
import { angleLabel } from "./angle-label.js";
import { conditionText } from "../../circuit/draw.js";
import { assertNever, layoutCircuit, qubitsOf, type PlacedOp } from "./circuit-layout.js";

const WIRE_GAP = 48;
const MARGIN_TOP = 34;
const LABEL_WIDTH = 44;
const BOX_HEIGHT = 30;
const MIN_BOX_WIDTH = 32;
const COLUMN_GAP = 14;
const CHAR_WIDTH = 7.2; // DejaVu Sans at 12 px: average advance, for sizing boxes
const FONT = `font-family="sans-serif"`;

/** Gates drawn as "controls + a boxed target"; the box shows the base gate's name. */
const CONTROLLED_BOX: Readonly<Record<string, string>> = { cy: "Y", ch: "H", crx: "RX", cry: "RY", crz: "RZ", cp: "P", cu: "U" };

export interface CircuitDiagramOptions {
  /** Title drawn above the wires (default: the circuit's name; "" for none). */
  readonly title?: string;
}

export function circuitDiagramSvg(circuit: Circuit, options: CircuitDiagramOptions = {}): string {
  if (typeof circuit !== "object" || circuit === null || !Array.isArray(circuit.ops) || !Number.isInteger(circuit.nQubits) || circuit.nQubits < 1) {
    throw new TypeError("circuitDiagramSvg needs a Circuit with nQubits ≥ 1 and an ops array");
  }
  const { placed, nColumns } = layoutCircuit(circuit);
  // Each column is as wide as its widest box.
  const columnWidth = new Array<number>(nColumns).fill(MIN_BOX_WIDTH);
  for (const p of placed) columnWidth[p.column] = Math.max(columnWidth[p.column]!, boxWidth(p.op, circuit.parameters));
  const columnX: number[] = [];
  let x = LABEL_WIDTH + COLUMN_GAP;
  for (let c = 0; c < nColumns; c++) {
    columnX.push(x + columnWidth[c]! / 2);
    x += columnWidth[c]! + COLUMN_GAP;
  }
  const width = Math.max(x + 10, 160);
  const hasClassical = circuit.nClbits > 0;
  const title = options.title ?? circuit.name;
  const top = title ? MARGIN_TOP + 16 : MARGIN_TOP;
  const wireY = (q: number): number => top + q * WIRE_GAP;
  const classicalY = wireY(circuit.nQubits) - WIRE_GAP / 4;
  const height = (hasClassical ? classicalY : wireY(circuit.nQubits - 1)) + 30;

  const parts: string[] = [];
  if (title) parts.push(`<text x="8" y="18" ${FONT} font-size="13" font-weight="bold">${escapeHtml(title)}</text>`);
  for (let q = 0; q < circuit.nQubits; q++) {
    parts.push(`<text x="8" y="${wireY(q) + 4}" ${FONT} font-size="12">q${q}</text>`);
    parts.push(line(LABEL_WIDTH, wireY(q), width - 6, wireY(q), "#000", 1));
  }
  if (hasClassical) {
    parts.push(`<text x="8" y="${classicalY + 4}" ${FONT} font-size="12">c</text>`);
    parts.push(line(LABEL_WIDTH, classicalY - 1.5, width - 6, classicalY - 1.5, "#000", 1));
    parts.push(line(LABEL_WIDTH, classicalY + 1.5, width - 6, classicalY + 1.5, "#000", 1));
    parts.push(line(LABEL_WIDTH + 6, classicalY + 6, LABEL_WIDTH + 12, classicalY - 6, "#000", 1));
    parts.push(`<text x="${LABEL_WIDTH + 14}" y="${classicalY - 5}" ${FONT} font-size="9">${circuit.nClbits}</text>`);
  }
  for (const p of placed) parts.push(drawOp(p, columnX[p.column]!, columnWidth[p.column]!, wireY, classicalY, circuit.parameters));
  return `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">\n<rect width="${width}" height="${height}" fill="white"/>\n${parts.join("\n")}\n</svg>\n`;
}

function drawOp(p: PlacedOp, cx: number, columnWidth: number, wireY: (q: number) => number, classicalY: number, parameters: readonly string[]): string {
  const { op } = p;
  switch (op.kind) {
    case "barrier": {
      const top = wireY(p.low) - WIRE_GAP / 2 + 6;
      const bottom = wireY(p.high) + WIRE_GAP / 2 - 6;
      return `<rect x="${cx - 6}" y="${top}" width="12" height="${bottom - top}" fill="#ddd" opacity="0.6"/>` + line(cx, top, cx, bottom, "#666", 1.2, "4 3");
    }
    case "reset":
      return box(cx, wireY(op.qubit), MIN_BOX_WIDTH, "|0⟩", "");
    case "measure": {
      const y = wireY(op.qubit);
      const parts = [
        line(cx - 1.5, y + BOX_HEIGHT / 2, cx - 1.5, classicalY - 6, "#000", 1),
        line(cx + 1.5, y + BOX_HEIGHT / 2, cx + 1.5, classicalY - 6, "#000", 1),
        `<polygon points="${cx - 5},${classicalY - 8} ${cx + 5},${classicalY - 8} ${cx},${classicalY - 1}" fill="#000"/>`,
        `<text x="${cx + 5}" y="${classicalY + 13}" ${FONT} font-size="9">${op.clbit}</text>`,
        box(cx, y, MIN_BOX_WIDTH, "", ""),
        // The meter: an arc with a needle.
        `<path d="M ${cx - 10} ${y + 6} A 10 10 0 0 1 ${cx + 10} ${y + 6}" fill="none" stroke="#000" stroke-width="1.2"/>`,
        line(cx, y + 6, cx + 7, y - 8, "#000", 1.2),
      ];
      return parts.join("");
    }
    case "gate":
      return drawGate(op, cx, columnWidth, wireY, parameters);
    case "if": {
      const inner = drawOp({ ...p, op: op.op, high: Math.max(...qubitsOf(op.op)) }, cx, columnWidth, wireY, classicalY, parameters);
      const from = wireY(Math.max(...qubitsOf(op.op))) + BOX_HEIGHT / 2;
      const condition = conditionText(op.clbits, op.value).replace(/=/, "==");
      return [
        line(cx - 1.5, from, cx - 1.5, classicalY - 3, "#000", 1),
        line(cx + 1.5, from, cx + 1.5, classicalY - 3, "#000", 1),
        `<circle cx="${cx}" cy="${classicalY}" r="4" fill="#000"/>`,
        `<text x="${cx + 6}" y="${classicalY + 13}" ${FONT} font-size="9">${escapeHtml(condition)}</text>`,
        inner,
      ].join("");
    }
    default:
      return assertNever(op);
  }
}

type GateOp = Extract<Op, { kind: "gate" }>;

function drawGate(op: GateOp, cx: number, columnWidth: number, wireY: (q: number) => number, parameters: readonly string[]): string {
  const q = op.qubits;
  const ys = q.map(wireY);
  const connector = q.length > 1 ? line(cx, Math.min(...ys), cx, Math.max(...ys), "#000", 1.2) : "";
  const angles = op.angles.map((a) => angleLabel(a, parameters)).join(", ");
  switch (op.name) {
    case "cx":
      return connector + dot(cx, ys[0]!) + oplus(cx, ys[1]!);
    case "ccx":
      return connector + dot(cx, ys[0]!) + dot(cx, ys[1]!) + oplus(cx, ys[2]!);
    case "cz":
      return connector + dot(cx, ys[0]!) + dot(cx, ys[1]!);
    case "swap":
      return connector + cross(cx, ys[0]!) + cross(cx, ys[1]!);
    case "cswap":
      return connector + dot(cx, ys[0]!) + cross(cx, ys[1]!) + cross(cx, ys[2]!);
    case "rxx":
    case "ryy":
    case "rzz": {
      // A two-qubit rotation: one box spanning both wires.
      const top = Math.min(...ys) - BOX_HEIGHT / 2;
      const bottom = Math.max(...ys) + BOX_HEIGHT / 2;
      const w = columnWidth - 4;
      return (
        `<rect x="${cx - w / 2}" y="${top}" width="${w}" height="${bottom - top}" fill="#fff" stroke="#000" stroke-width="1.2" rx="2"/>` +
        `<text x="${cx}" y="${(top + bottom) / 2 - 2}" ${FONT} font-size="12" text-anchor="middle">${op.name.toUpperCase()}</text>` +
        `<text x="${cx}" y="${(top + bottom) / 2 + 11}" ${FONT} font-size="10" text-anchor="middle">${escapeHtml(angles)}</text>`
      );
    }
    default: {
      const boxed = CONTROLLED_BOX[op.name];
      if (boxed !== undefined) return connector + dot(cx, ys[0]!) + box(cx, ys[1]!, columnWidth - 4, boxed, angles);
      return box(cx, ys[0]!, columnWidth - 4, gateLabel(op.name), angles);
    }
  }
}

function gateLabel(name: string): string {
  const labels: Readonly<Record<string, string>> = { sdg: "S†", tdg: "T†", sx: "√X", sxdg: "√X†", id: "I" };
  return labels[name] ?? name.toUpperCase();
}

function boxWidth(op: Op, parameters: readonly string[]): number {
  if (op.kind === "if") return Math.max(boxWidth(op.op, parameters), conditionText(op.clbits, op.value).length * CHAR_WIDTH * 0.75 + 8);
  if (op.kind !== "gate") return MIN_BOX_WIDTH;
  const angles = op.angles.map((a) => angleLabel(a, parameters)).join(", ");
  const label = CONTROLLED_BOX[op.name] ?? gateLabel(op.name);
  return Math.max(MIN_BOX_WIDTH, label.length * CHAR_WIDTH + 12, angles.length * CHAR_WIDTH * 0.85 + 10);
}

function box(cx: number, cy: number, width: number, label: string, angles: string): string {
  const rect = `<rect x="${cx - width / 2}" y="${cy - BOX_HEIGHT / 2}" width="${width}" height="${BOX_HEIGHT}" fill="#fff" stroke="#000" stroke-width="1.2" rx="2"/>`;
  if (!label) return rect;
  if (!angles) return rect + `<text x="${cx}" y="${cy + 4.5}" ${FONT} font-size="13" text-anchor="middle">${escapeHtml(label)}</text>`;
  return (
    rect +
    `<text x="${cx}" y="${cy - 2}" ${FONT} font-size="12" text-anchor="middle">${escapeHtml(label)}</text>` +
    `<text x="${cx}" y="${cy + 10}" ${FONT} font-size="10" text-anchor="middle">${escapeHtml(angles)}</text>`
  );
}

function dot(cx: number, cy: number): string {
  return `<circle cx="${cx}" cy="${cy}" r="4.5" fill="#000"/>`;
}

function oplus(cx: number, cy: number): string {
  const r = 10;
  return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="#fff" stroke="#000" stroke-width="1.2"/>` + line(cx - r, cy, cx + r, cy, "#000", 1.2) + line(cx, cy - r, cx, cy + r, "#000", 1.2);
}

function cross(cx: number, cy: number): string {
  const r = 6;
  return line(cx - r, cy - r, cx + r, cy + r, "#000", 1.5) + line(cx - r, cy + r, cx + r, cy - r, "#000", 1.5);
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string, width: number, dash?: string): string {
  const dashAttr = dash ? ` stroke-dasharray="${dash}"` : "";
  return `<line x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}" stroke="${stroke}" stroke-width="${width}"${dashAttr}/>`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
