export { default as Scene } from "./Scene";
