// Starts the kernel for one connection file and resolves when the client shuts it down.
import { readConnectionFile } from "./connection.js";
import { startKernel } from "./kernel-server.js";

export interface RunKernelOptions {
  readonly cwd: string;
  /** Where undecodable messages are reported (the CLI passes stderr). */
  readonly log: (line: string) => void;
}

export async function runKernel(connectionFile: string, options: RunKernelOptions): Promise<void> {
  const info = await readConnectionFile(connectionFile);
  const kernel = await startKernel(info, { cwd: options.cwd, onBadMessage: (reason) => options.log(`qpipe kernel: dropped a message: ${reason}`) });
  // A client using the signal interrupt mode sends SIGINT; the kernel must survive it.
  const ignore = (): void => undefined;
  process.on("SIGINT", ignore);
  try {
    await kernel.closed;
  } finally {
    process.off("SIGINT", ignore);
  }
}
