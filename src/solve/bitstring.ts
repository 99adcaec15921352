// Samples as text: as everywhere in qpipe, index 0 is the least significant (rightmost) character,
// so a sample's bitstring reads like a measured basis state with qubit n−1 on the left.

export function bitsToString(x: Uint8Array): string {
  let text = "";
  for (let i = x.length - 1; i >= 0; i--) text += x[i] ? "1" : "0";
  return text;
}

export function stringToBits(text: string, nVariables: number): Uint8Array {
  if (typeof text !== "string" || text.length !== nVariables || !/^[01]*$/.test(text)) {
    throw new RangeError(`a sample must be a string of ${nVariables} characters 0/1, got ${JSON.stringify(text)}`);
  }
  const x = new Uint8Array(nVariables);
  for (let i = 0; i < nVariables; i++) x[i] = text.charCodeAt(nVariables - 1 - i) === 49 ? 1 : 0;
  return x;
}
