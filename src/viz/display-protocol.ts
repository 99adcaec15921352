// The rich-display protocol: any object can say how a notebook should show it, without importing
// qpipe's viz module. Implement ONE of
//
//   [Symbol.for("Jupyter.display")](): MimeBundle | Promise<MimeBundle>   (Deno's convention)
//   toDisplay(): MimeBundle | Promise<MimeBundle>
//
// where a MimeBundle maps MIME types to data: strings for text formats, base64 strings or bytes for
// images, JSON objects for `application/*+json`. `show(x)` and the last-expression hook use it.

/** The well-known symbol; `Symbol.for` makes it the same symbol in every module and realm. */
export const DISPLAY: unique symbol = Symbol.for("Jupyter.display") as never;

export type MimeData = string | Uint8Array | object;

/** MIME type → data. `text/plain` should always be present as the fallback. */
export type MimeBundle = Readonly<Record<string, MimeData>>;

export interface Displayable {
  [DISPLAY](): MimeBundle | Promise<MimeBundle>;
}

export interface ToDisplay {
  toDisplay(): MimeBundle | Promise<MimeBundle>;
}

/** The object's display method, if it implements the protocol (symbol first). */
export function displayMethodOf(value: unknown): (() => MimeBundle | Promise<MimeBundle>) | undefined {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return undefined;
  const bySymbol = (value as Partial<Displayable>)[DISPLAY];
  if (typeof bySymbol === "function") return bySymbol.bind(value);
  const byMethod = (value as Partial<ToDisplay>).toDisplay;
  if (typeof byMethod === "function") return byMethod.bind(value);
  return undefined;
}

/** A bundle as Jupyter's wire format wants it: bytes → base64, everything else unchanged. */
export function toWireBundle(bundle: MimeBundle): Record<string, string | object> {
  if (typeof bundle !== "object" || bundle === null || Array.isArray(bundle)) {
    throw new TypeError("a display bundle must be an object mapping MIME types to data");
  }
  const wire: Record<string, string | object> = {};
  for (const [mime, data] of Object.entries(bundle)) {
    if (!/^[\w.+-]+\/[\w.+-]+$/.test(mime)) throw new RangeError(`display bundle key must be a MIME type, got ${JSON.stringify(mime)}`);
    if (data instanceof Uint8Array) wire[mime] = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("base64");
    else if (typeof data === "string" || (typeof data === "object" && data !== null)) wire[mime] = data;
    else throw new TypeError(`display bundle data for ${mime} must be a string, bytes or a JSON object, got ${typeof data}`);
  }
  if (!("text/plain" in wire)) wire["text/plain"] = "<display>";
  return wire;
}
