import Scene from "@scope/element/Scene";

export const scene = new Scene();
