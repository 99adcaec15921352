// A reusable barrier for a fixed number of threads over shared memory: the last thread to arrive
// resets the count and bumps the generation; the others spin briefly, then sleep in Atomics.wait
// on the generation (spinning first avoids the futex round trip on short passes).
export const BARRIER_COUNT = 0;
export const BARRIER_GENERATION = 1;
/** The job counter workers wait on between runs. */
export const JOB_SEQUENCE = 2;
/** How many workers have loaded and are waiting for jobs. */
export const READY_COUNT = 3;
export const CONTROL_WORDS = 4;

const SPINS = 2000;

export function arriveAndWait(control: Int32Array, nThreads: number): void {
  const generation = Atomics.load(control, BARRIER_GENERATION);
  if (Atomics.add(control, BARRIER_COUNT, 1) === nThreads - 1) {
    Atomics.store(control, BARRIER_COUNT, 0);
    Atomics.add(control, BARRIER_GENERATION, 1);
    Atomics.notify(control, BARRIER_GENERATION);
    return;
  }
  for (let spin = 0; spin < SPINS; spin++) {
    if (Atomics.load(control, BARRIER_GENERATION) !== generation) return;
  }
  while (Atomics.load(control, BARRIER_GENERATION) === generation) {
    Atomics.wait(control, BARRIER_GENERATION, generation);
  }
}

/** The share [begin, end) of `span` iterations for thread `index` of `nThreads`. */
export function sliceOf(span: number, index: number, nThreads: number): [number, number] {
  return [Math.floor((span * index) / nThreads), Math.floor((span * (index + 1)) / nThreads)];
}
