export * as legacy from "./old";
