/**
 * Waits, when needed, for the start of a fresh rate-limit window. The Workers Rate Limiting
 * binding as Miniflare runs it counts in fixed windows aligned to the clock
 * (floor(now / period)), so a test that sends a client's whole allowance must not straddle a
 * reset, or the counter starts again half way and the "next one is refused" never comes.
 */
export async function freshRateWindow(periodSeconds: number | string, needMs: number): Promise<void> {
  const windowMs = Number(periodSeconds) * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < needMs) await new Promise((resolve) => setTimeout(resolve, left + 500));
}
