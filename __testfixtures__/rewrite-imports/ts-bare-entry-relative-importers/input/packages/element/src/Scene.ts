export default class Scene {
  elements: string[] = [];
}
