export async function load() {
  const bookings = await import('./models/booking');
  const { SocialAccount, Follower } = await import('./models/social');
  return [bookings.createBooking('1'), new SocialAccount('a'), new Follower('f')];
}
