"""Executes a qpipe-language notebook with nbclient and prints its outputs as JSON on stdout.

usage: python3 run_notebook.py NOTEBOOK.ipynb KERNEL_NAME
"""
import json
import sys

import nbformat
import zmq
from nbclient import NotebookClient


def ping_heartbeat(info):
    """One ping on the heartbeat channel; True when echoed within 5 s."""
    socket = zmq.Context.instance().socket(zmq.REQ)
    socket.setsockopt(zmq.LINGER, 0)
    socket.connect(f"{info['transport']}://{info['ip']}:{info['hb_port']}")
    socket.send(b"ping")
    echoed = socket.poll(5000) != 0 and socket.recv() == b"ping"
    socket.close()
    return echoed


path, kernel_name = sys.argv[1], sys.argv[2]
nb = nbformat.read(path, as_version=4)
client = NotebookClient(nb, kernel_name=kernel_name, timeout=60, allow_errors=True)
with client.setup_kernel():
    beating = ping_heartbeat(client.km.get_connection_info())
    for index, cell in enumerate(nb.cells):
        client.execute_cell(cell, index)
print(json.dumps({"heartbeat": beating, "cells": [cell.get("outputs", []) for cell in nb.cells]}))
