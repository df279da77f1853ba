// Größe, Straße, 予約 — 💺 seats first
const note = "café ☕";
import { Booking } from "./models/booking";
import { SocialAccount } from "./models/social";

export const b = new Booking(note);
export const s = new SocialAccount("ü");
