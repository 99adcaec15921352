"""Starts the kernel with jupyter_client, runs a long cell, pings the heartbeat while it computes,
interrupts it over the control channel, and prints timings and replies as JSON.

usage: python3 interrupt_check.py KERNEL_NAME
"""
import json
import sys
import time

import zmq
from jupyter_client.manager import start_new_kernel

BIG = """problem big {
  param n: int
  var x: binary[n]
  minimize sum(i in 0..n-1) sum(j in 0..n-1) x[i] * x[j]
}
bind big {"n": 3000}"""

km, kc = start_new_kernel(kernel_name=sys.argv[1], startup_timeout=60)
try:
    kc.execute_interactive(BIG, timeout=60, output_hook=lambda msg: None)
    info = km.get_connection_info()
    msg_id = kc.execute("compile big")
    # Wait until the kernel has started the cell, so the interrupt cannot arrive before it.
    while True:
        msg = kc.get_iopub_msg(timeout=30)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
            break
    time.sleep(0.5)
    socket = zmq.Context.instance().socket(zmq.REQ)
    socket.setsockopt(zmq.LINGER, 0)
    socket.connect(f"{info['transport']}://{info['ip']}:{info['hb_port']}")
    start = time.monotonic()
    socket.send(b"ping")
    echoed = socket.poll(5000) != 0 and socket.recv() == b"ping"
    heartbeat_ms = (time.monotonic() - start) * 1000
    socket.close()
    start = time.monotonic()
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=30)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=30)
    interrupt_ms = (time.monotonic() - start) * 1000
    # The declaration from before the interrupt is still there.
    after = kc.execute_interactive('bind big {"n": 4}\ncompile big', timeout=30, output_hook=lambda msg: None)
    print(json.dumps({
        "heartbeat": echoed,
        "heartbeatMs": heartbeat_ms,
        "interruptMs": interrupt_ms,
        "status": reply["content"]["status"],
        "ename": reply["content"].get("ename"),
        "afterStatus": after["content"]["status"],
    }))
except Exception as error:  # report, then let the caller fail with the message
    print(json.dumps({"failure": repr(error)}))
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
