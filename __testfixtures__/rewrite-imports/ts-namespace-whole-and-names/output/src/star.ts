export * from "./b";
export { A } from "./new";
