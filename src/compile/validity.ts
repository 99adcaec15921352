// Penalties that keep one-hot and domain-wall codes valid. Both are 0 on valid codes and integers
// ≥ 1 on invalid ones, so they enter `penalty auto` like a hard constraint with minimum violation 1.
//   one-hot      (Σₖ bₖ − 1)²
//   domain wall  Σₖ b_{k+1}(1 − bₖ)   (counts the places where a 0 is followed by a 1)
import type { SparsePoly } from "../model/sparse-poly.js";
import { assertNever } from "../model/variables.js";
import type { DomainEncoding } from "./encoding.js";
import { emptyPoly } from "./penalty.js";
import { squareLinear } from "./square.js";

export function validityPenalty(encoding: DomainEncoding, first: number): SparsePoly {
  const n = encoding.coefs.length;
  switch (encoding.validity) {
    case "none":
      return emptyPoly();
    case "onehot":
      return squareLinear(
        -1,
        Int32Array.from({ length: n }, (_, k) => first + k),
        new Float64Array(n).fill(1),
      );
    case "domainwall": {
      const linIdx = Int32Array.from({ length: n - 1 }, (_, k) => first + k + 1);
      const quadI = Int32Array.from({ length: n - 1 }, (_, k) => first + k);
      return {
        constant: 0,
        linIdx,
        linCoef: new Float64Array(n - 1).fill(1),
        quadI,
        quadJ: linIdx.slice(),
        quadCoef: new Float64Array(n - 1).fill(-1),
        higher: [],
      };
    }
    default:
      return assertNever(encoding.validity);
  }
}
