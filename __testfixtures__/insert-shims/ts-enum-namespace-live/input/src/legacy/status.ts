export enum Status {
  Open = 'open',
  Closed = 'closed',
}

export namespace Geo {
  export interface Point {
    lat: number;
    lng: number;
  }
  export const origin: Point = { lat: 0, lng: 0 };
}

export let counter = 0;

export function bump(): number {
  return ++counter;
}
