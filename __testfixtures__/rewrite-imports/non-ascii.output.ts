// Größe, Straße, 予約 — 💺 seats first
const note = "café ☕";
import { Booking } from "./db/models/core";
import { BusinessSocialAccount } from "./db/models/lead";

export const b = new Booking(note);
export const s = new BusinessSocialAccount("ü");
