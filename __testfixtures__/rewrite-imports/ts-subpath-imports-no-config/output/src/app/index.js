export { bus as default } from "#utl/event-bus.mjs";
