// The same lookup, checking for the name a timed-out request rejects with.
export async function getPrice(sku, listPrice) {
  const url = `https://prices.example.com/v1/skus/${encodeURIComponent(sku)}`;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
    return Number(await res.text());
  } catch (err) {
    if (err.name === 'TimeoutError') {
      console.warn(`${url} timed out, using the list price`);
      return listPrice;
    }
    throw err;
  }
}
