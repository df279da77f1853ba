export * from "./old";
