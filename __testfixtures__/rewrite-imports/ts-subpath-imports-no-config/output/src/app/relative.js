import { bus } from "../utl/event-bus.mjs";

export const relay = () => bus.emit();
