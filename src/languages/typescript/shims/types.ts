import type { CodeStyle } from './code-style';
import type { RawShimEntry } from '../../../importmap/schema';
import { type TypeScriptPreparedMap } from '../prepared-map';

/** Where one shimmed name is served from. */
export interface ShimTarget {
  /** absolute file */
  file: string;
  /** module id, for messages */
  id: string;
  /** the exported name there (`default` for a default export) */
  name: string;
  /** a default export's own name there (`export default function adjust`): what its importers call it */
  declaredAs?: string;
}

/** One name a shim serves: its old name, where it comes from, and which meanings it keeps. */
export interface ShimExport {
  old: string;
  target: ShimTarget;
  value: boolean;
  type: boolean;
}

export interface EntryFacts {
  index: number;
  entry: RawShimEntry;
  /** the module's file at its old path (where the shim goes), repository-relative */
  file: string;
  /** where its text is now: the old path, or where `relocate` moved it */
  current: string;
  fail: (key: string, detail: string) => never;
}

export interface RenderContext {
  prepared: TypeScriptPreparedMap;
  entry: RawShimEntry;
  /** repository-relative path of the shim */
  shimPath: string;
  isJs: boolean;
  eol: string;
  sourceText: string;
  /** the module's quotes and semicolons, which the code the shim writes follows */
  style: CodeStyle;
  /** the module's prologue directives ('use client'), which a whole shim keeps first */
  directives: string[];
}
