// Runs the kernel from source (through tsx) for tests: `node --import tsx launch-kernel.ts FILE`.
import { runKernel } from "../../src/kernel/run-kernel.js";

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write("usage: launch-kernel.ts CONNECTION_FILE\n");
  process.exit(2);
}
await runKernel(file, { cwd: process.cwd(), log: (line) => process.stderr.write(`${line}\n`) });
