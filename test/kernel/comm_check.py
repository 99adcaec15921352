"""Starts the kernel with jupyter_client and exercises the comm messages: comm_info, comm_open for a
target the kernel does not have, comm_msg and comm_close for that comm; then runs a cell to show the
kernel is still answering. Prints what came back as one JSON line.

usage: python3 comm_check.py KERNEL_NAME
"""
import json
import sys
import uuid

from jupyter_client.manager import start_new_kernel


def iopub_for(kc, msg_id, timeout=10):
    """The iopub messages answering msg_id, up to its status: idle."""
    seen = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        seen.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return seen


def send(kc, msg_type, content):
    msg = kc.session.msg(msg_type, content)
    kc.shell_channel.send(msg)
    return msg["header"]["msg_id"]


km, kc = start_new_kernel(kernel_name=sys.argv[1], startup_timeout=60)
try:
    info = kc.comm_info(reply=True, timeout=10)["content"]
    comm_id = uuid.uuid4().hex
    opened = send(kc, "comm_open", {"comm_id": comm_id, "target_name": "jupyter.widget", "data": {}})
    open_iopub = [(m["msg_type"], m["content"]) for m in iopub_for(kc, opened)]
    messaged = send(kc, "comm_msg", {"comm_id": comm_id, "data": {"method": "update"}})
    msg_iopub = [m["msg_type"] for m in iopub_for(kc, messaged)]
    closed = send(kc, "comm_close", {"comm_id": comm_id, "data": {}})
    close_iopub = [m["msg_type"] for m in iopub_for(kc, closed)]
    after = kc.execute_interactive("problem p {\n  var x: binary[2]\n  minimize x[0] + x[1]\n}\ncompile p", timeout=30, output_hook=lambda msg: None)
    print(json.dumps({
        "commId": comm_id,
        "info": info,
        "openIopub": open_iopub,
        "msgIopub": msg_iopub,
        "closeIopub": close_iopub,
        "afterStatus": after["content"]["status"],
        "alive": km.is_alive(),
    }))
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
