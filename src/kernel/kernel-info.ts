// The kernel_info_reply content: who this kernel is and which language it speaks.
import { packageInfo } from "../util/package-root.js";
import { PROTOCOL_VERSION } from "./wire.js";

export const LANGUAGE_NAME = "qpipe";
export const FILE_EXTENSION = ".qp";
export const MIMETYPE = "text/x-qpipe";

export function kernelInfoContent(): Record<string, unknown> {
  const { version } = packageInfo();
  return {
    status: "ok",
    protocol_version: PROTOCOL_VERSION,
    implementation: "qpipe",
    implementation_version: version,
    language_info: { name: LANGUAGE_NAME, version, mimetype: MIMETYPE, file_extension: FILE_EXTENSION, codemirror_mode: "text/x-qpipe" },
    banner: `qpipe ${version}: optimisation problems and circuits in the qpipe language`,
    help_links: [],
  };
}
