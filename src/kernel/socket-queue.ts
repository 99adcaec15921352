// zeromq's sockets allow one pending send at a time; this queues sends per socket so that replies,
// iopub messages and heartbeats from concurrent handlers never collide.
import type { Writable } from "zeromq";

export interface SendQueue {
  send(frames: Buffer[]): Promise<void>;
}

export function sendQueue(socket: Writable): SendQueue {
  let tail: Promise<void> = Promise.resolve();
  return {
    send(frames) {
      const next = tail.then(() => socket.send(frames));
      // A failed send (socket closed at shutdown) must not block later sends.
      tail = next.catch(() => undefined);
      return next;
    },
  };
}
