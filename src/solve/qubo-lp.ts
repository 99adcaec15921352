// A QUBO as a mixed-integer linear program in CPLEX LP text, the standard linearisation
// (Fortet 1960; Glover & Woolsey 1974): each coupling x_i·x_j becomes a continuous y_ij ∈ [0, 1] with
//   y_ij ≤ x_i,  y_ij ≤ x_j        needed when Q_ij < 0 (minimisation pushes y_ij up),
//   y_ij ≥ x_i + x_j − 1           needed when Q_ij > 0 (minimisation pushes y_ij down),
// so only the side the objective presses against is written: with x binary, y_ij = x_i·x_j at
// every optimum. Columns are named x<i> and y<k> (k the coupling's index) so the solution maps back
// without parsing user names; the constant offset is left out and added back by the caller.
import type { Qubo } from "../compile/qubo.js";

export function quboToLpText(qubo: Qubo): string {
  const n = qubo.linear.length;
  const { rows, cols, values, linear } = qubo;
  const objective: string[] = [];
  for (let i = 0; i < n; i++) objective.push(term(linear[i], `x${i}`, i === 0));
  for (let k = 0; k < values.length; k++) objective.push(term(values[k], `y${k}`, false));
  const constraints: string[] = [];
  for (let k = 0; k < values.length; k++) {
    if (values[k] < 0) {
      constraints.push(` u${k}a: y${k} - x${rows[k]} <= 0`, ` u${k}b: y${k} - x${cols[k]} <= 0`);
    } else {
      constraints.push(` l${k}: y${k} - x${rows[k]} - x${cols[k]} >= -1`);
    }
  }
  const lines = ["Minimize", ` obj: ${objective.join(" ")}`];
  if (constraints.length > 0) lines.push("Subject To", ...constraints);
  lines.push("Bounds");
  for (let i = 0; i < n; i++) lines.push(` 0 <= x${i} <= 1`);
  for (let k = 0; k < values.length; k++) lines.push(` 0 <= y${k} <= 1`);
  if (n > 0) lines.push("Binary", ...chunk(Array.from({ length: n }, (_, i) => `x${i}`), 20).map((names) => ` ${names.join(" ")}`));
  lines.push("End", "");
  return lines.join("\n");
}

function term(coefficient: number, name: string, first: boolean): string {
  const magnitude = String(Math.abs(coefficient));
  if (first) return `${coefficient < 0 ? "-" : ""}${magnitude} ${name}`;
  return `${coefficient < 0 ? "-" : "+"} ${magnitude} ${name}`;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let k = 0; k < items.length; k += size) chunks.push(items.slice(k, k + size));
  return chunks;
}
