"""Starts the kernel with jupyter_client, measures how long a long cell takes when left to finish
(the pace of the machine right now), then runs it again, pings the heartbeat while it computes,
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
}"""
BIND = 'bind big {"n": 3000}'


def run_cell(kc, code):
    reply = kc.execute_interactive(code, timeout=120, output_hook=lambda msg: None)
    return reply["content"]["status"]


def timed_cell(kc, code):
    start = time.monotonic()
    status = run_cell(kc, code)
    return (time.monotonic() - start) * 1000, status


km, kc = start_new_kernel(kernel_name=sys.argv[1], startup_timeout=60)
try:
    run_cell(kc, BIG)
    run_cell(kc, BIND)
    # The long cell left to finish: the pace of this machine right now.
    full_ms, full_status = timed_cell(kc, "compile big")
    run_cell(kc, BIND)
    info = km.get_connection_info()
    msg_id = kc.execute("compile big")
    # Wait until the kernel has started the cell, so the interrupt cannot arrive before it.
    while True:
        msg = kc.get_iopub_msg(timeout=30)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
            break
    cell_start = time.monotonic()
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
    reply = kc.get_shell_msg(timeout=120)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=120)
    interrupt_ms = (time.monotonic() - start) * 1000
    # The declaration from before the interrupt is still there.
    after = kc.execute_interactive('bind big {"n": 4}\ncompile big', timeout=30, output_hook=lambda msg: None)
    print(json.dumps({
        "fullCellMs": full_ms,
        "fullCellStatus": full_status,
        "interruptSentAfterMs": (start - cell_start) * 1000,
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
