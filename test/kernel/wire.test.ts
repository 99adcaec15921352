import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSigner, decodeMessage, encodeMessage, type JupyterMessage } from "../../src/kernel/wire.js";

const header = (msgType: string) => ({ msg_id: "m1", session: "s1", username: "u", date: "2026-01-01T00:00:00.000Z", msg_type: msgType, version: "5.3" });

function sample(content: Record<string, unknown> = { code: "compile p" }): JupyterMessage {
  return { identities: [Buffer.from("client-id")], header: header("execute_request"), parentHeader: {}, metadata: {}, content, buffers: [] };
}

describe("the Jupyter wire format", () => {
  it("signs header, parent header, metadata and content with HMAC-SHA256 in hex", () => {
    const frames = encodeMessage(sample(), createSigner("hmac-sha256", "secret"));
    expect(frames[1]?.toString()).toBe("<IDS|MSG>");
    const hmac = createHmac("sha256", "secret");
    for (const part of frames.slice(3, 7)) hmac.update(part);
    expect(frames[2]?.toString()).toBe(hmac.digest("hex"));
  });

  it("round-trips any JSON content and keeps the routing identities", () => {
    const signer = createSigner("hmac-sha256", "k");
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (content) => {
        const decoded = decodeMessage(encodeMessage(sample(content), signer), signer);
        expect(decoded.ok).toBe(true);
        if (!decoded.ok) return;
        expect(decoded.message.content).toEqual(JSON.parse(JSON.stringify(content)));
        expect(decoded.message.identities.map(String)).toEqual(["client-id"]);
      }),
      { numRuns: 200 },
    );
  });

  it("rejects a message whose content was changed after signing", () => {
    const signer = createSigner("hmac-sha256", "k");
    const frames = encodeMessage(sample(), signer);
    frames[6] = Buffer.from(JSON.stringify({ code: "something else" }));
    expect(decodeMessage(frames, signer)).toEqual({ ok: false, reason: "bad HMAC signature" });
  });

  it("rejects a message signed with another key", () => {
    const frames = encodeMessage(sample(), createSigner("hmac-sha256", "a"));
    expect(decodeMessage(frames, createSigner("hmac-sha256", "b")).ok).toBe(false);
  });

  it("accepts unsigned messages only when the key is empty", () => {
    const frames = encodeMessage(sample(), createSigner("hmac-sha256", ""));
    expect(frames[2]?.toString()).toBe("");
    expect(decodeMessage(frames, createSigner("hmac-sha256", "")).ok).toBe(true);
    expect(decodeMessage(frames, createSigner("hmac-sha256", "k")).ok).toBe(false);
  });

  it("reports malformed frames as reasons instead of throwing", () => {
    const signer = createSigner("hmac-sha256", "");
    expect(decodeMessage([Buffer.from("x")], signer)).toEqual({ ok: false, reason: "no <IDS|MSG> delimiter" });
    expect(decodeMessage([Buffer.from("<IDS|MSG>"), Buffer.from("")], signer).ok).toBe(false);
    const notJson = [Buffer.from("<IDS|MSG>"), Buffer.from(""), Buffer.from("{"), Buffer.from("{}"), Buffer.from("{}"), Buffer.from("{}")];
    expect(decodeMessage(notJson, signer)).toEqual({ ok: false, reason: "a message frame is not JSON" });
    const noType = [Buffer.from("<IDS|MSG>"), Buffer.from(""), Buffer.from("{}"), Buffer.from("{}"), Buffer.from("{}"), Buffer.from("{}")];
    expect(decodeMessage(noType, signer).ok).toBe(false);
  });

  it("refuses signature schemes that are not HMAC", () => {
    expect(() => createSigner("rsa", "k")).toThrow(RangeError);
  });
});
