// A circuit diagram as a displayable figure: SVG and PNG plus a one-line text summary.
import { inspect, type InspectOptions } from "node:util";
import type { Circuit } from "../circuit/ir.js";
import { circuitDiagramSvg, type CircuitDiagramOptions } from "./charts/circuit-diagram.js";
import { DISPLAY, type Displayable, type MimeBundle } from "./display-protocol.js";
import { inspectWithRichDisplay } from "./last-expression-hook.js";
import { renderPng } from "./render-png.js";

export class CircuitFigure implements Displayable {
  readonly kind = "circuit-figure";

  constructor(
    readonly summary: string,
    readonly svg: string,
    readonly png: Uint8Array,
    readonly width: number,
    readonly height: number,
  ) {}

  toBundle(): MimeBundle {
    return { "image/svg+xml": this.svg, "image/png": this.png, "text/plain": this.summary };
  }

  displayMetadata(): Record<string, unknown> {
    return { "image/png": { width: this.width, height: this.height } };
  }

  [DISPLAY](): MimeBundle {
    return this.toBundle();
  }

  [inspect.custom](depth: number, options: InspectOptions): string {
    return inspectWithRichDisplay(depth, options, () => this.toBundle(), this.displayMetadata());
  }
}

/** Draws a circuit and renders the drawing to PNG; the result displays itself in a notebook. */
export async function drawCircuit(circuit: Circuit, options: CircuitDiagramOptions = {}): Promise<CircuitFigure> {
  const svg = circuitDiagramSvg(circuit, options);
  const scale = 2;
  const png = await renderPng(svg, { scale });
  const nGates = circuit.ops.filter((op) => op.kind === "gate").length;
  const summary = `Circuit ${JSON.stringify(circuit.name)}: ${circuit.nQubits} qubits, ${circuit.nClbits} classical bits, ${nGates} gates`;
  return new CircuitFigure(summary, svg, png.png, Math.round(png.width / scale), Math.round(png.height / scale));
}
