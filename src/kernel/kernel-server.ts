// The kernel process: binds the five channels of a connection file and answers the Jupyter
// messaging protocol 5.3.
//
//   hb       REP     echoes every ping
//   shell    ROUTER  execute / complete / inspect / is_complete / history / kernel_info / comm_info,
//                    comm_open (closed at once: no comm targets) / comm_msg / comm_close
//   control  ROUTER  shutdown / interrupt / kernel_info (answered while a cell runs: cells run in a
//                    worker thread, cell-runner.ts)
//   iopub    PUB     status busy → execute_input → outputs → status idle, around every request
//   stdin    ROUTER  bound for clients that expect it; the language never asks for input
import { randomUUID } from "node:crypto";
import * as zmq from "zeromq";
import type { CellOutcome } from "./cell-outcome.js";
import { completeReply, inspectReply } from "./complete.js";
import { type ConnectionInfo, endpoint } from "./connection.js";
import { historyReply } from "./history.js";
import { isComplete } from "./is-complete.js";
import { kernelInfoContent } from "./kernel-info.js";
import { CellRunner } from "./cell-runner.js";
import { sendQueue, type SendQueue } from "./socket-queue.js";
import { createSigner, decodeMessage, encodeMessage, type JupyterMessage, type MessageHeader, PROTOCOL_VERSION } from "./wire.js";

export interface KernelServerOptions {
  /** Directory that relative paths in cells are resolved against. */
  readonly cwd: string;
  /** Called for messages that cannot be decoded (bad signature, bad shape). */
  readonly onBadMessage?: (reason: string) => void;
}

export interface RunningKernel {
  /** Resolves when a shutdown_request has been answered and every socket is closed. */
  readonly closed: Promise<void>;
  /** Closes every socket. */
  close(): void;
}

type Reply = (msgType: string, content: Record<string, unknown>) => Promise<void>;

export async function startKernel(info: ConnectionInfo, options: KernelServerOptions): Promise<RunningKernel> {
  const signer = createSigner(info.signatureScheme, info.key);
  const sessionId = randomUUID();
  const session = new CellRunner(options.cwd);
  session.warmUp();
  const hb = new zmq.Reply();
  const shell = new zmq.Router();
  const control = new zmq.Router();
  const stdin = new zmq.Router();
  const iopub = new zmq.Publisher();
  const sockets = [hb, shell, control, stdin, iopub];
  await Promise.all([
    hb.bind(endpoint(info, "hb")),
    shell.bind(endpoint(info, "shell")),
    control.bind(endpoint(info, "control")),
    stdin.bind(endpoint(info, "stdin")),
    iopub.bind(endpoint(info, "iopub")),
  ]);
  const queues = { shell: sendQueue(shell), control: sendQueue(control), iopub: sendQueue(iopub) };

  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  let isClosed = false;
  const close = (): void => {
    if (isClosed) return;
    isClosed = true;
    for (const socket of sockets) socket.close();
    void session.close().finally(resolveClosed);
  };

  const header = (msgType: string): MessageHeader => ({
    msg_id: randomUUID(),
    session: sessionId,
    username: "qpipe",
    date: new Date().toISOString(),
    msg_type: msgType,
    version: PROTOCOL_VERSION,
  });
  const message = (identities: readonly Buffer[], parent: JupyterMessage, msgType: string, content: Record<string, unknown>): JupyterMessage => ({
    identities,
    header: header(msgType),
    parentHeader: parent.header,
    metadata: {},
    content,
    buffers: [],
  });
  const publish = (parent: JupyterMessage, msgType: string, content: Record<string, unknown>): Promise<void> =>
    queues.iopub.send(encodeMessage(message([Buffer.from(`kernel.${sessionId}.${msgType}`)], parent, msgType, content), signer));

  void (async () => {
    for await (const [ping] of hb) {
      if (ping) await hb.send(ping).catch(() => undefined);
    }
  })().catch(() => undefined);

  const serve = (socket: zmq.Router, queue: SendQueue): void => {
    void (async () => {
      for await (const frames of socket) {
        const decoded = decodeMessage(frames, signer);
        if (!decoded.ok) {
          options.onBadMessage?.(decoded.reason);
          continue;
        }
        const request = decoded.message;
        const reply: Reply = (msgType, content) => queue.send(encodeMessage(message(request.identities, request, msgType, content), signer));
        await publish(request, "status", { execution_state: "busy" });
        try {
          await handle(request, reply);
        } catch (error) {
          // A bug in a handler must not end the loop (the kernel would stop answering): reply with
          // an error of the matching reply type instead.
          const evalue = error instanceof Error ? error.message : String(error);
          const replyType = request.header.msg_type.replace(/_request$/, "_reply");
          if (replyType !== request.header.msg_type) await reply(replyType, { status: "error", ename: "InternalError", evalue, traceback: [evalue] }).catch(() => undefined);
        } finally {
          if (!isClosed) await publish(request, "status", { execution_state: "idle" }).catch(() => undefined);
        }
        if (request.header.msg_type === "shutdown_request") close();
      }
    })().catch(() => undefined);
  };

  const handle = async (request: JupyterMessage, reply: Reply): Promise<void> => {
    const content = request.content;
    switch (request.header.msg_type) {
      case "kernel_info_request":
        return reply("kernel_info_reply", kernelInfoContent());
      case "execute_request":
        return execute(request, reply);
      case "is_complete_request":
        return reply("is_complete_reply", { ...isComplete(String(content["code"] ?? "")) });
      case "complete_request":
      case "inspect_request": {
        const code = String(content["code"] ?? "");
        const cursor = typeof content["cursor_pos"] === "number" ? content["cursor_pos"] : code.length;
        return request.header.msg_type === "complete_request"
          ? reply("complete_reply", completeReply(session.source, code, cursor))
          : reply("inspect_reply", inspectReply(session.source, code, cursor));
      }
      case "history_request":
        return reply("history_reply", historyReply(session.history, content));
      case "comm_info_request":
        return reply("comm_info_reply", { status: "ok", comms: {} });
      case "comm_open":
        // No comm targets exist: refuse the comm as the protocol says, by closing it on iopub, so
        // the front end's comm object is disposed instead of waiting for messages.
        return publish(request, "comm_close", { comm_id: String(content["comm_id"] ?? ""), data: {} });
      case "comm_msg":
      case "comm_close":
        // Only comms the kernel refused can be named here; there is nothing to deliver or close.
        return;
      case "interrupt_request":
        await session.interrupt();
        return reply("interrupt_reply", { status: "ok" });
      case "shutdown_request":
        return reply("shutdown_reply", { status: "ok", restart: content["restart"] === true });
      default:
        // Unknown requests are ignored, as the protocol allows.
        return;
    }
  };

  const execute = async (request: JupyterMessage, reply: Reply): Promise<void> => {
    const code = String(request.content["code"] ?? "");
    const silent = request.content["silent"] === true;
    const storeHistory = !silent && request.content["store_history"] !== false;
    const count = session.executionCount + (storeHistory ? 1 : 0);
    if (!silent) await publish(request, "execute_input", { code, execution_count: count });
    // The cell runs in a worker thread; heartbeat and control are served meanwhile.
    const outcome: CellOutcome = await session.execute(code, storeHistory);
    if (!silent) {
      for (const output of outcome.outputs) {
        switch (output.kind) {
          case "stream":
            await publish(request, "stream", { name: output.name, text: output.text });
            break;
          case "display":
            await publish(request, "display_data", { data: output.data, metadata: output.metadata ?? {}, transient: {} });
            break;
          case "result":
            await publish(request, "execute_result", { execution_count: count, data: output.data, metadata: output.metadata ?? {} });
            break;
        }
      }
    }
    if (outcome.error) {
      const { ename, evalue, traceback } = outcome.error;
      if (!silent) await publish(request, "error", { ename, evalue, traceback: [...traceback] });
      return reply("execute_reply", { status: "error", execution_count: count, ename, evalue, traceback: [...traceback] });
    }
    return reply("execute_reply", { status: "ok", execution_count: count, user_expressions: {}, payload: [] });
  };

  serve(shell, queues.shell);
  serve(control, queues.control);
  void (async () => {
    for await (const _ of stdin) {
      // no input is ever requested
    }
  })().catch(() => undefined);

  return { closed, close };
}

