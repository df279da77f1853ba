import type { Scene as SceneType } from "./scene-model";

export const render = (scene: SceneType) => scene.elements;
