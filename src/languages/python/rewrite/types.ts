import type { ImportOrder } from '../import-order';
import type { ImportMap } from '../../../importmap/types';
import type { PythonModuleIndex } from '../modules';
import type { ModuleExports } from '../exports';
import type { ImportItem, PythonImport } from '../imports';
import type { Scope } from '../scopes';
import type { DjangoModelReferences } from '../django-apps';

/** What the Python adapter knows about the repository for one map. */
export interface PythonContext {
  map: ImportMap;
  modules: PythonModuleIndex;
  /** top-level names of a module (loaded lazily, cached), or undefined when the module is not in the repository */
  exportsOf(module: string): Promise<ModuleExports | undefined>;
  /** where this plan relocates a file, by its current path */
  relocated: ReadonlyMap<string, string>;
  /** `module\0name`: renamed names that other files import from a module (see namesImportedFromModules) */
  importedFrom: ReadonlySet<string>;
  /** the project's isort order, which rewritten import blocks keep; undefined where remodel cannot reproduce it */
  importOrder: ImportOrder | undefined;
  /** the Python files that define a class of this name (`class Booking`, at any depth), read once per name */
  classDefinitions(name: string): string[];
  /** Django's lazy model references (`"app.Model"`) and what the map makes of them */
  djangoModels: DjangoModelReferences;
  /** the line length the project formats a file to (black's, ruff's; PEP 8's 79 when none is set) */
  lineLength(file: string): number;
}


/** Where one imported item goes: `from <module> import <name> [as <alias>]`, or `import <module> as <alias>` when `name` is undefined. */
export interface Destination {
  module: string;
  name: string | undefined;
  alias: string | undefined;
  label: string;
}

export interface MovedItem {
  item: ImportItem;
  to: Destination;
}

export interface FromDecision {
  module: string;
  moved: MovedItem[];
  stays: ImportItem[];
}

export interface ModuleBinding {
  scope: Scope;
  /** the module the bound name refers to after the rewrite */
  module: string;
  /** the module it referred to before */
  oldModule: string;
  /** `import a.b` binds `a` and makes the dotted path spelled out in code */
  rootOnly: boolean;
  statement: PythonImport;
}

