// a type-only namespace has no object to spy on: it follows, as named imports do
import type * as textTypes from "@scope/element/textElement";

export type Measure = typeof textTypes.measureText;
export type * as textTypeNamespace from "@scope/element/textElement";
