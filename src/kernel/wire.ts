// The Jupyter wire format (messaging protocol 5.3): a multipart ZeroMQ message is
//
//   [routing ids…, "<IDS|MSG>", hmac, header, parent_header, metadata, content, buffers…]
//
// and `hmac` is HMAC(key, header ‖ parent_header ‖ metadata ‖ content) in hex, or "" when the
// connection key is empty. Signatures are compared in constant time.
import { createHmac, timingSafeEqual } from "node:crypto";

export const DELIMITER = "<IDS|MSG>";
export const PROTOCOL_VERSION = "5.3";

export interface MessageHeader {
  readonly msg_id: string;
  readonly session: string;
  readonly username: string;
  readonly date: string;
  readonly msg_type: string;
  readonly version: string;
}

export interface JupyterMessage {
  /** ZeroMQ routing identities that precede the delimiter (empty on iopub). */
  readonly identities: readonly Buffer[];
  readonly header: MessageHeader;
  /** `{}` when the message answers nothing. */
  readonly parentHeader: MessageHeader | Record<string, never>;
  readonly metadata: Record<string, unknown>;
  readonly content: Record<string, unknown>;
  readonly buffers: readonly Buffer[];
}

export interface Signer {
  sign(parts: readonly (Buffer | string)[]): string;
}

/** An HMAC signer for `signature_scheme` such as "hmac-sha256"; an empty key disables signing. */
export function createSigner(scheme: string, key: string): Signer {
  const match = /^hmac-(.+)$/.exec(scheme);
  if (!match) throw new RangeError(`signature_scheme must be "hmac-<digest>", got ${JSON.stringify(scheme)}`);
  const digest = match[1] as string;
  if (key === "") return { sign: () => "" };
  // Fail at start-up, not on the first message, when Node does not know the digest.
  createHmac(digest, key);
  return {
    sign(parts) {
      const hmac = createHmac(digest, key);
      for (const part of parts) hmac.update(part);
      return hmac.digest("hex");
    },
  };
}

export type DecodeResult = { readonly ok: true; readonly message: JupyterMessage } | { readonly ok: false; readonly reason: string };

/** Splits and verifies a received multipart message; a bad signature or shape is a reason, never a throw. */
export function decodeMessage(frames: readonly Buffer[], signer: Signer): DecodeResult {
  let delimiter = -1;
  for (let i = 0; i < frames.length; i++) {
    if ((frames[i] as Buffer).toString("utf8") === DELIMITER) {
      delimiter = i;
      break;
    }
  }
  if (delimiter < 0) return { ok: false, reason: "no <IDS|MSG> delimiter" };
  if (frames.length < delimiter + 6) return { ok: false, reason: "fewer than five frames after the delimiter" };
  const signature = (frames[delimiter + 1] as Buffer).toString("ascii");
  const signed = frames.slice(delimiter + 2, delimiter + 6);
  const expected = signer.sign(signed);
  if (!sameSignature(signature, expected)) return { ok: false, reason: "bad HMAC signature" };
  let parsed: unknown[];
  try {
    parsed = signed.map((frame) => JSON.parse(frame.toString("utf8")) as unknown);
  } catch {
    return { ok: false, reason: "a message frame is not JSON" };
  }
  const [header, parentHeader, metadata, content] = parsed;
  if (!isRecord(header) || typeof header["msg_type"] !== "string" || typeof header["msg_id"] !== "string") {
    return { ok: false, reason: "the header has no msg_type or msg_id" };
  }
  if (!isRecord(parentHeader) || !isRecord(metadata) || !isRecord(content)) return { ok: false, reason: "a message part is not an object" };
  return {
    ok: true,
    message: {
      identities: frames.slice(0, delimiter),
      header: header as unknown as MessageHeader,
      parentHeader: parentHeader as unknown as MessageHeader,
      metadata,
      content,
      buffers: frames.slice(delimiter + 6),
    },
  };
}

/** The frames of a message ready to send, signed. */
export function encodeMessage(message: JupyterMessage, signer: Signer): Buffer[] {
  const parts = [message.header, message.parentHeader, message.metadata, message.content].map((part) => Buffer.from(JSON.stringify(part), "utf8"));
  return [...message.identities, Buffer.from(DELIMITER), Buffer.from(signer.sign(parts), "ascii"), ...parts, ...message.buffers];
}

function sameSignature(received: string, expected: string): boolean {
  const a = Buffer.from(received, "ascii");
  const b = Buffer.from(expected, "ascii");
  return a.length === b.length && timingSafeEqual(a, b);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
