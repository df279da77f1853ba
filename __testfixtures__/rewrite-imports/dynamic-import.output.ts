export async function load() {
  const bookings = await import('./db/models/core');
  const { Follower } = await import('./models/social');
  const { BusinessSocialAccount: SocialAccount } = await import('./db/models/lead');
  return [bookings.createBooking('1'), new SocialAccount('a'), new Follower('f')];
}
