// The same users API with the agents and the client created once, when the module loads: every
// request reuses the same pools of keep-alive connections.
import https from 'node:https';
import axios from 'axios';
import express from 'express';
import { Agent } from 'undici';

const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 50 });
const users = axios.create({ baseURL: 'https://users.example.com', httpsAgent, timeout: 5000 });
const dispatcher = new Agent({ connections: 50 });

const app = express();

app.get('/users/:id', async (req, res, next) => {
  try {
    const { data } = await users.get(`/users/${encodeURIComponent(req.params.id)}`);
    res.json(data);
  } catch (error) {
    next(error);
  }
});

app.get('/avatars/:id', async (req, res, next) => {
  try {
    const url = `https://avatars.example.com/${encodeURIComponent(req.params.id)}`;
    const upstream = await fetch(url, { dispatcher, signal: AbortSignal.timeout(5000) });
    if (!upstream.ok) throw new Error(`HTTP ${upstream.status} for ${url}`);
    res.type(upstream.headers.get('content-type') ?? 'application/octet-stream');
    res.send(Buffer.from(await upstream.arrayBuffer()));
  } catch (error) {
    next(error);
  }
});

export default app;
