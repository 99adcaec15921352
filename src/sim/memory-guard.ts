// Refuses a state that would not fit before allocating it: 2^n amplitudes × 16 bytes (split re/im
// float64) plus any extra buffers, against the tightest of free memory, the cgroup limit and the
// process's constrained memory. Without the guard an oversized state fails late (or the kernel's
// OOM killer ends the process) instead of with an error that names the qubit count.
import { readFileSync } from "node:fs";
import { freemem } from "node:os";

/** Amplitude indices use 32-bit integer arithmetic; 2^30 amplitudes (16 GiB) is also this machine's reach. */
export const MAX_QUBITS = 30;

/** Bytes kept free for the rest of the process (heap, buffers, other threads). */
const HEADROOM_BYTES = 512 * 2 ** 20;

export function stateBytes(nQubits: number): number {
  return 16 * 2 ** nQubits;
}

/** The bytes this process may still allocate: min(free memory, cgroup headroom, constrained memory). */
export function availableMemoryBytes(): number {
  let available = freemem();
  const cgroupRoom = cgroupHeadroom();
  if (cgroupRoom !== undefined) available = Math.min(available, cgroupRoom);
  const constrained = (process as { constrainedMemory?: () => number | undefined }).constrainedMemory?.();
  if (constrained !== undefined && constrained > 0 && Number.isFinite(constrained)) {
    available = Math.min(available, Math.max(0, constrained - process.memoryUsage().rss));
  }
  return available;
}

function readNumber(path: string): number | undefined {
  try {
    const text = readFileSync(path, "utf8").trim();
    if (text === "max") return Number.POSITIVE_INFINITY;
    const value = Number(text);
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function cgroupHeadroom(): number | undefined {
  // cgroup v2, then v1 (whose "no limit" is a huge number).
  const limit = readNumber("/sys/fs/cgroup/memory.max") ?? readNumber("/sys/fs/cgroup/memory/memory.limit_in_bytes");
  if (limit === undefined || !Number.isFinite(limit) || limit > 2 ** 60) return undefined;
  const usage = readNumber("/sys/fs/cgroup/memory.current") ?? readNumber("/sys/fs/cgroup/memory/memory.usage_in_bytes") ?? 0;
  return Math.max(0, limit - usage);
}

function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(1)} GiB`;
  if (bytes >= 2 ** 20) return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  return `${bytes} bytes`;
}

/**
 * Throws RangeError unless an n-qubit state (plus `extraBytes`) fits in available memory.
 * `available` can be injected for tests.
 */
export function assertStateFits(nQubits: number, extraBytes = 0, available: number = availableMemoryBytes()): void {
  if (!Number.isInteger(nQubits) || nQubits < 1) throw new RangeError(`nQubits must be a positive integer, got ${nQubits}`);
  if (nQubits > MAX_QUBITS) {
    throw new RangeError(`a ${nQubits}-qubit state needs ${formatBytes(stateBytes(nQubits))}; the simulator supports at most ${MAX_QUBITS} qubits`);
  }
  const needed = stateBytes(nQubits) + extraBytes;
  if (needed + HEADROOM_BYTES > available) {
    throw new RangeError(
      `a ${nQubits}-qubit state needs ${formatBytes(needed)} (${needed} bytes) but only ${formatBytes(available)} is available ` +
        `(${formatBytes(HEADROOM_BYTES)} kept free); use fewer qubits or free memory`,
    );
  }
}
