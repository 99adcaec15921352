#!/usr/bin/python3
"""Executes one notebook through a real Jupyter kernel with nbclient and writes the result.

Used by `qpipe notebooks verify` and `qpipe notebooks execute`:

    execute-notebook.py --kernel NAME --timeout SEC --startup-timeout SEC --cwd DIR IN.ipynb OUT.ipynb

Cells run one at a time in a fresh kernel whose working directory is DIR. The executed notebook is
written to OUT.ipynb (also when a cell fails, so that the caller can show what ran), and one JSON
line on stdout says how it went:

    {"status": "ok"}
    {"status": "cell-error" | "timeout" | "dead-kernel", "cell": INDEX, "message": "..."}
    {"status": "startup-failed", "message": "..."}

Exit code 0 whenever that line was written; anything else is a crash of this script.
"""
import argparse
import json
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kernel", required=True)
    parser.add_argument("--timeout", type=int, required=True, help="per-cell timeout in whole seconds")
    parser.add_argument("--startup-timeout", type=int, default=60)
    parser.add_argument("--cwd", required=True)
    parser.add_argument("input")
    parser.add_argument("output")
    args = parser.parse_args()

    nb = nbformat.read(args.input, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name=args.kernel,
        timeout=args.timeout,
        startup_timeout=args.startup_timeout,
        record_timing=False,
        shutdown_kernel="immediate",  # outputs are all in by then; a busy kernel need not be waited for
        allow_errors=False,
        resources={"metadata": {"path": args.cwd}},
    )
    result = {"status": "ok"}
    try:
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                try:
                    client.execute_cell(cell, index)
                except CellExecutionError as error:
                    result = {"status": "cell-error", "cell": index, "message": str(error)}
                    break
                except CellTimeoutError as error:
                    result = {"status": "timeout", "cell": index, "message": str(error)}
                    break
                except DeadKernelError as error:
                    result = {"status": "dead-kernel", "cell": index, "message": str(error)}
                    break
    except DeadKernelError as error:
        result = {"status": "dead-kernel", "cell": None, "message": str(error)}
    except RuntimeError as error:  # kernel did not start (nbclient raises RuntimeError on startup timeout)
        result = {"status": "startup-failed", "message": str(error)}
    except Exception as error:  # e.g. jupyter_client.kernelspec.NoSuchKernel
        result = {"status": "startup-failed", "message": f"{type(error).__name__}: {error}"}

    nbformat.write(nb, args.output)
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
