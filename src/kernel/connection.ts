// The connection file a Jupyter client writes before starting a kernel: where to listen and how
// to sign. Read once at start-up; every field is validated so a bad file is a clear error.
import { readFile } from "node:fs/promises";

export interface ConnectionInfo {
  readonly transport: "tcp" | "ipc";
  readonly ip: string;
  readonly key: string;
  readonly signatureScheme: string;
  readonly shellPort: number;
  readonly iopubPort: number;
  readonly stdinPort: number;
  readonly controlPort: number;
  readonly hbPort: number;
}

export type Channel = "shell" | "iopub" | "stdin" | "control" | "hb";

/** Parses the JSON text of a connection file; TypeError names the field that is wrong. */
export function parseConnectionInfo(text: string): ConnectionInfo {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new TypeError(`connection file must be JSON: ${(error as Error).message}`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new TypeError("connection file must hold a JSON object");
  const r = raw as Record<string, unknown>;
  const transport = r["transport"] ?? "tcp";
  if (transport !== "tcp" && transport !== "ipc") throw new TypeError(`connection file: transport must be "tcp" or "ipc", got ${JSON.stringify(transport)}`);
  const text_ = (name: string, fallback?: string): string => {
    const value = r[name] ?? fallback;
    if (typeof value !== "string") throw new TypeError(`connection file: ${name} must be a string`);
    return value;
  };
  const port = (name: string): number => {
    const value = r[name];
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 65535) throw new TypeError(`connection file: ${name} must be an integer port in 0..65535`);
    return value;
  };
  return {
    transport,
    ip: text_("ip", "127.0.0.1"),
    key: text_("key", ""),
    signatureScheme: text_("signature_scheme", "hmac-sha256"),
    shellPort: port("shell_port"),
    iopubPort: port("iopub_port"),
    stdinPort: port("stdin_port"),
    controlPort: port("control_port"),
    hbPort: port("hb_port"),
  };
}

export async function readConnectionFile(path: string): Promise<ConnectionInfo> {
  return parseConnectionInfo(await readFile(path, "utf8"));
}

/** The ZeroMQ endpoint of one channel, e.g. tcp://127.0.0.1:5555 or ipc://kernel-ipc-5. */
export function endpoint(info: ConnectionInfo, channel: Channel): string {
  const portOf: Record<Channel, number> = { shell: info.shellPort, iopub: info.iopubPort, stdin: info.stdinPort, control: info.controlPort, hb: info.hbPort };
  const port = portOf[channel];
  return info.transport === "tcp" ? `tcp://${info.ip}:${port}` : `ipc://${info.ip}-${port}`;
}
