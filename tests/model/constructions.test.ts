import { describe, expect, it } from 'vitest';

import { findAdditionalConstructions, findAgentConstructions } from '../../src/model/constructions';
import { analyze } from './analyze';

/** The agent constructions of `code` the HTTP model does not make itself, as `kind label`. */
function agentsOf(code: string): string[] {
  const { model, sourceCode } = analyze(code);
  return findAgentConstructions(sourceCode, model).map((construction) => `${construction.kind} ${construction.label}`);
}

describe('findAgentConstructions', () => {
  it('finds calls of agent factories in every import shape', () => {
    expect(agentsOf(`import tunnel from 'tunnel'; tunnel.httpsOverHttp({}); tunnel.httpOverHttps({});`)).toEqual([
      'proxy-agent tunnel.httpsOverHttp()',
      'proxy-agent tunnel.httpOverHttps()',
    ]);
    expect(agentsOf(`import { httpsOverHttp as over } from 'tunnel'; over({});`)).toEqual(['proxy-agent over()']);
    expect(agentsOf(`const tunnel = require('tunnel'); tunnel.httpsOverHttps({});`)).toEqual(['proxy-agent tunnel.httpsOverHttps()']);
    expect(agentsOf(`import tunnel from 'tunnel'; tunnel.createTunnel({});`)).toEqual([]);
  });

  it('finds `new` of project subclasses of known agent classes, with the kind they inherit', () => {
    expect(
      agentsOf(`
import https from 'node:https';
import { Pool, ProxyAgent } from 'undici';
import * as undici from 'undici';
class A extends https.Agent {}
class B extends A {}
const C = class extends Pool {};
class D extends ProxyAgent {}
class E extends undici.Client {}
new A(); new B(); new C('http://x'); new D('http://proxy'); new E('http://x');
`),
    ).toEqual(['agent new A()', 'agent new B()', 'pool new C()', 'proxy-agent new D()', 'client new E()']);
    expect(agentsOf(`const { Agent } = require('undici'); class Pinned extends Agent {} new Pinned();`)).toEqual(['agent new Pinned()']);
  });

  it('leaves out classes that extend something else, and shadowed or unknown bases', () => {
    expect(agentsOf(`import { EventEmitter } from 'node:events'; class A extends EventEmitter {} new A();`)).toEqual([]);
    expect(agentsOf(`class Agent {} class A extends Agent {} new A();`)).toEqual([]);
    expect(agentsOf(`import { Agent } from './agent'; class A extends Agent {} new A();`)).toEqual([]);
  });

  it('finds unknown agents written directly in the agent options of a request', () => {
    expect(
      agentsOf(`
import axios from 'axios';
import got from 'got';
import { CustomAgent, MeteredDispatcher, lib } from './net';
axios.get('/a', { httpsAgent: new CustomAgent() });
fetch('/b', { dispatcher: new MeteredDispatcher() });
got('/c', { agent: { https: new lib.TlsAgent() } });
axios.post('/d', { agent: new CustomAgent() }, { httpAgent: new CustomAgent() });
`),
    ).toEqual(['agent new CustomAgent()', 'agent new MeteredDispatcher()', 'agent new lib.TlsAgent()', 'agent new CustomAgent()']);
  });

  it('needs the option key, a request, an agent-like class name and `new`', () => {
    expect(
      agentsOf(`
import axios from 'axios';
import { CustomAgent, Tracker, makeAgent } from './net';
axios.get('/a', { meta: new CustomAgent() });
axios.get('/b', { httpsAgent: new Tracker() });
axios.get('/c', { httpsAgent: makeAgent() });
configure({ httpsAgent: new CustomAgent() });
`),
    ).toEqual([]);
  });

  it('does not repeat what the model constructs itself', () => {
    expect(agentsOf(`import https from 'node:https'; fetch('/', { agent: new https.Agent() });`)).toEqual([]);
  });
});

describe('findAdditionalConstructions', () => {
  it('finds the configured exports in every import shape', () => {
    const { model, sourceCode } = analyze(`
import make from '@acme/http';
import { Pool as P } from '@acme/http';
const acme = require('@acme/http');
make(); new P(); acme.Pool(); new acme.Deep.Agent();
`);
    const found = findAdditionalConstructions(
      sourceCode,
      [
        { module: '@acme/http', export: 'default' },
        { module: '@acme/http', export: 'Pool', kind: 'pool' },
        { module: '@acme/http', export: 'Deep.Agent', kind: 'agent' },
      ],
      model,
    );
    expect(found.map((construction) => `${construction.kind} ${construction.label}`)).toEqual([
      'client make()',
      'pool new P()',
      'pool acme.Pool()',
      'agent new acme.Deep.Agent()',
    ]);
  });
});
