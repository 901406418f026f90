import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/no-unbounded-concurrency';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();

ruleTester.run('no-unbounded-concurrency', rule, {
  valid: [
    // A literal array of a few requests.
    `
async function loadProfile(id) {
  const [user, posts] = await Promise.all([fetch(\`/users/\${id}\`), fetch(\`/users/\${id}/posts\`)]);
  return { user, posts };
}
`,
    `
async function getUser(id) {
  const res = await fetch(\`/users/\${id}\`);
  return res.json();
}
async function getPosts(id) {
  const res = await fetch(\`/posts?user=\${id}\`);
  return res.json();
}
async function page(id) {
  return Promise.all([getUser(id), getPosts(id)]);
}
`,
    // Ten elements is the default maximum.
    `
async function load() {
  return Promise.all([
    fetch('/1'), fetch('/2'), fetch('/3'), fetch('/4'), fetch('/5'),
    fetch('/6'), fetch('/7'), fetch('/8'), fetch('/9'), fetch('/10'),
  ]);
}
`,
    {
      code: `
const REGIONS = ['us', 'eu', 'ap'];
async function ping() {
  return Promise.all(REGIONS.map((region) => fetch(\`https://\${region}.example.com/ping\`)));
}
`,
      name: 'a constant list of a few elements',
    },
    `
const REGIONS = ['us', 'eu'];
async function ping(extra) {
  return Promise.all([...REGIONS, 'sa'].map((region) => fetch(\`https://\${region}.example.com/ping\`)));
}
`,
    {
      code: `
const REGIONS = ['us', 'eu', 'ap'];
async function ping() {
  return Promise.all(Object.keys({ a: 1, b: 2 }).map((key) => fetch(\`/\${key}\`)));
}
`,
      name: 'the keys of an object literal',
    },
    // Data visibly capped.
    `
async function preview(items) {
  return Promise.all(items.slice(0, 5).map((item) => fetch(item.url)));
}
`,
    `
const MAX_PREVIEWS = 8;
async function preview(items) {
  return Promise.all(items.slice(0, MAX_PREVIEWS).map((item) => fetch(item.url)));
}
`,
    `
async function latest(items) {
  return Promise.all(items.slice(-3).map((item) => fetch(item.url)));
}
`,
    {
      code: `
async function syncAll(items, size) {
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map((item) => fetch(item.url, { method: 'POST' })));
  }
}
`,
      name: 'a chunked loop over slices',
    },
    `
async function syncAll(items) {
  for (let i = 0; i < items.length; i += 20) {
    const batch = items.slice(i, i + 20);
    await Promise.all(batch.map((item) => fetch(item.url)));
  }
}
`,
    {
      code: `
import chunk from 'lodash/chunk';
async function syncAll(items) {
  for (const batch of chunk(items, 10)) {
    await Promise.all(batch.map((item) => fetch(item.url)));
  }
}
`,
      name: 'batches awaited one at a time',
    },
    `
async function syncAll(batches) {
  for (let i = 0; i < batches.length; i++) {
    await Promise.allSettled(batches[i].map((item) => fetch(item.url)));
  }
}
`,
    `
async function drain(queue) {
  while (queue.length > 0) {
    const batch = queue.splice(0, 25);
    await Promise.all(batch.map((job) => fetch(job.url)));
  }
}
`,
    // Calls wrapped in a limiter.
    `
import pLimit from 'p-limit';
const limit = pLimit(5);
export async function syncUsers(users) {
  return Promise.all(users.map((user) => limit(() => fetch(\`/users/\${user.id}\`))));
}
`,
    `
import pLimit from 'p-limit';
const limit = pLimit(5);
export function syncUsers(users) {
  return limit.map(users, (user) => fetch(\`/users/\${user.id}\`));
}
`,
    `
const pLimit = require('p-limit');
const limit = pLimit(5);
module.exports = (users) => Promise.all(users.map((user) => limit(() => fetch(\`/users/\${user.id}\`))));
`,
    `
import { limitFunction } from 'p-limit';
const fetchUser = limitFunction((id) => fetch(\`/users/\${id}\`), { concurrency: 4 });
export function fetchUsers(ids) {
  return Promise.all(ids.map((id) => fetchUser(id)));
}
`,
    `
import PQueue from 'p-queue';
const queue = new PQueue({ concurrency: 4 });
export async function syncUsers(users) {
  await Promise.all(users.map((user) => queue.add(() => fetch(\`/users/\${user.id}\`))));
}
`,
    `
import PQueue from 'p-queue';
const queue = new PQueue({ intervalCap: 10, interval: 1000 });
export function syncUsers(users) {
  return queue.addAll(users.map((user) => () => fetch(\`/users/\${user.id}\`)));
}
`,
    `
const { default: PQueue } = require('p-queue');
class UserSync {
  queue = new PQueue({ concurrency: 2 });
  async syncAll(users) {
    return Promise.all(users.map((user) => this.queue.add(() => fetch(\`/users/\${user.id}\`))));
  }
}
`,
    `
import Bottleneck from 'bottleneck';
const limiter = new Bottleneck({ maxConcurrent: 2, minTime: 100 });
export function syncUsers(users) {
  return Promise.all(users.map((user) => limiter.schedule(() => fetch(\`/users/\${user.id}\`))));
}
`,
    `
import Bottleneck from 'bottleneck';
const limiter = new Bottleneck({ minTime: 250 });
const fetchUser = limiter.wrap((id) => fetch(\`/users/\${id}\`));
export function syncUsers(ids) {
  return Promise.all(ids.map((id) => fetchUser(id)));
}
`,
    `
import pMap from 'p-map';
export function syncUsers(users) {
  return pMap(users, (user) => fetch(\`/users/\${user.id}\`), { concurrency: 4 });
}
`,
    {
      code: `
import pMap from 'p-map';
export function syncUsers(users, options) {
  return pMap(users, (user) => fetch(\`/users/\${user.id}\`), options);
}
`,
      name: 'p-map options that cannot be seen',
    },
    `
import { mapLimit } from 'async';
export function syncUsers(users) {
  return mapLimit(users, 4, async (user) => fetch(\`/users/\${user.id}\`));
}
`,
    `
import async from 'async';
export function syncUsers(users) {
  return async.eachSeries(users, async (user) => { await fetch(\`/users/\${user.id}\`); });
}
`,
    {
      code: `
import { Sema } from 'async-sema';
const sema = new Sema(4);
async function fetchData(url) {
  await sema.acquire();
  try {
    return await fetch(url);
  } finally {
    sema.release();
  }
}
export function fetchAll(urls) {
  return Promise.all(urls.map(fetchData));
}
`,
      name: 'a semaphore acquired before the request',
    },
    `
import { Semaphore } from 'async-mutex';
const semaphore = new Semaphore(3);
export function fetchAll(urls) {
  return Promise.all(urls.map((url) => semaphore.runExclusive(() => fetch(url))));
}
`,
    `
import { Semaphore } from 'await-semaphore';
const semaphore = new Semaphore(3);
export function fetchAll(urls) {
  return Promise.all(urls.map((url) => semaphore.use(() => fetch(url))));
}
`,
    {
      code: `
export function fetchAll(urls) {
  return Promise.all(urls.map((url) => runLimited(() => fetch(url))));
}
`,
      name: 'a callback handed to an unknown function is not assumed to run at once',
    },
    {
      code: `
export function fetchAll(urls, limit) {
  return Promise.all(urls.map((url) => limit(() => fetch(url))));
}
`,
      name: 'a limiter passed in as a parameter',
    },
    {
      code: `
export async function fetchAll(urls) {
  return Promise.all(
    urls.map(async (url) => {
      const release = await this.slots.acquire();
      try {
        return await fetch(url);
      } finally {
        release();
      }
    }),
  );
}
`,
      options: [{ limiters: ['slots.acquire'] }],
      name: 'a project limiter from the options, awaited',
    },
    {
      code: `
export function fetchAll(urls) {
  return Promise.all(urls.map((url) => http.limited(() => fetch(url))));
}
`,
      options: [{ limiters: ['http.limited'] }],
      name: 'a project limiter from the options, wrapping',
    },
    // Sequential loops are bounded.
    `
export async function syncUsers(users) {
  for (const user of users) {
    await fetch(\`/users/\${user.id}\`, { method: 'POST' });
  }
}
`,
    `
export async function syncUsers(users) {
  const results = [];
  for (const user of users) {
    results.push(await fetch(\`/users/\${user.id}\`));
  }
  return results;
}
`,
    `
export async function syncUsers(users) {
  for (const user of users) {
    fetch(\`/audit/\${user.id}\`, { method: 'POST' }).catch(() => {});
    await sleep(100);
  }
}
`,
    `
export async function mirror(stream) {
  for await (const event of stream) {
    fetch('/events', { method: 'POST', body: JSON.stringify(event) });
  }
}
`,
    `
export function warmUp() {
  for (let i = 0; i < 5; i++) {
    fetch(\`/warm/\${i}\`);
  }
}
`,
    {
      code: `
export async function syncAll(groups) {
  const pending = [];
  for (const group of groups) {
    pending.push(fetch(group.url));
    if (pending.length >= 10) {
      await Promise.all(pending);
      pending.length = 0;
    }
  }
  await Promise.all(pending);
}
`,
      name: 'an array flushed by awaiting inside the loop',
    },
    // Worker pools.
    `
export async function crawl(urls) {
  const queue = [...urls];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (queue.length > 0) {
        await fetch(queue.pop());
      }
    }),
  );
}
`,
    `
const CONCURRENCY = 16;
async function worker(iterator) {
  for (const url of iterator) {
    await fetch(url);
  }
}
export async function crawl(urls) {
  const iterator = urls.values();
  await Promise.all(Array.from({ length: CONCURRENCY }, () => worker(iterator)));
}
`,
    `
async function worker(iterator) {
  for (const url of iterator) {
    await fetch(url);
  }
}
export async function crawl(urls, concurrency) {
  const iterator = urls.values();
  await Promise.all([...Array(concurrency)].map(() => worker(iterator)));
}
`,
    `
const PAGES = 5;
export async function firstPages() {
  return Promise.all(Array.from({ length: PAGES }, (_, page) => fetch(\`/items?page=\${page}\`)));
}
`,
    // Promise.all over work that sends no request.
    `
import fs from 'node:fs/promises';
export function readAll(files) {
  return Promise.all(files.map((file) => fs.readFile(file, 'utf8')));
}
`,
    `
export function lookups(keys, cache) {
  return Promise.all(keys.map((key) => cache.get(key)));
}
`,
    `
export function inline(urls) {
  return Promise.all(urls.map((url) => fetch(\`data:text/plain,\${url}\`)));
}
`,
    `
export function waitAll(promises) {
  return Promise.all(promises);
}
`,
    {
      code: `
export function fetchAll(fetch, urls) {
  return Promise.all(urls.map((url) => fetch(url)));
}
`,
      name: 'a shadowed fetch',
    },
    {
      code: `
const axios = { get: async (url) => url };
export function fetchAll(urls) {
  return Promise.all(urls.map((url) => axios.get(url)));
}
`,
      name: 'a shadowed axios',
    },
    {
      code: `
import Promise from 'bluebird';
export function fetchAll(urls) {
  return Promise.all(urls.map((url) => fetch(url)));
}
`,
      name: 'a shadowed Promise',
    },
    {
      code: `
const O = { users: '/users', posts: '/posts' };
export async function loadAll() {
  const pending = [];
  for (let i = 0; i < Object.keys(O).length; i++) {
    pending.push(fetch(Object.values(O)[i]));
  }
  return Promise.all(pending);
}
`,
      name: 'a loop bounded by the keys of a constant object',
    },
    `
export function track(buttons) {
  buttons.forEach((button) => button.addEventListener('click', () => fetch('/clicks', { method: 'POST' })));
}
`,
    `
export function routes(app, paths) {
  paths.forEach((path) => {
    app.get(path, async (req, res) => {
      const upstream = await fetch(\`https://upstream.example.com\${path}\`);
      res.status(upstream.status).send(await upstream.text());
    });
  });
}
`,
    {
      code: `
export function startAll(users) {
  return users.map((user) => fetch(\`/users/\${user.id}\`));
}
`,
      name: 'promises returned to the caller, who decides how to wait',
    },
    `
export function collect(users, pending) {
  users.forEach((user) => pending.push(fetch(\`/users/\${user.id}\`)));
}
`,
    // Unlimited pools: only explicit, static settings.
    `
import http from 'node:http';
export const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
`,
    `
import https from 'https';
export const agent = new https.Agent({ keepAlive: true, maxSockets: Infinity, maxTotalSockets: 100 });
`,
    `
import http from 'node:http';
export const agent = (options) => new http.Agent(options);
`,
    `
import { Pool, Agent, Client } from 'undici';
export const pool = new Pool('https://api.example.com', { connections: 10 });
export const agent = new Agent({ connections: 32 });
export const client = new Client('https://api.example.com', { pipelining: 1 });
`,
    // Limiters that live long enough.
    `
import pLimit from 'p-limit';
export function createLimiter(concurrency) {
  return pLimit(concurrency);
}
`,
    `
import pLimit from 'p-limit';
export function createClient() {
  const limit = pLimit(5);
  return { get: (url) => limit(() => fetch(url)) };
}
`,
    `
import pLimit from 'p-limit';
const limits = new Map();
export function limiterFor(host) {
  let limit = limits.get(host);
  if (!limit) {
    limit = pLimit(2);
    limits.set(host, limit);
  }
  return limit;
}
export function get(url) {
  return limiterFor(new URL(url).host)(() => fetch(url));
}
`,
    `
import pLimit from 'p-limit';
let shared;
export function get(url) {
  shared ??= pLimit(4);
  return shared(() => fetch(url));
}
`,
    `
import PQueue from 'p-queue';
export class Crawler {
  constructor() {
    this.queue = new PQueue({ concurrency: 3 });
  }
  crawl(urls) {
    return Promise.all(urls.map((url) => this.queue.add(() => fetch(url))));
  }
}
`,
    `
import PQueue from 'p-queue';
export class Crawler {
  getQueue() {
    this.queue ??= new PQueue({ concurrency: 3 });
    return this.queue;
  }
}
`,
    {
      code: `
import pLimit from 'p-limit';
async function main(urls) {
  const limit = pLimit(4);
  await Promise.all(urls.map((url) => limit(() => fetch(url))));
}
main(process.argv.slice(2)).catch(console.error);
`,
      name: 'a function run once from module level',
    },
    `
import pLimit from 'p-limit';
(async () => {
  const limit = pLimit(4);
  await Promise.all(process.argv.map((url) => limit(() => fetch(url))));
})();
`,
    `
import pLimit from 'p-limit';
import fs from 'node:fs/promises';
export async function readAll(files) {
  const limit = pLimit(8);
  return Promise.all(files.map((file) => limit(() => fs.readFile(file))));
}
`,
    {
      code: `
import pLimit from 'p-limit';
for (const group of groups) {
  const limit = pLimit(2);
  await Promise.all(group.map((url) => limit(() => fetch(url))));
}
`,
      name: 'a limiter per iteration of a loop that awaits each iteration',
    },
    `
export async function throttled(users) {
  for (const user of users) {
    fetch(\`/audit/\${user.id}\`, { method: 'POST' }).catch(() => {});
    await sleep(100);
    await flush();
  }
}
`,
    `
import { Sema } from 'async-sema';
const sema = new Sema(2);
await sema.acquire();
export async function fetchFirst(urls) {
  await sema.acquire();
  await sema.acquire();
  return fetch(urls[0]);
}
`,
    `
export async function loadBoth(a, b) {
  return Promise.all([
    (async () => {
      const res = await fetch(a);
      return res.json();
    })(),
    fetch(b).then((res) => res.json()),
  ]);
}
`,
    `
import PQueue from 'p-queue';
const queue = new PQueue({ concurrency: 2 });
export const both = (a, b) => queue.addAll([() => fetch(a), () => fetch(b)]);
export const later = (a, b) => runAll([() => fetch(a), () => fetch(b)]);
`,
    `
export const runHooks = (users, kind) => Promise.all(users.map((user) => hooks[kind](() => fetch(user.url))));
`,
    `
export default async function (ids) {
  const res = await fetch(\`/items/\${ids[0]}\`);
  return res.json();
}
`,
    {
      name: 'a function variable that is reassigned is not followed',
      code: `
let get = async (id) => fetch(\`/items/\${id}\`);
get = cached(get);
export const getAll = (ids) => Promise.all(ids.map((id) => get(id)));
`,
    },
    `
export const getAll = (ids) => Promise.all(ids.map(undeclared));
fetch('/ping');
function unbound(ids) {
  return Promise.all(ids.map((id) => this.get(id)));
}
`,
    {
      name: 'calls without the expected arguments',
      code: `
export function odd(users, lists) {
  users.forEach();
  return [Promise.all(), Promise.all(...lists)];
}
`,
    },
    `
export function pingBoth() {
  ['a', 'b'].forEach((host) => fetch(\`https://\${host}.example.com/ping\`));
}
`,
    `
export function logAll(users) {
  users.forEach((user) => {
    if (!user) return;
    log(user);
  });
}
`,
    {
      name: 'a request dropped outside any loop',
      code: `
export function ping() {
  fetch('/ping', { method: 'POST' });
}
`,
    },
    `
import pMap from 'p-map';
import fs from 'node:fs/promises';
export const readAll = (files) => pMap(files, (file) => fs.readFile(file));
export const nothing = () => pMap();
export const both = () => pMap(['a', 'b'], (host) => fetch(host));
export const spread = (hosts, ...rest) => pMap(hosts, (host) => fetch(host), ...rest);
`,
    {
      name: 'agents whose limits cannot be seen, and undici clients',
      code: `
import http from 'node:http';
import { Client } from 'undici';
export const plain = new http.Agent({ keepAlive: true });
export const capped = (total) => new http.Agent({ maxSockets: Infinity, maxTotalSockets: total });
export const spread = (options) => new http.Agent({ maxSockets: Infinity, ...options });
export const dynamic = (n) => new http.Agent({ maxSockets: n });
export const client = new Client('https://api.example.com', { connections: 0 });
`,
    },
    {
      name: 'limiters that escape the call',
      code: `
import pLimit from 'p-limit';
let shared;
export async function viaModule(urls) {
  shared = pLimit(2);
  return Promise.all(urls.map((url) => shared(() => fetch(url))));
}
export async function destructured(urls) {
  const [limit] = [pLimit(5)];
  return Promise.all(urls.map((url) => limit(() => fetch(url))));
}
export async function handedOn(urls) {
  return register(pLimit(5), urls);
}
export async function published(urls) {
  const limit = pLimit(2);
  publish(limit);
  return Promise.all(urls.map((url) => limit(() => fetch(url))));
}
`,
    },
    `
import PQueue from 'p-queue';
export async function queueAll(urls) {
  await new PQueue({ concurrency: 2 }).addAll(urls.map((url) => () => fetch(url)));
}
`,
    {
      name: 'collections of a known, small size',
      code: `
export const sizes = (flag) => [
  Promise.all(new Array(3).fill(0).map((_, i) => fetch(\`/items/\${i}\`))),
  Promise.all((flag ? ['a'] : ['b', 'c']).map((id) => fetch(id))),
  Promise.all(Array.of(1, 2).map((id) => fetch(id))),
  Promise.all(Object.entries({ a: 1 }).map(([key]) => fetch(key))),
  Promise.all(['a'].concat(['b']).map((id) => fetch(id))),
  Promise.all(new Array('a').map((id) => fetch(id))),
  Promise.all(Array(2, 3).map((id) => fetch(id))),
  Promise.all([...FIRST.slice(0, 2), 'a'].map((id) => fetch(id))),
  Promise.all(Array.from({}, (_, i) => fetch(i))),
];
`,
    },
    `
const O = { a: 1, b: 2 };
export function eachKey() {
  for (const key in O) fetch(\`/keys/\${key}\`);
}
const E = [1, 2];
E.pop();
export const few = () => Promise.all(E.map((id) => fetch(id)));
`,
    {
      name: 'arrays filled a known number of times',
      code: `
export async function inHandler(users) {
  const pending = [];
  for (const user of users) {
    button.on('click', () => pending.push(fetch(user.url)));
  }
  return Promise.all(pending);
}
export async function grid() {
  const pending = [];
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) pending.push(fetch(\`/cells/\${i}/\${j}\`));
  }
  return Promise.all(pending);
}
export async function capped(ids) {
  const pending = [];
  for (let i = 0; i < 3; i++) {
    for (const id of ids.slice(0, 3)) pending.push(fetch(id));
  }
  return Promise.all(pending);
}
export async function few() {
  const pending = [fetch('/a')];
  pending.push(fetch('/b'), fetch('/c'));
  pending.unshift(Promise.resolve());
  pending.at(-1);
  pending[3] = fetch('/d');
  pending[4] = 2;
  pending.label = fetch('/e');
  return Promise.all(pending);
}
export async function perIteration(ids) {
  for (const id of ids) {
    const pending = [];
    pending.push(fetch(id));
    await Promise.all(pending);
  }
}
`,
    },
    `
export function countDown() {
  for (let i = 20; i > 0; i -= 2) fetch(\`/items/\${i}\`);
}
`,
    `
const tasks = [() => fetch('/a'), () => fetch('/b')];
export const runTasks = () => Promise.all(tasks.map((task) => task()));
`,
    {
      name: 'this-calls that are not requests of the same class',
      code: `
export class Api {
  count = 0;
  async getUser(id) {
    const res = await fetch(\`/users/\${id}\`);
    return res.json();
  }
  async getPost(id) {
    const res = await fetch(\`/posts/\${id}\`);
    return res.json();
  }
  static {
    Api.ready = true;
  }
  format(user) {
    return String(user);
  }
  [Symbol.iterator]() {
    return [].values();
  }
  names(users) {
    return Promise.all(users.map((user) => this.format(user)));
  }
  counts(users) {
    return Promise.all(users.map((user) => this.count(user)));
  }
  dynamic(users, key) {
    return Promise.all(users.map((user) => this[key](user)));
  }
  legacy(ids) {
    return function () {
      return Promise.all(ids.map((id) => this.getUser(id)));
    };
  }
}
this.getUser(1);
`,
    },
    `
export async function odd(users, lists) {
  await fetch('/ping');
  users.forEach();
  return [Promise.all(), Promise.all(...lists), Promise.all([, fetch('/a'), sleep(1)])];
}
`,
    `
export function collect(users, results) {
  users.forEach((user) => {
    results.push(fetch(user.url));
    return;
  });
}
`,
    `
import axios from 'axios';
import * as undici from 'undici';
export const api = axios.create({ timeout: 5000 });
export const agent = new undici.Agent();
`,
    `
export async function misc(list) {
  await fetch('/ping');
  const t = fetch('/a').then;
  return [Promise.all(getPromises()), Promise.all(list.items()), Promise.all(globalPending)];
}
`,
    `
export async function destructured() {
  let pending;
  [pending] = await load();
  await fetch('/ping');
  return Promise.all(pending);
}
`,
    `
import https from 'node:https';
export const both = (a, b) => Promise.all([new Promise((resolve) => https.get(a, resolve)), fetch(b)]);
`,
    {
      name: 'limiters stored on this, destructured, defaulted or declared outside the loop',
      code: `
import pLimit from 'p-limit';
import PQueue from 'p-queue';
export class Crawler {
  crawl(urls) {
    this.limit = pLimit(2);
    return Promise.all(urls.map((url) => this.limit(() => fetch(url))));
  }
}
export async function destructured(urls) {
  const { add } = new PQueue({ concurrency: 2 });
  return Promise.all(urls.map((url) => add(() => fetch(url))));
}
export async function withDefault(urls, limit = pLimit(4)) {
  return Promise.all(urls.map((url) => limit(() => fetch(url))));
}
let current;
for (const group of groups) {
  current = pLimit(2);
  group.forEach((url) => current(() => fetch(url)));
}
`,
    },
    {
      name: 'callbacks that are not functions of this file',
      code: `
export function withCallbacks(ids, callback, client) {
  const { get } = client;
  let later;
  var twice = (id) => id;
  var twice = (id) => fetch(id);
  const made = makeGetter();
  let swapped = (id) => fetch(id);
  swapped = other;
  return [
    Promise.all(ids.map(swapped)),
    Promise.all(ids.map(callback)),
    Promise.all(ids.map(get)),
    Promise.all(ids.map(later)),
    Promise.all(ids.map(twice)),
    Promise.all(ids.map(made)),
  ];
}
`,
    },
    {
      name: 'bounded collections combined',
      code: `
export const mixed = (flag, xs, others, cached) => [
  Promise.all(flag ? [fetch('/a')] : [fetch('/b'), fetch('/c')]),
  Promise.all(flag ? [fetch('/a'), fetch('/b')] : [fetch('/c')]),
  Promise.all([fetch('/a'), ...others, flag ? null : fetch('/b'), cached || fetch('/c')]),
  Promise.all((flag ? ['a', 'b'] : ['c']).map((x) => fetch(x))),
  Promise.all(flag ? xs.slice(0, 2).map((x) => fetch(x)) : [fetch('/a')]),
  Promise.all(flag ? [fetch('/a')] : xs.slice(0, 2).map((x) => fetch(x))),
  Promise.all([...xs.slice(0, 3).map((x) => fetch(x)), fetch('/a')]),
  Promise.all((flag ? xs.slice(0, 2) : ['a']).map((x) => fetch(x))),
];
`,
    },
    // Shapes reached through references, deeper calls, SDKs and pages.
    {
      name: "a local function named fetch passed by reference",
      code: `
const fetch = (url) => url.toUpperCase();
export const shout = (urls) => Promise.all(urls.map(fetch));
`,
    },
    {
      name: "a request function over a literal array, and returned to the caller",
      code: `
export const pair = () => Promise.all(['/health', '/ready'].map(fetch));
export const started = (urls) => urls.map(fetch);
`,
    },
    {
      name: "a local function without requests passed by reference",
      code: `
async function double(value) {
  return value * 2;
}
export const doubled = (values) => Promise.all(values.map(double));
`,
    },
    {
      name: "a request four calls away is past the depth the rule follows",
      code: `
async function one(url) {
  return fetch(url);
}
async function two(url) {
  return one(url);
}
async function three(url) {
  return two(url);
}
async function four(url) {
  return three(url);
}
export const all = (urls) => Promise.all(urls.map((url) => four(url)));
`,
    },
    {
      name: "mutually recursive functions without requests",
      code: `
async function even(n) {
  return n === 0 ? true : odd(n - 1);
}
async function odd(n) {
  return n === 0 ? false : even(n - 1);
}
export const parities = (values) => Promise.all(values.map((n) => even(n)));
`,
    },
    {
      name: "a wrapper awaited in each iteration of a loop",
      code: `
async function get(url) {
  return fetch(url);
}
async function load(url) {
  const res = await get(url);
  return res.json();
}
export async function loadAll(urls) {
  const results = [];
  for (const url of urls) results.push(await load(url));
  return results;
}
`,
    },
    {
      name: "SDK calls that send nothing",
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import Stripe from 'stripe';
import sgMail from '@sendgrid/mail';
const s3 = new S3Client({});
const stripe = new Stripe(process.env.STRIPE_KEY);
export const regions = (clients) => Promise.all(clients.map(async () => s3.config.region()));
export const events = (requests) => Promise.all(requests.map(async (r) => stripe.webhooks.constructEvent(r.body, r.signature, 'whsec')));
export const keys = (values) => Promise.all(values.map(async (key) => sgMail.setApiKey(key)));
`,
    },
    {
      name: "clients of other modules and classes of the same name",
      code: `
import { Client } from 'pg';
class WebClient {
  async chat(text) {
    return text;
  }
}
const db = new Client();
const local = new WebClient();
export const rows = (ids) => Promise.all(ids.map((id) => db.query('select * from t where id = $1', [id])));
export const replies = (texts) => Promise.all(texts.map((text) => local.chat(text)));
`,
    },
    {
      name: "an SDK fan-out over a literal list and under a limiter",
      code: `
import { S3Client, HeadBucketCommand } from '@aws-sdk/client-s3';
import pLimit from 'p-limit';
const s3 = new S3Client({});
const limit = pLimit(4);
export const heads = () => Promise.all(['logs', 'assets'].map((Bucket) => s3.send(new HeadBucketCommand({ Bucket }))));
export const limited = (buckets) => Promise.all(buckets.map((Bucket) => limit(() => s3.send(new HeadBucketCommand({ Bucket })))));
`,
    },
    {
      name: "Bluebird with a concurrency, in series, and the global Promise",
      code: `
import Bluebird from 'bluebird';
export const bounded = (urls) => Bluebird.map(urls, (url) => fetch(url), { concurrency: 4 });
export const series = (urls) => Bluebird.mapSeries(urls, (url) => fetch(url));
export const native = (urls) => Promise.map?.(urls, (url) => url);
`,
    },
    {
      name: "Bluebird over local work",
      code: `
import Bluebird from 'bluebird';
import { readFile } from 'node:fs/promises';
export const files = (paths) => Bluebird.map(paths, (path) => readFile(path, 'utf8'));
`,
    },
    {
      name: "finite maxSockets, options changed or handed on, and unrelated objects",
      code: `
import https from 'node:https';
const shared = { keepAlive: true, maxSockets: Infinity };
shared.maxSockets = 32;
const passed = { maxSockets: Infinity };
configure(passed);
export const first = new https.Agent(shared);
export const second = new https.Agent(passed);
export const third = new https.Agent({ maxSockets: Number.MAX_SAFE_INTEGER, maxTotalSockets: 64 });
https.globalAgent.maxSockets = 64;
const pool = { maxSockets: 1 };
pool.maxSockets = Infinity;
`,
    },
    {
      name: "a page of a static size in the URL",
      code: `
import axios from 'axios';
export async function avatars() {
  const { data } = await axios.get('https://api.example.com/users?per_page=15');
  return Promise.all(data.map((user) => fetch(user.avatarUrl)));
}
`,
    },
    {
      name: "a page size in the options",
      code: `
import axios from 'axios';
const PAGE_SIZE = 20;
export async function latest() {
  const res = await axios.get('/orders', { params: { limit: PAGE_SIZE } });
  return Promise.all(res.data.items.map((order) => axios.get(\`/orders/\${order.id}/lines\`)));
}
`,
    },
    {
      name: "a page read from fetch's JSON",
      code: `
export async function recent() {
  const res = await fetch('/api/posts?pageSize=25&sort=desc');
  const posts = await res.json();
  return Promise.all(posts.map((post) => fetch(\`/api/posts/\${post.id}/comments\`)));
}
`,
    },
    {
      name: "a page from an SDK and from a GraphQL query",
      code: `
import { Octokit } from '@octokit/rest';
const octokit = new Octokit();
export async function topRepos(org) {
  const { data: repos } = await octokit.rest.repos.listForOrg({ org, per_page: 10 });
  return Promise.all(repos.map((repo) => octokit.rest.repos.getReadme({ owner: org, repo: repo.name })));
}
export async function topIssues() {
  const res = await fetch('/graphql', {
    method: 'POST',
    body: JSON.stringify({ query: 'query { issues(first: 10) { nodes { url } } }' }),
  });
  const { data } = await res.json();
  return Promise.all(data.issues.nodes.map((issue) => fetch(issue.url)));
}
`,
    },
    {
      name: "batches held in let variables",
      code: `
export async function warm(urls) {
  for (let batch of chunk(urls, 10)) {
    await Promise.all(batch.map((url) => fetch(url)));
  }
  let group;
  for (group of chunk(urls, 10)) {
    await Promise.all(group.map((url) => fetch(url)));
  }
  let slice;
  for (let i = 0; i < urls.length; i += 10) {
    slice = urls.slice(i, i + 10);
    await Promise.all(slice.map((url) => fetch(url)));
  }
}
`,
    },
    {
      name: "fan-out over local work",
      code: `
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
export async function digests(paths) {
  const contents = await Promise.all(paths.map((path) => readFile(path)));
  return Promise.all(contents.map(async (content) => createHash('sha256').update(content).digest('hex')));
}
`,
    },
    // not the network: object URLs and data URLs of local files
    `
      export function readAll(files) {
        return Promise.all(files.map((file) => fetch(URL.createObjectURL(file)).then((res) => res.arrayBuffer())));
      }
      export function decodeAll(images) {
        return Promise.all(images.map((image) => fetch('data:image/png;base64,' + image.base64)));
      }
    `,
  ],
  invalid: [
    {
      code: `
export async function syncUsers(users) {
  return Promise.all(users.map((user) => fetch(\`/users/\${user.id}\`)));
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 3, column: 10, endLine: 3, endColumn: 21, data: { combinator: 'Promise.all', amount: 'one request per element of `users`' } },
      ],
    },
    {
      code: `
export async function syncUsers(users) {
  await Promise.all(
    users.map(async (user) => {
      const res = await fetch(\`/users/\${user.id}\`);
      return res.json();
    }),
  );
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 3, column: 9, endLine: 3, endColumn: 20, data: { combinator: 'Promise.all', amount: 'one request per element of `users`' } },
      ],
    },
    {
      code: `
import axios from 'axios';
export async function loadOrders(orderIds) {
  const responses = await Promise.all(orderIds.map((id) => axios.get(\`/orders/\${id}\`)));
  return responses.map((response) => response.data);
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 4, column: 27, endLine: 4, endColumn: 38, data: { combinator: 'Promise.all', amount: 'one request per element of `orderIds`' } },
      ],
    },
    {
      code: `
const got = require('got');
exports.refresh = (feeds) => Promise.allSettled(feeds.map((feed) => got(feed.url).json()));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 3, column: 30, endLine: 3, endColumn: 48, data: { combinator: 'Promise.allSettled', amount: 'one request per element of `feeds`' } },
      ],
    },
    {
      code: `
import ky from 'ky';
export const race = (mirrors) => Promise.any(mirrors.map((mirror) => ky.get(mirror, { timeout: 5000 })));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 3, column: 34, endLine: 3, endColumn: 45, data: { combinator: 'Promise.any', amount: 'one request per element of `mirrors`' } },
      ],
    },
    {
      code: `
import { request } from 'undici';
export function pingAll(hosts) {
  return globalThis.Promise.race(Array.from(hosts, (host) => request(\`https://\${host}/health\`)));
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 4, column: 10, endLine: 4, endColumn: 33, data: { combinator: 'Promise.race', amount: 'one request per element of `hosts`' } },
      ],
    },
    {
      name: 'one request per index of an unknown range',
      code: `
export async function pages(pageCount) {
  return Promise.all(Array.from({ length: pageCount }, (_, page) => fetch(\`/items?page=\${page}\`)));
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 3, column: 10, endLine: 3, endColumn: 21, data: { combinator: 'Promise.all', amount: '`pageCount` requests' } },
      ],
    },
    {
      name: 'more requests than maxInlineElements',
      code: `
const PAGES = 25;
export async function pages() {
  return Promise.all(Array.from({ length: PAGES }, (_, page) => fetch(\`/items?page=\${page}\`)));
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 4, column: 10, endLine: 4, endColumn: 21, data: { combinator: 'Promise.all', amount: '25 requests' } },
      ],
    },
    {
      name: 'an array filled by a loop',
      code: `
export async function notifyAll(subscribers) {
  const pending = [];
  for (const subscriber of subscribers) {
    pending.push(fetch(subscriber.webhook, { method: 'POST' }));
  }
  await Promise.all(pending);
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 7, column: 9, endLine: 7, endColumn: 20, data: { combinator: 'Promise.all', amount: 'one request per element of `subscribers`' } },
      ],
    },
    {
      code: `
export async function notifyAll(subscribers) {
  const pending = [];
  for (let i = 0; i < subscribers.length; i++) {
    pending[i] = fetch(subscribers[i].webhook, { method: 'POST' }).then((res) => res.ok);
  }
  return Promise.all(pending);
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 7, column: 10, endLine: 7, endColumn: 21, data: { combinator: 'Promise.all', amount: 'one request per element of `subscribers`' } },
      ],
    },
    {
      code: `
export async function notifyAll(subscribers) {
  const pending = [];
  subscribers.forEach((subscriber) => pending.push(fetch(subscriber.webhook)));
  return Promise.all(pending);
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 5, column: 10, endLine: 5, endColumn: 21, data: { combinator: 'Promise.all', amount: 'one request per element of `subscribers`' } },
      ],
    },
    {
      code: `
export async function drain(queue) {
  const pending = [];
  while (queue.length > 0) {
    pending.push(fetch(queue.shift()));
  }
  return Promise.all(pending);
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 7, column: 10, endLine: 7, endColumn: 21, data: { combinator: 'Promise.all', amount: 'an unbounded number of requests (one per loop iteration)' } },
      ],
    },
    {
      code: `
export async function copyAll(config) {
  const pending = [];
  for (const key in config) {
    pending.push(fetch(\`/config/\${key}\`, { method: 'PUT', body: config[key] }));
  }
  return Promise.all(pending);
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 7, column: 10, endLine: 7, endColumn: 21, data: { combinator: 'Promise.all', amount: 'one request per key of `config`' } },
      ],
    },
    {
      name: 'a loop bounded by the keys of an object of unknown size',
      code: `
export async function loadAll(obj) {
  const pending = [];
  for (let i = 0; i < Object.keys(obj).length; i++) {
    pending.push(fetch(\`/items/\${i}\`));
  }
  return Promise.all(pending);
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 7, column: 10, endLine: 7, endColumn: 21, data: { combinator: 'Promise.all', amount: 'one request per element of `Object.keys(obj)`' } },
      ],
    },
    {
      name: 'a spread of unknown size in a literal array',
      code: `
export async function load(ids) {
  return Promise.all([fetch('/me'), ...ids.map((id) => fetch(\`/items/\${id}\`))]);
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 3, column: 10, endLine: 3, endColumn: 21, data: { combinator: 'Promise.all', amount: 'one request per element of `ids`' } },
      ],
    },
    {
      code: `
export async function load() {
  return Promise.all([
    fetch('/1'), fetch('/2'), fetch('/3'), fetch('/4'), fetch('/5'), fetch('/6'),
    fetch('/7'), fetch('/8'), fetch('/9'), fetch('/10'), fetch('/11'),
  ]);
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 3, column: 10, endLine: 3, endColumn: 21, data: { combinator: 'Promise.all', amount: '11 requests' } },
      ],
    },
    {
      name: 'maxInlineElements: 1',
      code: `
export async function load(a, b) {
  return Promise.all([fetch(a), fetch(b)]);
}
`,
      options: [{ maxInlineElements: 1 }],
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 3, column: 10, endLine: 3, endColumn: 21, data: { combinator: 'Promise.all', amount: '2 requests' } },
      ],
    },
    {
      name: 'a function of the file that sends a request',
      code: `
async function getUser(id) {
  const res = await fetch(\`/users/\${id}\`);
  return res.json();
}
export const getUsers = (ids) => Promise.all(ids.map(getUser));
export const getUserEntries = async (ids) => Promise.all(ids.map(async (id) => ({ id, user: await getUser(id) })));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 6, column: 34, endLine: 6, endColumn: 45, data: { combinator: 'Promise.all', amount: 'one request per element of `ids`' } },
        { messageId: 'unboundedFanOut', line: 7, column: 46, endLine: 7, endColumn: 57, data: { combinator: 'Promise.all', amount: 'one request per element of `ids`' } },
      ],
    },
    {
      name: 'a method of the same class',
      code: `
export class UserService {
  async getUser(id) {
    const res = await fetch(\`/users/\${id}\`);
    return res.json();
  }
  getUsers(ids) {
    return Promise.all(ids.map((id) => this.getUser(id)));
  }
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 8, column: 12, endLine: 8, endColumn: 23, data: { combinator: 'Promise.all', amount: 'one request per element of `ids`' } },
      ],
    },
    {
      name: 'a retry helper runs its callback at once',
      code: `
import pRetry from 'p-retry';
export const syncAll = (items) => Promise.all(items.map((item) => pRetry(() => fetch(item.url))));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 3, column: 35, endLine: 3, endColumn: 46, data: { combinator: 'Promise.all', amount: 'one request per element of `items`' } },
      ],
    },
    {
      code: `
export const syncAll = (items) =>
  Promise.all(items.map((item) => getToken().then((token) => fetch(item.url, { headers: { token } }))));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 3, column: 3, endLine: 3, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `items`' } },
      ],
    },
    {
      code: `
export async function loadAll(users) {
  const pending = users.map((user) => fetch(\`/users/\${user.id}\`));
  return Promise.all(pending);
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 4, column: 10, endLine: 4, endColumn: 21, data: { combinator: 'Promise.all', amount: 'one request per element of `users`' } },
      ],
    },
    {
      name: 'a fan-out inside a sequential loop',
      code: `
export async function syncAll(users) {
  for (const user of users) {
    await Promise.all(user.repos.map((repo) => fetch(repo.url)));
  }
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 4, column: 11, endLine: 4, endColumn: 22, data: { combinator: 'Promise.all', amount: 'one request per element of `user.repos`' } },
      ],
    },
    {
      code: `
export function syncAll(users) {
  users.forEach(async (user) => {
    await fetch(\`/users/\${user.id}\`, { method: 'POST' });
  });
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedIteration', line: 3, column: 3, endLine: 3, endColumn: 16, data: { method: 'forEach', amount: 'one request per element of `users`' } },
      ],
    },
    {
      code: `
export function syncAll(users) {
  users.forEach((user) => fetch(\`/users/\${user.id}\`, { method: 'POST' }));
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedIteration', line: 3, column: 3, endLine: 3, endColumn: 16, data: { method: 'forEach', amount: 'one request per element of `users`' } },
      ],
    },
    {
      code: `
export function syncAll(users) {
  users.map((user) => fetch(\`/users/\${user.id}\`, { method: 'POST' }));
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedIteration', line: 3, column: 3, endLine: 3, endColumn: 12, data: { method: 'map', amount: 'one request per element of `users`' } },
      ],
    },
    {
      code: `
export function syncAll(users) {
  Object.keys(users).forEach((id) => {
    getToken().then((token) => fetch(\`/users/\${id}\`, { headers: { token } }));
  });
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedIteration', line: 3, column: 3, endLine: 3, endColumn: 29, data: { method: 'forEach', amount: 'one request per element of `Object.keys(users)`' } },
      ],
    },
    {
      code: `
async function notify(user) {
  await fetch(\`/notify/\${user.id}\`, { method: 'POST' });
}
export function notifyAll(users) {
  users.forEach(notify);
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedIteration', line: 6, column: 3, endLine: 6, endColumn: 16, data: { method: 'forEach', amount: 'one request per element of `users`' } },
      ],
    },
    {
      code: `
async function notify(user) {
  await fetch(\`/notify/\${user.id}\`, { method: 'POST' });
}
export function notifyAll(users) {
  for (const user of users) {
    notify(user);
  }
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedLoop', line: 6, column: 3, endLine: 6, endColumn: 28, data: { amount: 'one request per element of `users`' } },
      ],
    },
    {
      code: `
import https from 'node:https';
export function pingAll(urls) {
  for (const url of urls) https.get(url, (res) => res.resume());
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedLoop', line: 4, column: 3, endLine: 4, endColumn: 26, data: { amount: 'one request per element of `urls`' } },
      ],
    },
    {
      code: `
export function drain(queue) {
  while (queue.length > 0) {
    void fetch(queue.shift(), { method: 'POST' });
  }
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedLoop', line: 3, column: 3, endLine: 3, endColumn: 27, data: { amount: 'an unbounded number of requests (one per loop iteration)' } },
      ],
    },
    {
      code: `
export function drain(queue) {
  do {
    fetch(queue.shift(), { method: 'POST' }).catch(console.error);
  } while (queue.length > 0);
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedLoop', line: 3, column: 3, endLine: 3, endColumn: 5, data: { amount: 'an unbounded number of requests (one per loop iteration)' } },
      ],
    },
    {
      code: `
export function warmUp() {
  for (let i = 0; i < 100; i++) {
    fetch(\`/warm/\${i}\`);
  }
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedLoop', line: 3, column: 3, endLine: 3, endColumn: 32, data: { amount: '100 requests' } },
      ],
    },
    {
      code: `
import pMap from 'p-map';
export function syncUsers(users) {
  return pMap(users, (user) => fetch(\`/users/\${user.id}\`));
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedMapper', line: 4, column: 10, endLine: 4, endColumn: 14, data: { mapper: 'pMap', amount: 'one request per element of `users`' } },
      ],
    },
    {
      code: `
import pMap from 'p-map';
export function syncUsers(users) {
  return pMap(users, async (user) => fetch(\`/users/\${user.id}\`), { concurrency: Infinity });
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedMapper', line: 4, column: 68, endLine: 4, endColumn: 89, data: { mapper: 'pMap', amount: 'one request per element of `users`' } },
      ],
    },
    {
      code: `
import http from 'node:http';
export const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
`,
      output: null,
      errors: [
        { messageId: 'unlimitedSockets', line: 3, column: 56, endLine: 3, endColumn: 76, data: { value: 'Infinity' } },
      ],
    },
    {
      code: `
const https = require('https');
const agent = new https.Agent({ maxSockets: 0 });
module.exports = agent;
`,
      output: null,
      errors: [
        { messageId: 'unlimitedSockets', line: 3, column: 33, endLine: 3, endColumn: 46, data: { value: '0' } },
      ],
    },
    {
      code: `
import Agent from 'agentkeepalive';
export const agent = new Agent({ maxSockets: Number.POSITIVE_INFINITY, maxTotalSockets: Infinity });
`,
      output: null,
      errors: [
        { messageId: 'unlimitedSockets', line: 3, column: 34, endLine: 3, endColumn: 70, data: { value: 'Number.POSITIVE_INFINITY' } },
      ],
    },
    {
      code: `
import * as undici from 'undici';
export const pool = new undici.Pool('https://api.example.com', { connections: 0 });
export const agent = new undici.Agent({ connections: null });
`,
      output: null,
      errors: [
        { messageId: 'unlimitedConnections', line: 3, column: 66, endLine: 3, endColumn: 80, data: { value: '0', kind: 'pool' } },
        { messageId: 'unlimitedConnections', line: 4, column: 41, endLine: 4, endColumn: 58, data: { value: 'null', kind: 'agent' } },
      ],
    },
    {
      code: `
import PQueue from 'p-queue';
const queue = new PQueue();
export const syncAll = (users) => Promise.all(users.map((user) => queue.add(() => fetch(\`/users/\${user.id}\`))));
`,
      output: null,
      errors: [
        { messageId: 'unlimitedLimiter', line: 3, column: 15, endLine: 3, endColumn: 27, data: { limiter: 'new PQueue()', option: 'concurrency', example: '{ concurrency: 5 }' } },
      ],
    },
    {
      code: `
import PQueue from 'p-queue';
const queue = new PQueue({ concurrency: Infinity });
export const syncAll = (users) => Promise.all(users.map((user) => queue.add(() => fetch(\`/users/\${user.id}\`))));
`,
      output: null,
      errors: [
        { messageId: 'unlimitedLimiter', line: 3, column: 28, endLine: 3, endColumn: 49, data: { limiter: 'new PQueue({ concurrency: Infinity })', option: 'concurrency', example: '{ concurrency: 5 }' } },
      ],
    },
    {
      code: `
import Bottleneck from 'bottleneck';
const limiter = new Bottleneck({ id: 'users' });
export const syncAll = (users) => Promise.all(users.map((user) => limiter.schedule(() => fetch(\`/users/\${user.id}\`))));
`,
      output: null,
      errors: [
        { messageId: 'unlimitedLimiter', line: 3, column: 17, endLine: 3, endColumn: 48, data: { limiter: 'new Bottleneck({ id: \'users\' })', option: 'maxConcurrent', example: '{ maxConcurrent: 5 }' } },
      ],
    },
    {
      code: `
import pLimit from 'p-limit';
const limit = pLimit(Infinity);
export const syncAll = (users) => Promise.all(users.map((user) => limit(() => fetch(\`/users/\${user.id}\`))));
`,
      output: null,
      errors: [
        { messageId: 'unlimitedLimiter', line: 3, column: 22, endLine: 3, endColumn: 30, data: { limiter: 'pLimit(Infinity)', option: 'concurrency', example: 'pLimit(5)' } },
      ],
    },
    {
      code: `
import pLimit from 'p-limit';

/** Pushes every user to the CRM. */
export async function syncUsers(users) {
  const limit = pLimit(5);
  return Promise.all(users.map((user) => limit(() => fetch(\`/users/\${user.id}\`, { method: 'POST' }))));
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCallLimiter',
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 26,
          data: { limiter: 'pLimit(5)', owner: "`syncUsers`" },
          suggestions: [
            {
              messageId: 'suggestHoistLimiter',
              data: { name: 'limit' },
              output: `
import pLimit from 'p-limit';

const limit = pLimit(5);
/** Pushes every user to the CRM. */
export async function syncUsers(users) {
  return Promise.all(users.map((user) => limit(() => fetch(\`/users/\${user.id}\`, { method: 'POST' }))));
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
const PQueue = require('p-queue').default;
const CONCURRENCY = 2;

class Crawler {
  async crawl(urls) {
    const queue = new PQueue({ concurrency: CONCURRENCY })
    await Promise.all(urls.map((url) => queue.add(() => fetch(url))));
  }
}
module.exports = Crawler;
`,
      output: null,
      errors: [
        {
          messageId: 'perCallLimiter',
          line: 7,
          column: 19,
          endLine: 7,
          endColumn: 59,
          data: { limiter: 'new PQueue({ concurrency: CONCURRENCY })', owner: "`crawl`" },
          suggestions: [
            {
              messageId: 'suggestHoistLimiter',
              data: { name: 'queue' },
              output: `
const PQueue = require('p-queue').default;
const CONCURRENCY = 2;

const queue = new PQueue({ concurrency: CONCURRENCY });
class Crawler {
  async crawl(urls) {
    await Promise.all(urls.map((url) => queue.add(() => fetch(url))));
  }
}
module.exports = Crawler;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a limiter created per request of a route handler',
      code: `
import Bottleneck from 'bottleneck';
app.post('/sync', async (req, res) => {
  const limiter = new Bottleneck({ maxConcurrent: 4 });
  await Promise.all(req.body.ids.map((id) => limiter.schedule(() => fetch(\`/items/\${id}\`))));
  res.sendStatus(204);
});
`,
      output: null,
      errors: [
        {
          messageId: 'perCallLimiter',
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 55,
          data: { limiter: 'new Bottleneck({ maxConcurrent: 4 })', owner: "the callback passed to `app.post`" },
          suggestions: [
            {
              messageId: 'suggestHoistLimiter',
              data: { name: 'limiter' },
              output: `
import Bottleneck from 'bottleneck';
const limiter = new Bottleneck({ maxConcurrent: 4 });
app.post('/sync', async (req, res) => {
  await Promise.all(req.body.ids.map((id) => limiter.schedule(() => fetch(\`/items/\${id}\`))));
  res.sendStatus(204);
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a limiter created per element',
      code: `
import pLimit from 'p-limit';
export function syncUsers(users) {
  return Promise.all(users.map((user) => {
    const limit = pLimit(1);
    return limit(() => fetch(\`/users/\${user.id}\`));
  }));
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCallLimiter',
          line: 5,
          column: 19,
          endLine: 5,
          endColumn: 28,
          data: { limiter: 'pLimit(1)', owner: "the callback passed to `users.map`" },
          suggestions: [
            {
              messageId: 'suggestHoistLimiter',
              data: { name: 'limit' },
              output: `
import pLimit from 'p-limit';
const limit = pLimit(1);
export function syncUsers(users) {
  return Promise.all(users.map((user) => {
    return limit(() => fetch(\`/users/\${user.id}\`));
  }));
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import pLimit from 'p-limit';
for (const group of groups) {
  const limit = pLimit(2);
  group.forEach((url) => limit(() => fetch(url)));
}
`,
      output: null,
      errors: [
        {
          messageId: 'perIterationLimiter',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 26,
          data: { limiter: 'pLimit(2)' },
          suggestions: [
            {
              messageId: 'suggestHoistLimiter',
              data: { name: 'limit' },
              output: `
import pLimit from 'p-limit';
const limit = pLimit(2);
for (const group of groups) {
  group.forEach((url) => limit(() => fetch(url)));
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import { Sema } from 'async-sema';
export async function syncUsers(users) {
  const sema = new Sema(3);
  return Promise.all(users.map(async (user) => {
    await sema.acquire();
    try {
      return await fetch(\`/users/\${user.id}\`);
    } finally {
      sema.release();
    }
  }));
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCallLimiter',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 27,
          data: { limiter: 'new Sema(3)', owner: "`syncUsers`" },
          suggestions: [
            {
              messageId: 'suggestHoistLimiter',
              data: { name: 'sema' },
              output: `
import { Sema } from 'async-sema';
const sema = new Sema(3);
export async function syncUsers(users) {
  return Promise.all(users.map(async (user) => {
    await sema.acquire();
    try {
      return await fetch(\`/users/\${user.id}\`);
    } finally {
      sema.release();
    }
  }));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'no suggestion when the limit is not static',
      code: `
import pLimit from 'p-limit';
export async function syncUsers(users, concurrency) {
  const limit = pLimit(concurrency);
  return Promise.all(users.map((user) => limit(() => fetch(\`/users/\${user.id}\`))));
}
`,
      output: null,
      errors: [
        { messageId: 'perCallLimiter', line: 4, column: 17, endLine: 4, endColumn: 36, data: { limiter: 'pLimit(concurrency)', owner: "`syncUsers`" }, suggestions: [] },
      ],
    },
    {
      name: 'no suggestion when the name is taken at module scope',
      code: `
import pLimit from 'p-limit';
const limit = 1;
export async function syncUsers(users) {
  const limit = pLimit(5);
  return Promise.all(users.map((user) => limit(() => fetch(\`/users/\${user.id}\`))));
}
`,
      output: null,
      errors: [
        { messageId: 'perCallLimiter', line: 5, column: 17, endLine: 5, endColumn: 26, data: { limiter: 'pLimit(5)', owner: "`syncUsers`" }, suggestions: [] },
      ],
    },
    {
      code: `
import { queue } from 'async';
export function syncUsers(users) {
  const q = queue(async (user) => fetch(\`/users/\${user.id}\`), 2);
  q.push(users);
  return q.drain();
}
`,
      output: null,
      errors: [
        { messageId: 'perCallLimiter', line: 4, column: 13, endLine: 4, endColumn: 65, data: { limiter: 'queue(…)', owner: "`syncUsers`" }, suggestions: [] },
      ],
    },

    {
      code: `
export function syncAll(users) {
  users.forEach((user) => {
    return fetch(\`/users/\${user.id}\`);
  });
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedIteration', line: 3, column: 3, endLine: 3, endColumn: 16, data: { method: 'forEach', amount: 'one request per element of `users`' } },
      ],
    },
    {
      code: `
import pMap from 'p-map';
export const syncAll = (users) => pMap(users, (user) => fetch(\`/users/\${user.id}\`), undefined);
`,
      output: null,
      errors: [
        { messageId: 'unboundedMapper', line: 3, column: 35, endLine: 3, endColumn: 39, data: { mapper: 'pMap', amount: 'one request per element of `users`' } },
      ],
    },
    {
      name: 'a default limiter created per call',
      code: `
import pLimit from 'p-limit';
export async function defaulted(urls, options) {
  const limit = options.limit ?? pLimit(5);
  return Promise.all(urls.map((url) => limit(() => fetch(url))));
}
`,
      output: null,
      errors: [
        { messageId: 'perCallLimiter', line: 4, column: 34, endLine: 4, endColumn: 43, data: { limiter: 'pLimit(5)', owner: "`defaulted`" }, suggestions: [] },
      ],
    },
    {
      code: `
import pLimit from 'p-limit';
export async function assigned(urls) {
  let limit;
  limit = pLimit(2);
  return Promise.all(urls.map((url) => limit(() => fetch(url))));
}
`,
      output: null,
      errors: [
        { messageId: 'perCallLimiter', line: 5, column: 11, endLine: 5, endColumn: 20, data: { limiter: 'pLimit(2)', owner: "`assigned`" }, suggestions: [] },
      ],
    },
    {
      code: `
import PQueue from 'p-queue';
export const one = (url) => new PQueue({ concurrency: 2 }).add(() => fetch(url));
`,
      output: null,
      errors: [
        { messageId: 'perCallLimiter', line: 3, column: 29, endLine: 3, endColumn: 59, data: { limiter: 'new PQueue({ concurrency: 2 })', owner: "`one`" }, suggestions: [] },
      ],
    },
    {
      name: 'a function called twice runs more than once',
      code: `
import pLimit from 'p-limit';
async function main(urls) {
  const limit = pLimit(4);
  await Promise.all(urls.map((url) => limit(() => fetch(url))));
}
main([]);
main(process.argv);
`,
      output: null,
      errors: [
        {
          messageId: 'perCallLimiter',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 26,
          data: { limiter: 'pLimit(4)', owner: "`main`" },
          suggestions: [
            {
              messageId: 'suggestHoistLimiter',
              data: { name: 'limit' },
              output: `
import pLimit from 'p-limit';
const limit = pLimit(4);
async function main(urls) {
  await Promise.all(urls.map((url) => limit(() => fetch(url))));
}
main([]);
main(process.argv);
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import pLimit from 'p-limit';
async function run(urls) {
  const limit = pLimit(4);
  await Promise.all(urls.map((url) => limit(() => fetch(url))));
}
export function start() {
  return run([]);
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCallLimiter',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 26,
          data: { limiter: 'pLimit(4)', owner: "`run`" },
          suggestions: [
            {
              messageId: 'suggestHoistLimiter',
              data: { name: 'limit' },
              output: `
import pLimit from 'p-limit';
const limit = pLimit(4);
async function run(urls) {
  await Promise.all(urls.map((url) => limit(() => fetch(url))));
}
export function start() {
  return run([]);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'no suggestion when moving the declaration is not mechanical',
      code: `
import pLimit from 'p-limit';
export async function withVar(urls) {
  var limit = pLimit(4);
  return Promise.all(urls.map((url) => limit(() => fetch(url))));
}
export async function inSwitch(urls, mode) {
  switch (mode) {
    case 'bulk':
      const limit = pLimit(4);
      return Promise.all(urls.map((url) => limit(() => fetch(url))));
  }
}
export async function localCount(urls) {
  const n = 5;
  const limit = pLimit(n);
  return Promise.all(urls.map((url) => limit(() => fetch(url))));
}
export async function later(urls) {
  const limit = pLimit(N);
  return Promise.all(urls.map((url) => limit(() => fetch(url))));
}
const N = 5;
`,
      output: null,
      errors: [
        { messageId: 'perCallLimiter', line: 4, column: 15, endLine: 4, endColumn: 24, data: { limiter: 'pLimit(4)', owner: "`withVar`" }, suggestions: [] },
        { messageId: 'perCallLimiter', line: 10, column: 21, endLine: 10, endColumn: 30, data: { limiter: 'pLimit(4)', owner: "`inSwitch`" }, suggestions: [] },
        { messageId: 'perCallLimiter', line: 16, column: 17, endLine: 16, endColumn: 26, data: { limiter: 'pLimit(n)', owner: "`localCount`" }, suggestions: [] },
        { messageId: 'perCallLimiter', line: 20, column: 17, endLine: 20, endColumn: 26, data: { limiter: 'pLimit(N)', owner: "`later`" }, suggestions: [] },
      ],
    },
    {
      code: `
import pLimit from 'p-limit';
export async function adaptive(urls) {
  let limit = pLimit(2);
  if (urls.length > 100) limit = pLimit(1);
  return Promise.all(urls.map((url) => limit(() => fetch(url))));
}
`,
      output: null,
      errors: [
        { messageId: 'perCallLimiter', line: 4, column: 15, endLine: 4, endColumn: 24, data: { limiter: 'pLimit(2)', owner: "`adaptive`" }, suggestions: [] },
        { messageId: 'perCallLimiter', line: 5, column: 34, endLine: 5, endColumn: 43, data: { limiter: 'pLimit(1)', owner: "`adaptive`" }, suggestions: [] },
      ],
    },
    {
      code: `
import pLimit from 'p-limit';
export async function commented(urls) {
  const limit = pLimit(2); // two at a time
  return Promise.all(urls.map((url) => limit(() => fetch(url))));
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCallLimiter',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 26,
          data: { limiter: 'pLimit(2)', owner: "`commented`" },
          suggestions: [
            {
              messageId: 'suggestHoistLimiter',
              data: { name: 'limit' },
              output: `
import pLimit from 'p-limit';
const limit = pLimit(2);
export async function commented(urls) {
  // two at a time
  return Promise.all(urls.map((url) => limit(() => fetch(url))));
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import pLimit from 'p-limit';
export async function compact(urls) { const limit = pLimit(2);
  return Promise.all(urls.map((url) => limit(() => fetch(url))));
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCallLimiter',
          line: 3,
          column: 53,
          endLine: 3,
          endColumn: 62,
          data: { limiter: 'pLimit(2)', owner: "`compact`" },
          suggestions: [
            {
              messageId: 'suggestHoistLimiter',
              data: { name: 'limit' },
              output: `
import pLimit from 'p-limit';
const limit = pLimit(2);
export async function compact(urls) { 
  return Promise.all(urls.map((url) => limit(() => fetch(url))));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'functions without a short name',
      code: `
import pLimit from 'p-limit';
export default async function (urls) {
  const limit = pLimit(2);
  return Promise.all(urls.map((url) => limit(() => fetch(url))));
}
someVeryLongServiceName.router.registerHandlerForPath('/x', async (req) => {
  const limit = pLimit(2);
  return Promise.all(req.urls.map((url) => limit(() => fetch(url))));
});
`,
      output: null,
      errors: [
        {
          messageId: 'perCallLimiter',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 26,
          data: { limiter: 'pLimit(2)', owner: 'this function' },
          suggestions: [
            {
              messageId: 'suggestHoistLimiter',
              data: { name: 'limit' },
              output: `
import pLimit from 'p-limit';
const limit = pLimit(2);
export default async function (urls) {
  return Promise.all(urls.map((url) => limit(() => fetch(url))));
}
someVeryLongServiceName.router.registerHandlerForPath('/x', async (req) => {
  const limit = pLimit(2);
  return Promise.all(req.urls.map((url) => limit(() => fetch(url))));
});
`,
            },
          ],
        },
        {
          messageId: 'perCallLimiter',
          line: 8,
          column: 17,
          endLine: 8,
          endColumn: 26,
          data: { limiter: 'pLimit(2)', owner: 'this function' },
          suggestions: [
            {
              messageId: 'suggestHoistLimiter',
              data: { name: 'limit' },
              output: `
import pLimit from 'p-limit';
export default async function (urls) {
  const limit = pLimit(2);
  return Promise.all(urls.map((url) => limit(() => fetch(url))));
}
const limit = pLimit(2);
someVeryLongServiceName.router.registerHandlerForPath('/x', async (req) => {
  return Promise.all(req.urls.map((url) => limit(() => fetch(url))));
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'data too long to quote',
      code: `
export const checkAll = (config) => Promise.all(config.services.primary.endpoints.healthChecks.map((url) => fetch(url)));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 2, column: 37, endLine: 2, endColumn: 48, data: { combinator: 'Promise.all', amount: 'one request per element of an array of unknown size' } },
      ],
    },
    {
      code: `
export async function checkAll(config) {
  const pending = [];
  for (const key in config.services.primary.endpoints.healthChecks) pending.push(fetch(key));
  return Promise.all(pending);
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 5, column: 10, endLine: 5, endColumn: 21, data: { combinator: 'Promise.all', amount: 'one request per key of an object of unknown size' } },
      ],
    },
    {
      code: `
export const maybe = (flag, users) => Promise.all(flag ? users.map((user) => fetch(user.url)) : []);
export const either = (pending) => Promise.all(pending || []);
export const joined = (users, admins) => Promise.all(users.map((user) => fetch(user.url)).concat(admins.map((admin) => fetch(admin.url))));
export const spread = (users) => Promise.all([fetch('/a')].concat([fetch('/b')], ...users));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 2, column: 39, endLine: 2, endColumn: 50, data: { combinator: 'Promise.all', amount: 'one request per element of `users`' } },
        { messageId: 'unboundedFanOut', line: 4, column: 42, endLine: 4, endColumn: 53, data: { combinator: 'Promise.all', amount: 'one request per element of `users`' } },
      ],
    },
    {
      code: `
export async function spreadPush(users) {
  const pending = [];
  pending.push(...users.map((user) => fetch(user.url)));
  return Promise.all(pending);
}
export async function reassigned(users) {
  let pending = [];
  pending = users.map((user) => fetch(user.url));
  return Promise.all(pending);
}
export const copied = (users) => Promise.all(Array.from(users.map((user) => fetch(user.url))));
export const ids = (users) => Promise.all(Array.from(users, (user) => user.id));
export const plain = (users) => Promise.all(users.map((user) => user.id).filter(Boolean));
export const filtered = (users) => Promise.all(users.map((user) => fetch(user.url)).filter(Boolean));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 5, column: 10, endLine: 5, endColumn: 21, data: { combinator: 'Promise.all', amount: 'one request per element of `users`' } },
        { messageId: 'unboundedFanOut', line: 10, column: 10, endLine: 10, endColumn: 21, data: { combinator: 'Promise.all', amount: 'one request per element of `users`' } },
        { messageId: 'unboundedFanOut', line: 12, column: 34, endLine: 12, endColumn: 45, data: { combinator: 'Promise.all', amount: 'one request per element of `users`' } },
        { messageId: 'unboundedFanOut', line: 15, column: 36, endLine: 15, endColumn: 47, data: { combinator: 'Promise.all', amount: 'one request per element of `users`' } },
      ],
    },
    {
      name: 'collections of unknown size',
      code: `
export const sizes = (xs, m, o, n) => [
  Promise.all(new Set(xs).values().map((x) => fetch(x))),
  Promise.all([...new Map(m).keys()].map((x) => fetch(x))),
  Promise.all((xs || ['a']).map((x) => fetch(x))),
  Promise.all(Object.keys({ ...o }).map((key) => fetch(key))),
  Promise.all(Array.from(new Set(xs)).map((x) => fetch(x))),
  Promise.all(xs.join(',').split(',').map((x) => fetch(x))),
  Promise.all(new Thing().map((x) => fetch(x))),
  Promise.all(xs.slice(1).map((x) => fetch(x))),
  Promise.all(xs.slice(1, xs.length).map((x) => fetch(x))),
  Promise.all(xs.slice().map((x) => fetch(x))),
  Promise.all(xs.splice(1).map((x) => fetch(x))),
  Promise.all([...xs, ...[1]].map((x) => fetch(x))),
  Promise.all(Array(n).fill(0).map((_, i) => fetch(i))),
  Promise.all(Array.from({ length: xs.length }, (_, i) => fetch(xs[i]))),
  Promise.all(Array.from({ length: xs.length * 2 + xs.length * 3 + xs.length * 4 + 100000 }, (_, i) => fetch(xs[i]))),
  Promise.all(xs.map((x) => fetch(x), xs.concat(...xs))),
];
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 3, column: 3, endLine: 3, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `xs`' } },
        { messageId: 'unboundedFanOut', line: 4, column: 3, endLine: 4, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `m`' } },
        { messageId: 'unboundedFanOut', line: 5, column: 3, endLine: 5, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `xs`' } },
        { messageId: 'unboundedFanOut', line: 6, column: 3, endLine: 6, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `Object.keys({ ...o })`' } },
        { messageId: 'unboundedFanOut', line: 7, column: 3, endLine: 7, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `xs`' } },
        { messageId: 'unboundedFanOut', line: 8, column: 3, endLine: 8, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `xs.join(\',\').split(\',\')`' } },
        { messageId: 'unboundedFanOut', line: 9, column: 3, endLine: 9, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `new Thing()`' } },
        { messageId: 'unboundedFanOut', line: 10, column: 3, endLine: 10, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `xs`' } },
        { messageId: 'unboundedFanOut', line: 11, column: 3, endLine: 11, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `xs`' } },
        { messageId: 'unboundedFanOut', line: 12, column: 3, endLine: 12, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `xs`' } },
        { messageId: 'unboundedFanOut', line: 13, column: 3, endLine: 13, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `xs.splice(1)`' } },
        { messageId: 'unboundedFanOut', line: 14, column: 3, endLine: 14, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `xs`' } },
        { messageId: 'unboundedFanOut', line: 15, column: 3, endLine: 15, endColumn: 14, data: { combinator: 'Promise.all', amount: '`n` requests' } },
        { messageId: 'unboundedFanOut', line: 16, column: 3, endLine: 16, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `xs`' } },
        { messageId: 'unboundedFanOut', line: 17, column: 3, endLine: 17, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of an array of unknown size' } },
        { messageId: 'unboundedFanOut', line: 18, column: 3, endLine: 18, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `xs`' } },
      ],
    },
    {
      name: 'a constant defined by itself does not loop forever',
      code: `
const items = [...items];
export const loop = () => Promise.all(items.map((item) => fetch(item)));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 3, column: 27, endLine: 3, endColumn: 38, data: { combinator: 'Promise.all', amount: 'one request per element of `[...items]`' } },
      ],
    },
    {
      name: 'batches that are not awaited all run at once',
      code: `
export async function notAwaited(batches) {
  for (const batch of batches) Promise.all(batch.map((item) => fetch(item)));
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 3, column: 32, endLine: 3, endColumn: 43, data: { combinator: 'Promise.all', amount: 'one request per element of `batch`' } },
      ],
    },
    {
      name: 'constant arrays that grow later',
      code: `
const A = [];
A.push('/a');
const B = ['/b'];
send(B);
const C = ['/c'];
C[3] = '/d';
const D = ['/e'];
D.length = 9;
export const grown = () => [
  Promise.all(A.map((url) => fetch(url))),
  Promise.all(B.map((url) => fetch(url))),
  Promise.all(C.map((url) => fetch(url))),
  Promise.all(D.map((url) => fetch(url))),
];
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 11, column: 3, endLine: 11, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `A`' } },
        { messageId: 'unboundedFanOut', line: 12, column: 3, endLine: 12, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `B`' } },
        { messageId: 'unboundedFanOut', line: 13, column: 3, endLine: 13, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `C`' } },
        { messageId: 'unboundedFanOut', line: 14, column: 3, endLine: 14, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `D`' } },
      ],
    },
    {
      name: 'for loops with a known or unknown number of iterations',
      code: `
export function loops(n, items) {
  for (let i = 0; i <= 10; i++) fetch(i);
  for (let i = 0; 20 > i; i++) fetch(i);
  for (let i = 0; i < n; i++) fetch(i);
  for (let i = 0; i < 40; i += 2) fetch(i);
  for (let i = items.length - 1; i >= 0; i--) fetch(items[i]);
  for (;;) fetch(1);
  for (let i = 0; check(i); i++) fetch(i);
  for (let i = 0; i !== 50; i++) fetch(i);
  for (let i = 0, j = 0; j < 50; i++) fetch(i);
  for (let i = 0; i < 50; i = i + 1) fetch(i);
  for (let i = 0; i < 50; i += step) fetch(i);
  for (let i = 0; i < 50; i--) fetch(i);
  for (i = 0; i < 50; i++) fetch(i);
  for (let i = items.length; i > 0; i--) fetch(i);
  for (let i = items.length - 2; i >= 0; i--) fetch(i);
  for (let i = 1; i < 50; i **= 2) fetch(i);
  for (let i = 0; i < items.length; i += 3) fetch(i);
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedLoop', line: 3, column: 3, endLine: 3, endColumn: 32, data: { amount: '11 requests' } },
        { messageId: 'unboundedLoop', line: 4, column: 3, endLine: 4, endColumn: 31, data: { amount: '20 requests' } },
        { messageId: 'unboundedLoop', line: 5, column: 3, endLine: 5, endColumn: 30, data: { amount: 'an unbounded number of requests (one per loop iteration)' } },
        { messageId: 'unboundedLoop', line: 6, column: 3, endLine: 6, endColumn: 34, data: { amount: '20 requests' } },
        { messageId: 'unboundedLoop', line: 7, column: 3, endLine: 7, endColumn: 46, data: { amount: 'one request per element of `items`' } },
        { messageId: 'unboundedLoop', line: 8, column: 3, endLine: 8, endColumn: 11, data: { amount: 'an unbounded number of requests (one per loop iteration)' } },
        { messageId: 'unboundedLoop', line: 9, column: 3, endLine: 9, endColumn: 33, data: { amount: 'an unbounded number of requests (one per loop iteration)' } },
        { messageId: 'unboundedLoop', line: 10, column: 3, endLine: 10, endColumn: 33, data: { amount: 'an unbounded number of requests (one per loop iteration)' } },
        { messageId: 'unboundedLoop', line: 11, column: 3, endLine: 11, endColumn: 38, data: { amount: 'an unbounded number of requests (one per loop iteration)' } },
        { messageId: 'unboundedLoop', line: 12, column: 3, endLine: 12, endColumn: 37, data: { amount: 'an unbounded number of requests (one per loop iteration)' } },
        { messageId: 'unboundedLoop', line: 13, column: 3, endLine: 13, endColumn: 37, data: { amount: 'an unbounded number of requests (one per loop iteration)' } },
        { messageId: 'unboundedLoop', line: 14, column: 3, endLine: 14, endColumn: 31, data: { amount: 'an unbounded number of requests (one per loop iteration)' } },
        { messageId: 'unboundedLoop', line: 15, column: 3, endLine: 15, endColumn: 27, data: { amount: 'an unbounded number of requests (one per loop iteration)' } },
        { messageId: 'unboundedLoop', line: 16, column: 3, endLine: 16, endColumn: 41, data: { amount: 'one request per element of `items`' } },
        { messageId: 'unboundedLoop', line: 17, column: 3, endLine: 17, endColumn: 46, data: { amount: 'an unbounded number of requests (one per loop iteration)' } },
        { messageId: 'unboundedLoop', line: 18, column: 3, endLine: 18, endColumn: 35, data: { amount: 'an unbounded number of requests (one per loop iteration)' } },
        { messageId: 'unboundedLoop', line: 19, column: 3, endLine: 19, endColumn: 44, data: { amount: 'an unbounded number of requests (one per loop iteration)' } },
      ],
    },
    {
      code: `
export function spreadKeys(options) {
  for (const key in { ...options }) fetch(\`/keys/\${key}\`);
}
let P = { a: 1 };
export function letKeys() {
  for (const key in P) fetch(\`/keys/\${key}\`);
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedLoop', line: 3, column: 3, endLine: 3, endColumn: 36, data: { amount: 'one request per key of `{ ...options }`' } },
        { messageId: 'unboundedLoop', line: 7, column: 3, endLine: 7, endColumn: 23, data: { amount: 'one request per key of `P`' } },
      ],
    },
    {
      code: `
export async function withToken(users) {
  const pending = [];
  for (const user of users) {
    getToken().then((token) => pending.push(fetch(user.url, { headers: { token } })));
  }
  return Promise.all(pending);
}
export async function nested(groups) {
  const pending = [];
  for (const group of groups) {
    for (const user of group) pending.push(fetch(user.url));
  }
  return Promise.all(pending);
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 7, column: 10, endLine: 7, endColumn: 21, data: { combinator: 'Promise.all', amount: 'one request per element of `users`' } },
        { messageId: 'unboundedFanOut', line: 14, column: 10, endLine: 14, endColumn: 21, data: { combinator: 'Promise.all', amount: 'one request per element of `group`' } },
      ],
    },

    {
      name: 'more collections of unknown size',
      code: `
export const sizes = (xs, ys, o) => [
  Promise.all(globalUsers.map((user) => fetch(user.url))),
  Promise.all(xs.concat(...ys).map((x) => fetch(x))),
  Promise.all(getUsers().map((user) => fetch(user.url))),
  Promise.all(Array.fromAsync(xs).map((x) => fetch(x))),
  Promise.all(Array.from({ ...o }, (_, i) => fetch(i))),
  Promise.all((flag ? ['a'] : xs).map((x) => fetch(x))),
];
export async function awaited() {
  return Promise.all((await getUsers()).map((user) => fetch(user.url)));
}
let A = ['a'];
A = load();
export const reassigned = () => Promise.all(A.map((x) => fetch(x)));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 3, column: 3, endLine: 3, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `globalUsers`' } },
        { messageId: 'unboundedFanOut', line: 4, column: 3, endLine: 4, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `xs.concat(...ys)`' } },
        { messageId: 'unboundedFanOut', line: 5, column: 3, endLine: 5, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `getUsers()`' } },
        { messageId: 'unboundedFanOut', line: 6, column: 3, endLine: 6, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `Array.fromAsync(xs)`' } },
        { messageId: 'unboundedFanOut', line: 7, column: 3, endLine: 7, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `{ ...o }`' } },
        { messageId: 'unboundedFanOut', line: 8, column: 3, endLine: 8, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `xs`' } },
        { messageId: 'unboundedFanOut', line: 11, column: 10, endLine: 11, endColumn: 21, data: { combinator: 'Promise.all', amount: 'one request per element of `await getUsers()`' } },
        { messageId: 'unboundedFanOut', line: 15, column: 33, endLine: 15, endColumn: 44, data: { combinator: 'Promise.all', amount: 'one request per element of `A`' } },
      ],
    },
    {
      code: `
export function loops(i, items) {
  for (let j; j < 50; j++) fetch(j);
  for (; i > 0; i--) fetch(i);
  for (const key in undeclaredObject) fetch(key);
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedLoop', line: 3, column: 3, endLine: 3, endColumn: 27, data: { amount: 'an unbounded number of requests (one per loop iteration)' } },
        { messageId: 'unboundedLoop', line: 4, column: 3, endLine: 4, endColumn: 21, data: { amount: 'an unbounded number of requests (one per loop iteration)' } },
        { messageId: 'unboundedLoop', line: 5, column: 3, endLine: 5, endColumn: 38, data: { amount: 'one request per key of `undeclaredObject`' } },
      ],
    },
    {
      name: 'requests wrapped in new Promise',
      code: `
import https from 'node:https';
export async function pingAll(urls) {
  const pending = [];
  for (const url of urls) pending.push(new Promise((resolve) => https.get(url, resolve)));
  return Promise.all(pending);
}
export async function inExecutor(urls) {
  const pending = [];
  for (const url of urls) new Promise(() => pending.push(fetch(url)));
  return Promise.all(pending);
}
export const wrapped = (urls) => Promise.all(urls.map((url) => new Promise((resolve, reject) => https.get(url, resolve).on('error', reject))));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 6, column: 10, endLine: 6, endColumn: 21, data: { combinator: 'Promise.all', amount: 'one request per element of `urls`' } },
        { messageId: 'unboundedFanOut', line: 11, column: 10, endLine: 11, endColumn: 21, data: { combinator: 'Promise.all', amount: 'one request per element of `urls`' } },
        { messageId: 'unboundedFanOut', line: 13, column: 34, endLine: 13, endColumn: 45, data: { combinator: 'Promise.all', amount: 'one request per element of `urls`' } },
      ],
    },
    {
      code: `
export const choose = (flag, users, fallback) => Promise.all(flag ? users.map((user) => fetch(user.url)) : fallback);
export const elements = (flag, users) => Promise.all([flag ? fetch('/a') : null, ...users.map((user) => (user.active && fetch(user.url)))]);
export const other = (flag, users) => Promise.all(flag ? [fetch('/a')] : users.map((user) => fetch(user.url)));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 2, column: 50, endLine: 2, endColumn: 61, data: { combinator: 'Promise.all', amount: 'one request per element of `users`' } },
        { messageId: 'unboundedFanOut', line: 3, column: 42, endLine: 3, endColumn: 53, data: { combinator: 'Promise.all', amount: 'one request per element of `users`' } },
        { messageId: 'unboundedFanOut', line: 4, column: 39, endLine: 4, endColumn: 50, data: { combinator: 'Promise.all', amount: 'one request per element of `users`' } },
      ],
    },
    {
      code: `
import pLimit from 'p-limit';
import PQueue from 'p-queue';
export const inline = (url) => pLimit(2)(() => fetch(url));
export async function spread(urls, args) {
  const limit = pLimit(...args);
  return Promise.all(urls.map((url) => limit(() => fetch(url))));
}
export async function long(urls) {
  const queue = new PQueue({ concurrency: 2, autoStart: true, timeout: 5000 });
  return Promise.all(urls.map((url) => queue.add(() => fetch(url))));
}
`,
      output: null,
      errors: [
        { messageId: 'perCallLimiter', line: 4, column: 32, endLine: 4, endColumn: 41, data: { limiter: 'pLimit(2)', owner: "`inline`" }, suggestions: [] },
        { messageId: 'perCallLimiter', line: 6, column: 17, endLine: 6, endColumn: 32, data: { limiter: 'pLimit(...args)', owner: "`spread`" }, suggestions: [] },
        {
          messageId: 'perCallLimiter',
          line: 10,
          column: 17,
          endLine: 10,
          endColumn: 79,
          data: { limiter: 'new PQueue(…)', owner: "`long`" },
          suggestions: [
            {
              messageId: 'suggestHoistLimiter',
              data: { name: 'queue' },
              output: `
import pLimit from 'p-limit';
import PQueue from 'p-queue';
export const inline = (url) => pLimit(2)(() => fetch(url));
export async function spread(urls, args) {
  const limit = pLimit(...args);
  return Promise.all(urls.map((url) => limit(() => fetch(url))));
}
const queue = new PQueue({ concurrency: 2, autoStart: true, timeout: 5000 });
export async function long(urls) {
  return Promise.all(urls.map((url) => queue.add(() => fetch(url))));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS: module-level names are in the module function scope',
      code: `
const pLimit = require('p-limit');
const limit = 1;
exports.taken = async (urls) => {
  const limit = pLimit(5);
  return Promise.all(urls.map((url) => limit(() => fetch(url))));
};
exports.free = async (urls) => {
  const slots = pLimit(5);
  return Promise.all(urls.map((url) => slots(() => fetch(url))));
};
`,
      languageOptions: { parserOptions: { ecmaFeatures: { globalReturn: true }, sourceType: 'script' } },
      output: null,
      errors: [
        { messageId: 'perCallLimiter', line: 5, column: 17, endLine: 5, endColumn: 26, data: { limiter: 'pLimit(5)', owner: "`exports.taken`" }, suggestions: [] },
        {
          messageId: 'perCallLimiter',
          line: 9,
          column: 17,
          endLine: 9,
          endColumn: 26,
          data: { limiter: 'pLimit(5)', owner: "`exports.free`" },
          suggestions: [
            {
              messageId: 'suggestHoistLimiter',
              data: { name: 'slots' },
              output: `
const pLimit = require('p-limit');
const limit = 1;
exports.taken = async (urls) => {
  const limit = pLimit(5);
  return Promise.all(urls.map((url) => limit(() => fetch(url))));
};
const slots = pLimit(5);
exports.free = async (urls) => {
  return Promise.all(urls.map((url) => slots(() => fetch(url))));
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'an indexed element outside an awaited loop is not a batch',
      code: `
export async function firstList(lists) {
  return Promise.all(lists[0].map((url) => fetch(url)));
}
await Promise.all(groups[0].map((url) => fetch(url)));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 3, column: 10, endLine: 3, endColumn: 21, data: { combinator: 'Promise.all', amount: 'one request per element of `lists[0]`' } },
        { messageId: 'unboundedFanOut', line: 5, column: 7, endLine: 5, endColumn: 18, data: { combinator: 'Promise.all', amount: 'one request per element of `groups[0]`' } },
      ],
    },

    {
      name: 'a function constant passed by name',
      code: `
const load = async (id) => fetch(\`/items/\${id}\`);
export const loadAll = (ids) => Promise.all(ids.map(load));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 3, column: 33, endLine: 3, endColumn: 44, data: { combinator: 'Promise.all', amount: 'one request per element of `ids`' } },
      ],
    },
    {
      code: `
import pLimit from 'p-limit';
export async function either(urls, fast) {
  const limit = fast ? pLimit(8) : pLimit(2);
  return Promise.all(urls.map((url) => limit(() => fetch(url))));
}
`,
      output: null,
      errors: [
        { messageId: 'perCallLimiter', line: 4, column: 24, endLine: 4, endColumn: 33, data: { limiter: 'pLimit(8)', owner: "`either`" }, suggestions: [] },
        { messageId: 'perCallLimiter', line: 4, column: 36, endLine: 4, endColumn: 45, data: { limiter: 'pLimit(2)', owner: "`either`" }, suggestions: [] },
      ],
    },
    {
      name: 'a script',
      code: `
var pLimit = require('p-limit');
function syncUsers(users) {
  const limit = pLimit(5);
  return Promise.all(users.map((user) => limit(() => fetch(user.url))));
}
`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      output: null,
      errors: [
        {
          messageId: 'perCallLimiter',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 26,
          data: { limiter: 'pLimit(5)', owner: "`syncUsers`" },
          suggestions: [
            {
              messageId: 'suggestHoistLimiter',
              data: { name: 'limit' },
              output: `
var pLimit = require('p-limit');
const limit = pLimit(5);
function syncUsers(users) {
  return Promise.all(users.map((user) => limit(() => fetch(user.url))));
}
`,
            },
          ],
        },
      ],
    },

    {
      name: 'globalThis.fetch and an aliased import',
      code: `
import { fetch as undiciFetch } from 'undici';
export const viaGlobal = (urls) => Promise.all(urls.map((url) => globalThis.fetch(url)));
export const viaAlias = (urls) => Promise.all(urls.map((url) => undiciFetch(url)));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 3, column: 36, endLine: 3, endColumn: 47, data: { combinator: 'Promise.all', amount: 'one request per element of `urls`' } },
        { messageId: 'unboundedFanOut', line: 4, column: 35, endLine: 4, endColumn: 46, data: { combinator: 'Promise.all', amount: 'one request per element of `urls`' } },
      ],
    },

    // Shapes reached through references, deeper calls, SDKs and pages.
    {
      name: "the global fetch passed by reference",
      code: `
export const loadAll = (urls) => Promise.all(urls.map(fetch));
export const settleAll = (urls) => Promise.allSettled(urls.map(globalThis.fetch));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 2, column: 34, endLine: 2, endColumn: 45, data: { combinator: 'Promise.all', amount: 'one request per element of `urls`' } },
        { messageId: 'unboundedFanOut', line: 3, column: 36, endLine: 3, endColumn: 54, data: { combinator: 'Promise.allSettled', amount: 'one request per element of `urls`' } },
      ],
    },
    {
      name: "axios request functions passed by reference",
      code: `
import axios from 'axios';
import { fetch as undiciFetch } from 'undici';
export const getAll = (urls) => Promise.all(urls.map(axios.get));
export const callAll = (configs) => Promise.all(configs.map(axios));
export const viaUndici = (urls) => Promise.all(urls.map(undiciFetch));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 4, column: 33, endLine: 4, endColumn: 44, data: { combinator: 'Promise.all', amount: 'one request per element of `urls`' } },
        { messageId: 'unboundedFanOut', line: 5, column: 37, endLine: 5, endColumn: 48, data: { combinator: 'Promise.all', amount: 'one request per element of `configs`' } },
        { messageId: 'unboundedFanOut', line: 6, column: 36, endLine: 6, endColumn: 47, data: { combinator: 'Promise.all', amount: 'one request per element of `urls`' } },
      ],
    },
    {
      name: "a required request function passed by reference",
      code: `
const nodeFetch = require('node-fetch');
const { get } = require('axios');
exports.first = (urls) => Promise.all(urls.map(nodeFetch));
exports.second = (urls) => Promise.all(urls.map(get));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 4, column: 27, endLine: 4, endColumn: 38, data: { combinator: 'Promise.all', amount: 'one request per element of `urls`' } },
        { messageId: 'unboundedFanOut', line: 5, column: 28, endLine: 5, endColumn: 39, data: { combinator: 'Promise.all', amount: 'one request per element of `urls`' } },
      ],
    },
    {
      name: "forEach with a request function by reference",
      code: `
export function ping(hosts) {
  hosts.forEach(fetch);
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedIteration', line: 3, column: 3, endLine: 3, endColumn: 16, data: { method: 'forEach', amount: 'one request per element of `hosts`' } },
      ],
    },
    {
      name: "a same-class method passed by reference",
      code: `
export class Catalogue {
  async load(id) {
    const res = await fetch(\`/products/\${id}\`);
    return res.json();
  }
  loadMany(ids) {
    return Promise.all(ids.map(this.load));
  }
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 8, column: 12, endLine: 8, endColumn: 23, data: { combinator: 'Promise.all', amount: 'one request per element of `ids`' } },
      ],
    },
    {
      name: "a local wrapper that reaches a request two calls down",
      code: `
import axios from 'axios';
async function post(path, body) {
  return axios.post(path, body, { timeout: 5000 });
}
async function sendMail(message) {
  return post('/mail/send', message);
}
export const sendAll = (messages) => Promise.all(messages.map(sendMail));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 9, column: 38, endLine: 9, endColumn: 49, data: { combinator: 'Promise.all', amount: 'one request per element of `messages`' } },
      ],
    },
    {
      name: "a callback that reaches a request through three functions",
      code: `
async function getJson(url) {
  const res = await fetch(url);
  return res.json();
}
async function loadUser(id) {
  return getJson(\`/users/\${id}\`);
}
async function loadProfile(id) {
  const user = await loadUser(id);
  return { id, name: user.name };
}
export const profiles = (ids) => Promise.all(ids.map((id) => loadProfile(id)));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 13, column: 34, endLine: 13, endColumn: 45, data: { combinator: 'Promise.all', amount: 'one request per element of `ids`' } },
      ],
    },
    {
      name: "same-class methods two levels deep",
      code: `
export class Mirror {
  async download(url) {
    return fetch(url);
  }
  async copy(url) {
    const res = await this.download(url);
    return res.arrayBuffer();
  }
  copyAll(urls) {
    return Promise.all(urls.map((url) => this.copy(url)));
  }
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 11, column: 12, endLine: 11, endColumn: 23, data: { combinator: 'Promise.all', amount: 'one request per element of `urls`' } },
      ],
    },
    {
      name: "a loop that pushes promises of a wrapper into an array",
      code: `
async function get(url) {
  return fetch(url);
}
async function load(url) {
  const res = await get(url);
  return res.json();
}
export async function loadAll(urls) {
  const pending = [];
  for (const url of urls) {
    pending.push(load(url));
  }
  return Promise.allSettled(pending);
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 14, column: 10, endLine: 14, endColumn: 28, data: { combinator: 'Promise.allSettled', amount: 'one request per element of `urls`' } },
      ],
    },
    {
      name: "a loop that drops calls of a wrapper",
      code: `
async function notify(url) {
  await fetch(url, { method: 'POST' });
}
function notifyTwice(url) {
  return notify(url).then(() => notify(url));
}
export function notifyAll(urls) {
  for (const url of urls) notifyTwice(url).catch(console.error);
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedLoop', line: 9, column: 3, endLine: 9, endColumn: 26, data: { amount: 'one request per element of `urls`' } },
      ],
    },
    {
      name: "AWS SDK v3 client.send",
      code: `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({ region: 'eu-west-1' });
export const download = (keys) => Promise.all(keys.map((Key) => s3.send(new GetObjectCommand({ Bucket: 'assets', Key }))));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 4, column: 35, endLine: 4, endColumn: 46, data: { combinator: 'Promise.all', amount: 'one request per element of `keys`' } },
      ],
    },
    {
      name: "a DynamoDB document client made with from()",
      code: `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const getItems = (ids) =>
  Promise.all(ids.map((id) => documents.send(new GetCommand({ TableName: 'items', Key: { id } }))));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 6, column: 3, endLine: 6, endColumn: 14, data: { combinator: 'Promise.all', amount: 'one request per element of `ids`' } },
      ],
    },
    {
      name: "Octokit REST calls, on a variable and on a field",
      code: `
import { Octokit } from '@octokit/rest';
const octokit = new Octokit({ auth: process.env.TOKEN });
export const repos = (names) => Promise.all(names.map((repo) => octokit.rest.repos.get({ owner: 'acme', repo })));
export class Issues {
  constructor() {
    this.github = new Octokit();
  }
  close(numbers) {
    return Promise.all(numbers.map((issue_number) => this.github.request('PATCH /repos/acme/app/issues/{issue_number}', { issue_number, state: 'closed' })));
  }
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 4, column: 33, endLine: 4, endColumn: 44, data: { combinator: 'Promise.all', amount: 'one request per element of `names`' } },
        { messageId: 'unboundedFanOut', line: 10, column: 12, endLine: 10, endColumn: 23, data: { combinator: 'Promise.all', amount: 'one request per element of `numbers`' } },
      ],
    },
    {
      name: "Stripe created by calling the required module",
      code: `
const stripe = require('stripe')(process.env.STRIPE_KEY);
exports.customers = (ids) => Promise.all(ids.map((id) => stripe.customers.retrieve(id)));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 3, column: 30, endLine: 3, endColumn: 41, data: { combinator: 'Promise.all', amount: 'one request per element of `ids`' } },
      ],
    },
    {
      name: "Slack Web API in forEach",
      code: `
import { WebClient } from '@slack/web-api';
const slack = new WebClient(process.env.SLACK_TOKEN);
export function announce(channels, text) {
  channels.forEach((channel) => slack.chat.postMessage({ channel, text }));
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedIteration', line: 5, column: 3, endLine: 5, endColumn: 19, data: { method: 'forEach', amount: 'one request per element of `channels`' } },
      ],
    },
    {
      name: "a Kubernetes API client made by makeApiClient",
      code: `
import * as k8s from '@kubernetes/client-node';
const kubeConfig = new k8s.KubeConfig();
kubeConfig.loadFromDefault();
const core = kubeConfig.makeApiClient(k8s.CoreV1Api);
export const pods = (namespaces) => Promise.all(namespaces.map((namespace) => core.listNamespacedPod({ namespace })));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 6, column: 37, endLine: 6, endColumn: 48, data: { combinator: 'Promise.all', amount: 'one request per element of `namespaces`' } },
      ],
    },
    {
      name: "OpenAI, Anthropic, Notion, SendGrid and Twilio clients",
      code: `
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { Client } from '@notionhq/client';
import sgMail from '@sendgrid/mail';
import twilio from 'twilio';
const openai = new OpenAI();
const anthropic = new Anthropic();
const notion = new Client({ auth: process.env.NOTION_TOKEN });
const sms = twilio(process.env.SID, process.env.TWILIO_TOKEN);
export const complete = (prompts) => Promise.all(prompts.map((content) => openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content }] })));
export function summarise(texts) {
  for (const content of texts) anthropic.messages.create({ model: 'claude', max_tokens: 256, messages: [{ role: 'user', content }] });
}
export const pages = (ids) => Promise.all(ids.map((page_id) => notion.pages.retrieve({ page_id })));
export const mail = (messages) => Promise.all(messages.map((message) => sgMail.send(message)));
export const text = (numbers) => Promise.all(numbers.map((to) => sms.messages.create({ to, from: '+100', body: 'Hi' })));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 11, column: 38, endLine: 11, endColumn: 49, data: { combinator: 'Promise.all', amount: 'one request per element of `prompts`' } },
        { messageId: 'unboundedLoop', line: 13, column: 3, endLine: 13, endColumn: 31, data: { amount: 'one request per element of `texts`' } },
        { messageId: 'unboundedFanOut', line: 15, column: 31, endLine: 15, endColumn: 42, data: { combinator: 'Promise.all', amount: 'one request per element of `ids`' } },
        { messageId: 'unboundedFanOut', line: 16, column: 35, endLine: 16, endColumn: 46, data: { combinator: 'Promise.all', amount: 'one request per element of `messages`' } },
        { messageId: 'unboundedFanOut', line: 17, column: 34, endLine: 17, endColumn: 45, data: { combinator: 'Promise.all', amount: 'one request per element of `numbers`' } },
      ],
    },
    {
      name: "Bluebird Promise.map without a concurrency",
      code: `
import Promise from 'bluebird';
export const fetchAll = (urls) => Promise.map(urls, (url) => fetch(url));
`,
      output: null,
      errors: [
        { messageId: 'unboundedMapper', line: 3, column: 35, endLine: 3, endColumn: 46, data: { mapper: 'Promise.map', amount: 'one request per element of `urls`' } },
      ],
    },
    {
      name: "Bluebird through require, with an infinite concurrency",
      code: `
const Bluebird = require('bluebird');
exports.first = (urls) => Bluebird.map(urls, fetch);
exports.second = (urls) => Bluebird.map(urls, (url) => fetch(url), { concurrency: Number.POSITIVE_INFINITY });
`,
      output: null,
      errors: [
        { messageId: 'unboundedMapper', line: 3, column: 27, endLine: 3, endColumn: 39, data: { mapper: 'Bluebird.map', amount: 'one request per element of `urls`' } },
        { messageId: 'unboundedMapper', line: 4, column: 70, endLine: 4, endColumn: 107, data: { mapper: 'Bluebird.map', amount: 'one request per element of `urls`' } },
      ],
    },
    {
      name: "limiters with Number.POSITIVE_INFINITY",
      code: `
import pLimit from 'p-limit';
import PQueue from 'p-queue';
import pMap from 'p-map';
const limit = pLimit(Number.POSITIVE_INFINITY);
const queue = new PQueue({ concurrency: Infinity });
export const viaLimit = (urls) => Promise.all(urls.map((url) => limit(() => fetch(url))));
export const viaQueue = (urls) => Promise.all(urls.map((url) => queue.add(() => fetch(url))));
export const viaMap = (urls) => pMap(urls, (url) => fetch(url), { concurrency: Number.POSITIVE_INFINITY });
`,
      output: null,
      errors: [
        { messageId: 'unlimitedLimiter', line: 5, column: 22, endLine: 5, endColumn: 46, data: { limiter: 'pLimit(Number.POSITIVE_INFINITY)', option: 'concurrency', example: 'pLimit(5)' } },
        { messageId: 'unlimitedLimiter', line: 6, column: 28, endLine: 6, endColumn: 49, data: { limiter: 'new PQueue({ concurrency: Infinity })', option: 'concurrency', example: '{ concurrency: 5 }' } },
        { messageId: 'unboundedMapper', line: 9, column: 67, endLine: 9, endColumn: 104, data: { mapper: 'pMap', amount: 'one request per element of `urls`' } },
      ],
    },
    {
      name: "maxSockets through a variable, a config property and large numbers",
      code: `
import https from 'node:https';
import http from 'node:http';
const agentOptions = { keepAlive: true, maxSockets: Infinity };
const config = { pool: { maxSockets: Number.MAX_SAFE_INTEGER } };
export const first = new https.Agent(agentOptions);
export const second = new https.Agent({ keepAlive: true, maxSockets: config.pool.maxSockets });
export const third = new http.Agent({ maxSockets: Number.MAX_VALUE });
`,
      output: null,
      errors: [
        { messageId: 'unlimitedSockets', line: 4, column: 41, endLine: 4, endColumn: 61, data: { value: 'Infinity' } },
        { messageId: 'unlimitedSockets', line: 7, column: 58, endLine: 7, endColumn: 92, data: { value: 'config.pool.maxSockets' } },
        { messageId: 'unlimitedSockets', line: 8, column: 39, endLine: 8, endColumn: 67, data: { value: 'Number.MAX_VALUE' } },
      ],
    },
    {
      name: "maxSockets assigned on the global agent and on an agent of the file",
      code: `
import https from 'node:https';
const http = require('http');
https.globalAgent.maxSockets = Infinity;
const agent = new http.Agent({ keepAlive: true });
agent.maxSockets = Number.MAX_VALUE;
export { agent };
`,
      output: null,
      errors: [
        { messageId: 'unlimitedSockets', line: 4, column: 1, endLine: 4, endColumn: 40, data: { value: 'Infinity' } },
        { messageId: 'unlimitedSockets', line: 6, column: 1, endLine: 6, endColumn: 36, data: { value: 'Number.MAX_VALUE' } },
      ],
    },
    {
      name: "a page size that does not bound the list",
      code: `
import axios from 'axios';
import { Octokit } from '@octokit/rest';
const octokit = new Octokit();
export async function mirror(org, size) {
  const repos = await octokit.paginate(octokit.rest.repos.listForOrg, { org, per_page: 100 });
  await Promise.all(repos.map((repo) => fetch(repo.url)));
  const { data } = await axios.get('/users', { params: { limit: size } });
  await Promise.all(data.map((user) => fetch(user.avatar)));
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 7, column: 9, endLine: 7, endColumn: 20, data: { combinator: 'Promise.all', amount: 'one request per element of an array of unknown size' } },
        { messageId: 'unboundedFanOut', line: 9, column: 9, endLine: 9, endColumn: 20, data: { combinator: 'Promise.all', amount: 'one request per element of `data`' } },
      ],
    },
    {
      name: "a batch variable that is not awaited",
      code: `
export function warm(urls) {
  let batch;
  for (batch of chunk(urls, 10)) Promise.all(batch.map((url) => fetch(url)));
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 4, column: 34, endLine: 4, endColumn: 45, data: { combinator: 'Promise.all', amount: 'one request per element of `batch`' } },
      ],
    },
    {
      // a URL resolved against a base is a request
      code: `
      export function loadAll(ids, base) {
        return Promise.all(ids.map((id) => fetch(new URL(\`/api/items/\${id}\`, base))));
      }
    `,
      errors: [
        {
          messageId: 'unboundedFanOut',
          data: { combinator: 'Promise.all', amount: 'one request per element of `ids`' },
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 27,
        },
      ],
    },
  ],
});

ruleTester.run('no-unbounded-concurrency: requests known by the names of their clients and helpers', rule, {
  valid: [
    // A database client, even one reached through `client`.
    `
export async function saveAll(db, rows) {
  await Promise.all(rows.map((row) => db.client.query('INSERT INTO t VALUES ($1)', [row.id])));
}
`,
    `
export function saveAll(client, rows) {
  return Promise.all(rows.map((row) => client.query('UPDATE t SET seen = true WHERE id = $1', [row.id])));
}
`,
    // A bare \`client\` in a file that works with a database driver.
    `
import pg from 'pg';
export const pool = new pg.Pool();
export function purge(client, rows) {
  return Promise.all(rows.map((row) => client.deleteRow(row.id)));
}
`,
    // Caches, the file system, loggers and repositories are not HTTP clients.
    `
export function warm(cache, keys) {
  return Promise.all(keys.map((key) => cache.get(key)));
}
`,
    `
export function readAll(redisClient, keys) {
  return Promise.all(keys.map((key) => redisClient.get(key)));
}
`,
    `
import fs from 'node:fs';
export function readAll(paths) {
  return Promise.all(paths.map((path) => fs.promises.readFile(path, 'utf8')));
}
`,
    `
export class Importer {
  constructor(repository, logger) {
    this.repository = repository;
    this.logger = logger;
  }
  async saveAll(items) {
    await Promise.all(items.map((item) => this.repository.save(item)));
    await Promise.all(items.map((item) => this.logger.info(item)));
  }
}
`,
    // A member of an API object whose value is not used as a promise.
    `
export function register(api, devices, seen) {
  devices.forEach((device) => seen.add(api.hap.uuid.generate(device.id)));
}
`,
    // Registering routes on a router named \`api\` sends nothing.
    `
export function mount(api, routes) {
  for (const route of routes) api.get(route.path, (req, res) => res.send(route.body));
}
`,
    // An object of this file, or one it constructs: the model sees what it does.
    `
const api = {
  async label(id) {
    return \`item \${id}\`;
  },
};
export function labels(ids) {
  return Promise.all(ids.map((id) => api.label(id)));
}
`,
    `
import { MemoryStore } from './memory-store';
export function loadAll(ids) {
  const api = new MemoryStore();
  return Promise.all(ids.map((id) => api.load(id)));
}
`,
    // A package the client catalogue does not know is not judged by its name.
    `
import { api } from 'storybook-addons';
export function selectAll(ids) {
  return Promise.all(ids.map((id) => api.selectStory(id)));
}
`,
    // Helpers whose names or modules speak of storage.
    `
import { fetchFromCache } from './helpers';
import { fetchUser } from '../db/users';
export async function load(keys, ids) {
  await Promise.all(keys.map((key) => fetchFromCache(key)));
  return Promise.all(ids.map((id) => fetchUser(id)));
}
`,
    // \`fetch*\` methods are as often a database cursor's.
    `
export function drain(cursors) {
  return Promise.all(cursors.map((cursor) => cursor.fetchAll()));
}
`,
    // Request-sounding names that build, handle or parse requests.
    `
import { buildRequest, handleRequest } from './server';
export async function prepare(items, incoming) {
  await Promise.all(items.map((item) => buildRequest(item)));
  return Promise.all(incoming.map((message) => handleRequest(message)));
}
`,
    // A page of a static size asked for through an API client's options.
    `
export async function describeRunners(api) {
  const { runners } = await api.listRunners({ perPage: 15 });
  return Promise.all(runners.map((runner) => api.getRunner(runner.id)));
}
`,
    // A page size given by a constant of another module.
    `
import { MAX_STEPS_PER_BATCH } from './constants';
export async function poll(automationsApi) {
  const steps = await automationsApi.lockSteps(MAX_STEPS_PER_BATCH);
  await Promise.all(steps.map((step) => automationsApi.runStep(step.id)));
}
`,
    `
import { PAGE_SIZE } from './constants';
export async function recent(base) {
  const res = await fetch(\`\${base}/events?limit=\${PAGE_SIZE}\`);
  const events = await res.json();
  return Promise.all(events.map((event) => fetch(\`\${base}/events/\${event.id}\`)));
}
`,
    // A page size set on the query's URLSearchParams.
    `
export async function latestSessions(base) {
  const query = new URLSearchParams({ state: 'open' });
  query.set('per_page', '15');
  const res = await fetch(\`\${base}/runners?\${query.toString()}\`);
  const runners = await res.json();
  console.log(runners);
  return Promise.allSettled(runners.map((runner) => fetch(\`\${base}/runners/\${runner.id}/latest\`)));
}
`,
    // Two requests, side by side.
    `
import axios from 'axios';
export const profile = (id) => axios.all([axios.get(\`/users/\${id}\`), axios.get(\`/users/\${id}/posts\`)]);
`,
    // A module of storage handed a client is not a request.
    `
import { saveToCache } from './cache/entries';
export function cacheAll(apiClient, entries) {
  return Promise.all(entries.map((entry) => saveToCache(apiClient, entry)));
}
`,
    // A list written in another module of the project is a constant list.
    `
import { SUPPORTED_REGIONS } from './regions';
export function warmAll(api) {
  return Promise.all(SUPPORTED_REGIONS.map((region) => api.warm(region)));
}
`,
    `
const constants_1 = require('./constants');
async function resetAll(api, value) {
  await Promise.all(constants_1.DEPLOY_CONTEXTS.map((context) => api.setValue({ context, value })));
}
module.exports = { resetAll };
`,
  ],
  invalid: [
    {
      name: 'an injected API object',
      code: `
export async function removeAll(api, keys) {
  await Promise.all(keys.map((key) => api.removeVariable({ key })));
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 3, column: 9, endLine: 3, endColumn: 20, data: { combinator: 'Promise.all', amount: 'one request per element of `keys`' } },
      ],
    },
    {
      name: 'an API client kept on the instance',
      code: `
export class Tracker {
  constructor(githubApi) {
    this._githubApi = githubApi;
  }
  closeAll(numbers) {
    return Promise.allSettled(numbers.map((number) => this._githubApi.closeIssue(number)));
  }
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 7, column: 12, endLine: 7, endColumn: 30, data: { combinator: 'Promise.allSettled', amount: 'one request per element of `numbers`' } },
      ],
    },
    {
      name: 'a request helper of another module, called through .call',
      code: `
import { crmApiRequest } from './transport';
export async function loadAll(records) {
  return Promise.all(records.map((record) => crmApiRequest.call(this, 'GET', \`/records/\${record.id}\`)));
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 4, column: 10, endLine: 4, endColumn: 21, data: { combinator: 'Promise.all', amount: 'one request per element of `records`' } },
      ],
    },
    {
      name: 'a request helper of a required module, as compiled code calls it',
      code: `
const transport_1 = require('./transport');
async function describeTables(tables) {
  return await Promise.all(tables.map(async (table) => {
    return await (0, transport_1.apiRequest)('GET', \`/tables/\${table.id}\`);
  }));
}
module.exports = { describeTables };
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 4, column: 16, endLine: 4, endColumn: 27, data: { combinator: 'Promise.all', amount: 'one request per element of `tables`' } },
      ],
    },
    {
      name: 'a fetch helper of another module',
      code: `
import { fetchEntries } from './fetch';
export const syncAll = (types) => Promise.all(types.map((type) => fetchEntries(type)));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 3, column: 35, endLine: 3, endColumn: 46, data: { combinator: 'Promise.all', amount: 'one request per element of `types`' } },
      ],
    },
    {
      name: 'a bare client with a method named like an API call',
      code: `
export function publishAll(client, notes) {
  return Promise.all(notes.map((note) => client.createRelease({ tag: note.tag, body: note.body })));
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 3, column: 10, endLine: 3, endColumn: 21, data: { combinator: 'Promise.all', amount: 'one request per element of `notes`' } },
      ],
    },
    {
      name: 'a client made by a factory of the project',
      code: `
import { getBillingClient } from './clients';
export async function invoices(ids) {
  const billing = getBillingClient();
  return Promise.all(ids.map(async (id) => {
    const invoice = await billing.invoices.retrieve(id);
    return invoice.total;
  }));
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 5, column: 10, endLine: 5, endColumn: 21, data: { combinator: 'Promise.all', amount: 'one request per element of `ids`' } },
      ],
    },
    {
      name: 'an API client handed to a function of another module, pushed in a loop',
      code: `
import { createSecret } from './mutations';
export async function pushSecrets(graphqlClient, secrets) {
  const pending = [];
  for (const [name, value] of Object.entries(secrets)) {
    pending.push(createSecret(graphqlClient, { name, value }));
  }
  await Promise.all(pending);
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 8, column: 9, endLine: 8, endColumn: 20, data: { combinator: 'Promise.all', amount: 'one request per element of `Object.entries(secrets)`' } },
      ],
    },
    {
      name: 'a helper of this file run through .call',
      code: `
import { graphApiRequest } from './transport';
async function listChannels(teamId) {
  return graphApiRequest.call(this, 'GET', \`/teams/\${teamId}/channels\`);
}
export async function allChannels(teams) {
  return Promise.all(teams.map((team) => listChannels.call(this, team.id)));
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 7, column: 10, endLine: 7, endColumn: 21, data: { combinator: 'Promise.all', amount: 'one request per element of `teams`' } },
      ],
    },
    {
      name: 'an axios instance received from elsewhere, called itself',
      code: `
export async function remainingPages(axiosInstance, pages) {
  return Promise.all(pages.map(async (page) => {
    const { data } = await axiosInstance({ url: '/entries', params: { page } });
    return data;
  }));
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 3, column: 10, endLine: 3, endColumn: 21, data: { combinator: 'Promise.all', amount: 'one request per element of `pages`' } },
      ],
    },
    {
      name: 'an injected HTTP service, through a method of the class',
      code: `
export class Registry {
  constructor(httpService) {
    this.httpService = httpService;
  }
  async lookup(name) {
    const res = await firstValueFrom(this.httpService.get(\`https://registry.example.com/\${name}\`));
    return res.data;
  }
  async lookupAll(names) {
    const lookups = [];
    for (const name of names) lookups.push(this.lookup(name).catch(() => null));
    return Promise.all(lookups);
  }
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 13, column: 12, endLine: 13, endColumn: 23, data: { combinator: 'Promise.all', amount: 'one request per element of `names`' } },
      ],
    },
    {
      name: 'an inherited request method',
      code: `
export class Labels extends Client {
  applyAll(issues, label) {
    return Promise.all(issues.map((issue) => this.apiRequest('POST', \`/issues/\${issue}/labels\`, { label })));
  }
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 4, column: 12, endLine: 4, endColumn: 23, data: { combinator: 'Promise.all', amount: 'one request per element of `issues`' } },
      ],
    },
    {
      name: 'a bare client whose API call is a level down',
      code: `
export function releaseAll(client, notes) {
  return Promise.all(notes.map((note) => client.repos.createRelease({ tag_name: note.tag })));
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 3, column: 10, endLine: 3, endColumn: 21, data: { combinator: 'Promise.all', amount: 'one request per element of `notes`' } },
      ],
    },
    {
      name: 'a class of a required module of the project handed an API client',
      code: `
const SecretMutation_1 = require('./graphql/secret-mutation');
async function pushAll(graphqlClient, names) {
  const pending = [];
  for (const name of names) pending.push(SecretMutation_1.SecretMutation.createAsync(graphqlClient, { name }));
  await Promise.all(pending);
}
module.exports = { pushAll };
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 6, column: 9, endLine: 6, endColumn: 20, data: { combinator: 'Promise.all', amount: 'one request per element of `names`' } },
      ],
    },
    {
      name: 'axios.all is Promise.all',
      code: `
import axios from 'axios';
export const loadAll = (ids) => axios.all(ids.map((id) => axios.get(\`/items/\${id}\`)));
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 3, column: 33, endLine: 3, endColumn: 42, data: { combinator: 'axios.all', amount: 'one request per element of `ids`' } },
      ],
    },
    {
      name: 'axios.all of a required axios, over pages pushed in a loop',
      code: `
const axios = require('axios');
module.exports = (count) => {
  const pages = [];
  for (let page = 1; page < count; page++) pages.push(axios.get('https://news.example.com/?p=' + page));
  return axios.all(pages);
};
`,
      output: null,
      errors: [
        { messageId: 'unboundedFanOut', line: 6, column: 10, endLine: 6, endColumn: 19, data: { combinator: 'axios.all', amount: 'an unbounded number of requests (one per loop iteration)' } },
      ],
    },
    {
      name: 'a forEach whose async callback awaits an injected client',
      code: `
export function notifyAll(api, users) {
  users.forEach(async (user) => {
    await api.sendNotification(user.id);
  });
}
`,
      output: null,
      errors: [
        { messageId: 'unboundedIteration', line: 3, column: 3, endLine: 3, endColumn: 16, data: { method: 'forEach', amount: 'one request per element of `users`' } },
      ],
    },
  ],
});

ruleTester.run('no-unbounded-concurrency: constants exported by a CommonJS module', rule, {
  valid: [
    // Compiled TypeScript keeps an exported constant on `exports`: its literal fixes the size.
    `
exports.REGIONS = void 0;
exports.REGIONS = ['eu-west-1', 'us-east-1'];
async function probeAll() {
  return Promise.all(exports.REGIONS.map((region) => fetch(\`https://\${region}.example.com/health\`)));
}
`,
    `
module.exports.MIRRORS = ['https://a.example.com', 'https://b.example.com', 'https://c.example.com'];
async function warm() {
  await Promise.all(module.exports.MIRRORS.map((mirror) => fetch(mirror)));
}
`,
  ],
  invalid: [
    {
      // An export assigned twice, or from data, has no size the code shows.
      code: `
exports.TARGETS = ['a', 'b'];
exports.TARGETS = loadTargets();
async function pingAll() {
  await Promise.all(exports.TARGETS.map((target) => fetch(target)));
}
`,
      errors: [{ messageId: 'unboundedFanOut', line: 5, column: 9, endLine: 5, endColumn: 20, data: { combinator: 'Promise.all', amount: 'one request per element of `exports.TARGETS`' } }],
    },
    {
      // A lower-case export is data the module fills, not a constant.
      code: `
exports.targets = ['a', 'b'];
async function pingAll() {
  await Promise.all(exports.targets.map((target) => fetch(target)));
}
`,
      errors: [{ messageId: 'unboundedFanOut', line: 4, column: 9, endLine: 4, endColumn: 20, data: { combinator: 'Promise.all', amount: 'one request per element of `exports.targets`' } }],
    },
    {
      // A local variable named \`exports\` is not the module's exports.
      code: `
function pingAll(exports) {
  exports.TARGETS = ['a'];
  return Promise.all(exports.TARGETS.map((target) => fetch(target)));
}
`,
      errors: [{ messageId: 'unboundedFanOut', line: 4, column: 10, endLine: 4, endColumn: 21, data: { combinator: 'Promise.all', amount: 'one request per element of `exports.TARGETS`' } }],
    },
  ],
});

describe('options', () => {
  it('rejects unknown options and bad values', () => {
    const linter = new Linter({ configType: 'flat' });
    const verify = (options: unknown): void => {
      linter.verify('fetch(1);', [
        {
          plugins: { 'http-client': { rules: { 'no-unbounded-concurrency': rule } } } as never,
          rules: { 'http-client/no-unbounded-concurrency': ['error', options] },
        },
      ]);
    };
    expect(() => {
      verify({ bogus: 1 });
    }).toThrow(/bogus/u);
    expect(() => {
      verify({ maxInlineElements: -1 });
    }).toThrow(/should be >= 0/u);
    expect(() => {
      verify({ limiters: ['not a name'] });
    }).toThrow(/should match pattern/u);
  });
});
