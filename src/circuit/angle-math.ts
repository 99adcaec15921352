// The arithmetic every angle expression shares, whichever syntax it came from (the circuit IR's
// AngleExpr, OpenQASM 2 parameter expressions): one table of functions and operators, so that an
// angle gets the same value whether it was built, parsed from the DSL or imported from OpenQASM.

/** Elementary functions by name; `ln` is OpenQASM's spelling of `log`. */
export const ANGLE_FUNCTIONS = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  exp: Math.exp,
  log: Math.log,
  ln: Math.log,
  sqrt: Math.sqrt,
} as const satisfies Readonly<Record<string, (x: number) => number>>;

/** Binary operators by symbol. */
export const ANGLE_OPERATORS = {
  "+": (left: number, right: number) => left + right,
  "-": (left: number, right: number) => left - right,
  "*": (left: number, right: number) => left * right,
  "/": (left: number, right: number) => left / right,
  "^": (left: number, right: number) => left ** right,
} as const satisfies Readonly<Record<string, (left: number, right: number) => number>>;
