import { bus, OFF } from "#utl/event-bus.mjs";

export async function start() {
  const lazy = await import("#utl/event-bus.mjs");
  bus.emit(OFF, lazy.bus);
}
