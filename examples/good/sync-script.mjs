// A nightly script that copies prices from a partner API into our catalogue service.
import got from 'got';
import ky from 'ky';
import { request } from 'undici';

const PARTNER = 'https://partner.example.com/api';
const CATALOGUE = 'https://catalogue.internal.example.com';

// ky stops a request after 10 s unless told otherwise; 30 s suits this slow partner.
const partner = ky.create({ prefixUrl: PARTNER, timeout: 30_000 });

async function main() {
  const prices = await partner.get('prices').json();

  for (const price of prices) {
    await got.put(`${CATALOGUE}/products/${price.sku}/price`, { json: price, timeout: { request: 10_000 } });
  }

  const { statusCode, body } = await request(`${CATALOGUE}/reindex`, { method: 'POST' });
  if (statusCode !== 202) throw new Error(`Reindex failed with HTTP ${statusCode}`);
  console.log(await body.text());
}

await main();
