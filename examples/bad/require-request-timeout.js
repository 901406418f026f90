// An order service that calls three upstream APIs. None of its requests has a deadline: when one of
// them stalls, every order waits with it.
import axios from 'axios';
import https from 'node:https';

const billing = axios.create({ baseURL: 'https://billing.example.com' });

export async function getInvoice(orderId) {
  const { data } = await billing.get(`/invoices/${orderId}`);
  return data;
}

export async function getExchangeRate(currency) {
  const url = `https://rates.example.com/latest?base=${currency}`;
  // Node's fetch ignores `timeout`.
  const res = await fetch(url, { timeout: 5000 });
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
  return res.json();
}

export function downloadLabel(orderId, file) {
  return new Promise((resolve, reject) => {
    const req = https.get(`https://labels.example.com/${orderId}.pdf`, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`HTTP ${res.statusCode} for label ${orderId}`));
        return;
      }
      res.pipe(file).on('finish', resolve);
    });
    req.on('error', reject);
  });
}
