import { Scene } from "@scope/element/scene-model";

export const scene = new Scene();
