export async function f(): Promise<unknown> {
  const { legacyHelper } = await import('../old/booking');
  return legacyHelper();
}
