// app b's own booking: not the module the map moves
export interface Booking {
  ref: number;
}
