// A catalog service that trusts every response: a 404 for a retired product becomes
// `{ error: 'not found' }` rendered as a product, a 503 from the price service becomes a price of
// `undefined`, and an outage page is saved to disk as the nightly export.
import https from 'node:https';
import fs from 'node:fs';

export async function getProduct(id) {
  const res = await fetch(`https://catalog.example.com/products/${id}`, { signal: AbortSignal.timeout(5000) });
  return res.json();
}

export function getPrices(skus) {
  return fetch(`https://prices.example.com/?skus=${skus.join(',')}`, { signal: AbortSignal.timeout(5000) }).then(
    (res) => res.json(),
  );
}

export function downloadExport(path) {
  return new Promise((resolve, reject) => {
    const req = https.get('https://exports.example.com/nightly.csv', { timeout: 30_000 }, (res) => {
      res.pipe(fs.createWriteStream(path)).on('finish', resolve);
    });
    req.on('timeout', () => req.destroy(new Error('export download timed out')));
    req.on('error', reject);
  });
}
