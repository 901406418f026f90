// The same job with its concurrency bounded: five CRM requests at a time whoever asks, webhooks in
// batches of ten, and an agent that never opens more than 50 sockets to a host.
import https from 'node:https';
import axios from 'axios';
import express from 'express';
import pLimit from 'p-limit';

const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 50 });
const crm = axios.create({ baseURL: 'https://crm.example.com', httpsAgent, timeout: 5000 });
const limit = pLimit(5);
const BATCH_SIZE = 10;

export async function syncUsers(users) {
  await Promise.all(users.map((user) => limit(() => crm.put(`/contacts/${user.id}`, user))));
}

export async function notifySubscribers(subscribers, event) {
  for (let i = 0; i < subscribers.length; i += BATCH_SIZE) {
    const batch = subscribers.slice(i, i + BATCH_SIZE);
    await Promise.all(
      batch.map(async (subscriber) => {
        const res = await fetch(subscriber.webhookUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(event),
          signal: AbortSignal.timeout(5000),
        });
        if (!res.ok) console.error(`HTTP ${res.status} for ${subscriber.webhookUrl}`);
      }),
    );
  }
}

const app = express();

app.post('/contacts/refresh', async (req, res, next) => {
  try {
    await Promise.all(req.body.ids.map((id) => limit(() => crm.post(`/contacts/${id}/refresh`))));
    res.sendStatus(204);
  } catch (error) {
    next(error);
  }
});

export default app;
