// Plain JSON values: everything a SampleSet records (parameters, info, decoded values) is one of
// these, so results serialise without loss and charts take them as they are.

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue;
}
