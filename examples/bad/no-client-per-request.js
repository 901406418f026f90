// A users API in front of two upstream services. Every request builds its own agent and client, so
// no keep-alive connection is ever reused: each request pays for a TCP and TLS handshake, and under
// load the abandoned sockets pile up until the process hits EMFILE.
import https from 'node:https';
import axios from 'axios';
import express from 'express';
import { Agent } from 'undici';

const app = express();

app.get('/users/:id', async (req, res, next) => {
  try {
    const httpsAgent = new https.Agent({ keepAlive: true });
    const users = axios.create({ baseURL: 'https://users.example.com', httpsAgent, timeout: 5000 });
    const { data } = await users.get(`/users/${encodeURIComponent(req.params.id)}`);
    res.json(data);
  } catch (error) {
    next(error);
  }
});

app.get('/avatars/:id', async (req, res, next) => {
  try {
    const url = `https://avatars.example.com/${encodeURIComponent(req.params.id)}`;
    const upstream = await fetch(url, { dispatcher: new Agent(), signal: AbortSignal.timeout(5000) });
    if (!upstream.ok) throw new Error(`HTTP ${upstream.status} for ${url}`);
    res.type(upstream.headers.get('content-type') ?? 'application/octet-stream');
    res.send(Buffer.from(await upstream.arrayBuffer()));
  } catch (error) {
    next(error);
  }
});

export default app;
