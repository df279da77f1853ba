export { Scene } from "./scene-model";
