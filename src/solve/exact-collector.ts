// Keeps what exhaustive search reports: the minimising states (up to a cap, all counted) and the k
// lowest states (a bounded max-heap). Its gate lets the kernel skip every state that can matter to
// neither, so after the first few thousand states almost nothing reaches `offer`.
import type { StateSink } from "./exact-enumerate.js";

export class StateCollector implements StateSink {
  readonly initialGate = Infinity;
  /** States seen within the tolerance of the running minimum. */
  nMinimizers = 0;
  private minEnergy = Infinity;
  private readonly minIndex: Float64Array;
  private readonly minEnergyOf: Float64Array;
  private nKept = 0;
  // Max-heap on energy of the k lowest states so far; heapEnergy[0] is the worst of them.
  private readonly heapIndex: Float64Array;
  private readonly heapEnergy: Float64Array;
  private heapSize = 0;

  constructor(
    private readonly maxMinimizers: number,
    private readonly nLowest: number,
    private readonly tolerance: number,
  ) {
    this.minIndex = new Float64Array(maxMinimizers);
    this.minEnergyOf = new Float64Array(maxMinimizers);
    this.heapIndex = new Float64Array(nLowest);
    this.heapEnergy = new Float64Array(nLowest);
  }

  offer(energy: number, index: number): number {
    if (energy < this.minEnergy - this.tolerance) {
      this.minEnergy = energy;
      this.nMinimizers = 0;
      this.nKept = 0;
      this.keepMinimizer(energy, index);
    } else if (energy <= this.minEnergy + this.tolerance) {
      this.keepMinimizer(energy, index);
      if (energy < this.minEnergy) this.lowerMinimum(energy);
    }
    if (this.nLowest > 0) this.offerLowest(energy, index);
    return this.gate();
  }

  minimizerIndices(): number[] {
    return Array.from(this.minIndex.subarray(0, this.nKept));
  }

  lowestIndices(): number[] {
    return Array.from(this.heapIndex.subarray(0, this.heapSize));
  }

  private gate(): number {
    const minimizerGate = this.minEnergy + this.tolerance;
    if (this.nLowest === 0) return minimizerGate;
    if (this.heapSize < this.nLowest) return Infinity;
    return Math.max(minimizerGate, this.heapEnergy[0]);
  }

  private keepMinimizer(energy: number, index: number): void {
    this.nMinimizers++;
    if (this.nKept < this.maxMinimizers) {
      this.minIndex[this.nKept] = index;
      this.minEnergyOf[this.nKept++] = energy;
    }
  }

  // A tie slightly below the minimum moves it: drop kept states now more than `tolerance` above.
  private lowerMinimum(energy: number): void {
    this.minEnergy = energy;
    let kept = 0;
    for (let k = 0; k < this.nKept; k++) {
      if (this.minEnergyOf[k] <= energy + this.tolerance) {
        this.minIndex[kept] = this.minIndex[k];
        this.minEnergyOf[kept++] = this.minEnergyOf[k];
      }
    }
    this.nMinimizers -= this.nKept - kept;
    this.nKept = kept;
  }

  private offerLowest(energy: number, index: number): void {
    const heapEnergy = this.heapEnergy;
    const heapIndex = this.heapIndex;
    if (this.heapSize < this.nLowest) {
      let at = this.heapSize++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (heapEnergy[parent] >= energy) break;
        heapEnergy[at] = heapEnergy[parent];
        heapIndex[at] = heapIndex[parent];
        at = parent;
      }
      heapEnergy[at] = energy;
      heapIndex[at] = index;
      return;
    }
    if (!(energy < heapEnergy[0])) return;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= this.heapSize) break;
      const right = left + 1;
      const child = right < this.heapSize && heapEnergy[right] > heapEnergy[left] ? right : left;
      if (heapEnergy[child] <= energy) break;
      heapEnergy[at] = heapEnergy[child];
      heapIndex[at] = heapIndex[child];
      at = child;
    }
    heapEnergy[at] = energy;
    heapIndex[at] = index;
  }
}
