// A nightly job that pushes every user to the CRM and tells every subscriber about it. With 40,000
// users it starts 40,000 requests at once: the CRM answers 429, the process runs out of file
// descriptors (EMFILE), and the agent happily opens a socket for each of them.
import https from 'node:https';
import axios from 'axios';
import express from 'express';
import pLimit from 'p-limit';

const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: Infinity });
const crm = axios.create({ baseURL: 'https://crm.example.com', httpsAgent, timeout: 5000 });

export async function syncUsers(users) {
  await Promise.all(users.map((user) => crm.put(`/contacts/${user.id}`, user)));
}

export function notifySubscribers(subscribers, event) {
  subscribers.forEach(async (subscriber) => {
    const res = await fetch(subscriber.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) console.error(`HTTP ${res.status} for ${subscriber.webhookUrl}`);
  });
}

const app = express();

// Every request to this route gets its own five slots: a hundred concurrent calls send 500 requests.
app.post('/contacts/refresh', async (req, res, next) => {
  try {
    const limit = pLimit(5);
    await Promise.all(req.body.ids.map((id) => limit(() => crm.post(`/contacts/${id}/refresh`))));
    res.sendStatus(204);
  } catch (error) {
    next(error);
  }
});

export default app;
