// The same catalog service, checking each status before it uses the body: a retired product, a price
// outage or a missing export now fails with the status and the URL.
import https from 'node:https';
import fs from 'node:fs';

export async function getProduct(id) {
  const url = `https://catalog.example.com/products/${id}`;
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
  if (!res.headers.get('content-type')?.includes('json')) throw new Error(`${url} did not answer JSON`);
  return res.json();
}

export function getPrices(skus) {
  const url = `https://prices.example.com/?skus=${skus.join(',')}`;
  return fetch(url, { signal: AbortSignal.timeout(5000) }).then((res) => {
    if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
    if (!res.headers.get('content-type')?.includes('json')) throw new Error(`${url} did not answer JSON`);
    return res.json();
  });
}

export function downloadExport(path) {
  return new Promise((resolve, reject) => {
    const url = 'https://exports.example.com/nightly.csv';
    const req = https.get(url, { timeout: 30_000 }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`HTTP ${res.statusCode} for ${url}`));
        return;
      }
      res.pipe(fs.createWriteStream(path)).on('finish', resolve);
    });
    req.on('timeout', () => req.destroy(new Error(`${url} timed out`)));
    req.on('error', reject);
  });
}
