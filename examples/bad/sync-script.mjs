// A nightly script that copies prices from a partner API into our catalogue service.
import got from 'got';
import ky from 'ky';
import { request } from 'undici';

const PARTNER = 'https://partner.example.com/api';
const CATALOGUE = 'https://catalogue.internal.example.com';

const partner = ky.create({ prefixUrl: PARTNER, timeout: false });

async function main() {
  const prices = await partner.get('prices').json();

  for (const price of prices) {
    await got.put(`${CATALOGUE}/products/${price.sku}/price`, { json: price });
  }

  const { body } = await request(`${CATALOGUE}/reindex`, { method: 'POST' });
  console.log(await body.text());
}

await main();
