"""The official Jupyter kernel test suite (jupyter_kernel_test) against the qpipe kernel.

Run with JUPYTER_PATH pointing at a directory holding kernels/<name>/kernel.json and
QPIPE_KERNEL_NAME=<name> (test/kernel/kernel-suite.test.ts does both), or against an installed
kernel spec named "qpipe": `python3 -m unittest test_qpipe_kernel`.
"""
import os
import unittest

import jupyter_kernel_test

HISTORY_SAMPLE = """// history sample
problem pair {
  var x: binary[2]
  minimize x[0] + x[1] - 2 * x[0] * x[1]
}
compile pair to qubo"""


class QpipeKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = os.environ.get("QPIPE_KERNEL_NAME", "qpipe")

    language_name = "qpipe"
    file_extension = ".qp"

    # A declaration with a warning (an unused parameter) runs, and the warning goes to stderr.
    code_stderr = """problem unused {
  param n: int
  var x: binary[2]
  minimize x[0] + x[1]
}"""

    complete_code_samples = [
        "circuit bell() {\n  qubit q[2]\n  h q[0]\n  cx q[0], q[1]\n}",
        "problem p {\n  var x: binary[2]\n  minimize x[0] + x[1]\n}",
        "compile p",
    ]
    incomplete_code_samples = ["problem p {", "circuit c() {\n  qubit q[2]", "bind p {\"n\": ["]
    invalid_code_samples = ["problem p { }}", "problem 3 {}", "minimize x +"]

    # An unknown name: one error message, with the diagnostic as the traceback.
    code_generate_error = "problem broken {\n  var x: binary[2]\n  minimize x[0] + y\n}"

    code_execute_result = [{"code": HISTORY_SAMPLE, "mime": "text/plain"}]

    completion_samples = [
        # Position-aware: an objective may start a statement inside a problem, not at the top level.
        {"text": "problem p {\n  mini", "matches": {"minimize"}},
        {"text": "mini", "matches": set()},
        # A command's problem slot offers problems, including those declared earlier in the same cell.
        {"text": "problem pair {\n  var x: binary[2]\n  minimize x[0]\n}\ncompile pa", "matches": {"pair"}},
    ]

    code_inspect_sample = "cx"

    code_display_data = [
        # A chart is a cell's result; followed by another result it is shown as display_data.
        {"code": "circuit bell() {\n  qubit q[2]\n  h q[0]\n  cx q[0], q[1]\n  measure q\n}\nplot bell shots 100 seed 1\nsimulate bell shots 10", "mime": "image/png"},
    ]

    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "// history*"


if __name__ == "__main__":
    unittest.main()
