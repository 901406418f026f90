// The same handler: the audit event is awaited where it matters, and handled where it is
// fire-and-forget.
import axios from 'axios';

const audit = axios.create({
  baseURL: 'https://audit.example.com',
  timeout: 2000,
  responseType: 'json',
  transitional: { silentJSONParsing: false },
});

export async function placeOrder(order, db) {
  const id = await db.insert('orders', order);
  await audit.post('/events', { type: 'order.placed', id });
  return id;
}

export function trackView(productId) {
  fetch('https://stats.example.com/views', {
    method: 'POST',
    body: JSON.stringify({ productId }),
    signal: AbortSignal.timeout(2000),
  })
    .then((res) => {
      if (!res.ok) console.warn(`View of ${productId} not recorded: HTTP ${res.status}`);
    })
    .catch((err) => console.warn(`View of ${productId} not recorded: ${err.message}`));
}
