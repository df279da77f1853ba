import { bus, OFF } from "#utl/bus.mjs";

export async function start() {
  const lazy = await import("#utl/bus.mjs");
  bus.emit(OFF, lazy.bus);
}
