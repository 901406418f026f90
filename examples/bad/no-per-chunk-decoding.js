// A product importer: the supplier's catalogue is JSON with names like "Crème brûlée 🍮".
import https from 'node:https';

export function fetchCatalogue(url) {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { signal: AbortSignal.timeout(10_000) }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`HTTP ${res.statusCode} for ${url}`));
        return;
      }
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve(JSON.parse(body)));
    });
    req.on('error', reject);
  });
}

export async function streamDescriptions(url, onText) {
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
  const decoder = new TextDecoder();
  for await (const chunk of res.body) {
    onText(decoder.decode(chunk));
  }
}
