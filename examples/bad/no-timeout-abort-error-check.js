// A price lookup that gives the pricing service five seconds. The branch written for the timeout
// looks for an `AbortError`, but `AbortSignal.timeout()` rejects with a `TimeoutError`: the branch
// never runs, and every slow answer fails the checkout instead of falling back to the list price.
export async function getPrice(sku, listPrice) {
  const url = `https://prices.example.com/v1/skus/${encodeURIComponent(sku)}`;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
    return Number(await res.text());
  } catch (err) {
    if (err.name === 'AbortError') {
      console.warn(`${url} timed out, using the list price`);
      return listPrice;
    }
    throw err;
  }
}
