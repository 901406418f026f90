// The same order service with a deadline on every request: a stalled upstream now fails the order
// after a few seconds with an error that names it.
import axios from 'axios';
import https from 'node:https';

const billing = axios.create({ baseURL: 'https://billing.example.com', timeout: 5000 });

export async function getInvoice(orderId) {
  const { data } = await billing.get(`/invoices/${orderId}`);
  return data;
}

export async function getExchangeRate(currency) {
  const url = `https://rates.example.com/latest?base=${currency}`;
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
  return res.json();
}

export function downloadLabel(orderId, file) {
  return new Promise((resolve, reject) => {
    const url = `https://labels.example.com/${orderId}.pdf`;
    const req = https.get(url, { signal: AbortSignal.timeout(10_000) }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`HTTP ${res.statusCode} for ${url}`));
        return;
      }
      res.pipe(file).on('finish', resolve);
    });
    req.on('error', reject);
  });
}
