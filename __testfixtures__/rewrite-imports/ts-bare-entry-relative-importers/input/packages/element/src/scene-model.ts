export class Scene {
  elements: string[] = [];
}
