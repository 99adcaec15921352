// The QAOA ansatz as a circuit IR, for resource estimates, drawing and OpenQASM export (the
// variational loop itself runs the same layout on direct statevector kernels). Gate by gate:
//   start     h on X-mixed qubits, x on each group's first k bits
//   cost      e^{−iγhZ} = rz(2γh),  e^{−iγJZZ} = rzz(2γJ)      (the constant c is a global phase)
//   x mixer   e^{−iβX} = rx(2β)
//   xy edge   e^{−iβ(XX + YY)/2} = rxx(β)·ryy(β)                (XX and YY commute)
// Angles stay symbolic (parameter × constant), named as in the layout.
import { Angle, CircuitBuilder } from "../../circuit/builder.js";
import type { Circuit } from "../../circuit/ir.js";
import type { Ising } from "../ising.js";
import { betaIndex, gammaIndex, type QaoaAnsatzOptions, type QaoaLayout, qaoaLayout } from "./qaoa-layout.js";

export interface QaoaCircuitOptions extends QaoaAnsatzOptions {
  /** Append a measurement of every qubit (default false). */
  readonly measure?: boolean;
  readonly name?: string;
}

/** The QAOA circuit for `ising`; parameters in the layout's order. */
export function qaoaCircuit(ising: Ising, options: QaoaCircuitOptions): Circuit {
  return qaoaCircuitFromLayout(qaoaLayout(ising, options), options);
}

export function qaoaCircuitFromLayout(layout: QaoaLayout, options: { readonly measure?: boolean; readonly name?: string } = {}): Circuit {
  const b = new CircuitBuilder(layout.nQubits, { name: options.name ?? `qaoa-p${layout.p}` });
  const parameters = layout.parameterNames.map((name) => b.parameter(name));
  for (const q of layout.plusQubits) b.h(q);
  for (const q of layout.oneQubits) b.x(q);
  const nFields = layout.fieldQubits.length;
  for (let l = 0; l < layout.p; l++) {
    const gamma = (term: number): Angle => parameters[gammaIndex(layout, l, term)] as Angle;
    for (let t = 0; t < nFields; t++) b.rz(gamma(t).times(2 * (layout.fieldWeights[t] as number)), layout.fieldQubits[t] as number);
    for (let k = 0; k < layout.couplingWeights.length; k++) {
      b.rzz(gamma(nFields + k).times(2 * (layout.couplingWeights[k] as number)), layout.couplingA[k] as number, layout.couplingB[k] as number);
    }
    layout.generators.forEach((generator, g) => {
      const beta = parameters[betaIndex(layout, l, g)] as Angle;
      switch (generator.kind) {
        case "x":
          b.rx(beta.times(2), generator.qubit);
          break;
        case "xy":
          b.rxx(beta, generator.a, generator.b).ryy(beta, generator.a, generator.b);
          break;
        default:
          assertNever(generator);
      }
    });
  }
  if (options.measure) b.measureAll();
  return b.build();
}

function assertNever(value: never): never {
  throw new Error(`internal: unknown mixer generator ${JSON.stringify(value)}`);
}
