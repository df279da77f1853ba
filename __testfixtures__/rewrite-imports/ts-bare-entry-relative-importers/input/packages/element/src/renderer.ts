import type SceneType from "./Scene";

export const render = (scene: SceneType) => scene.elements;
