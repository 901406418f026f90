// An order handler that records an audit event on the side. Nothing waits for the audit request or
// handles its failure: when the audit service is unreachable, the rejection is unhandled and Node.js
// stops the whole server.
import axios from 'axios';

const audit = axios.create({ baseURL: 'https://audit.example.com', timeout: 2000 });

export async function placeOrder(order, db) {
  const id = await db.insert('orders', order);
  audit.post('/events', { type: 'order.placed', id });
  return id;
}

export function trackView(productId) {
  fetch('https://stats.example.com/views', {
    method: 'POST',
    body: JSON.stringify({ productId }),
    signal: AbortSignal.timeout(2000),
  }).then((res) => {
    if (!res.ok) console.warn(`View of ${productId} not recorded: HTTP ${res.status}`);
  });
}
