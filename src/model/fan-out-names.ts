/**
 * Requests made through clients and helpers the file does not define, known only by their names:
 * `this.api.deleteVariable(id)`, `apiClient.labelIssue(...)`, `octokit.rest.issues.get(...)`,
 * `jiraApiRequest.call(this, 'GET', path)` imported from `./transport`, `fetchEntries(config)`
 * imported from `./fetch`. Only `no-unbounded-concurrency` counts them: a request made once per
 * element of unbounded data, whatever its client, opens as many connections.
 *
 * The evidence is deliberately narrow (each piece is listed in the rule's documentation):
 * - a method call on a receiver whose name is an HTTP or API client's (`api`, `apiClient`,
 *   `githubApi`, `httpClient`, `httpService`, `octokit`, `stripe`, `axiosInstance`...), or on a
 *   variable given the value of a client factory (`const core = await coreApi()`,
 *   `const ci = getCiClient()`). A bare `client` counts only for a method named like an API call
 *   (`client.createRelease(...)`), never in a file that imports a database, cache or queue driver;
 * - a call of a function the file does not define, imported from a relative module, received as
 *   a parameter or inherited (`this.apiRequest(...)`), whose name says it sends a request
 *   (`request`, `*ApiRequest`, `httpRequest`, `sendRequest`, `fetch*`, `httpGet`...), also through
 *   `.call(this, ...)` / `.apply(...)`;
 * - a call of an imported function or method handed such a client (`createSecret(graphqlClient, ...)`).
 *
 * Never evidence: receivers built in the file with `new`, imports of packages (the client
 * catalogue decides for those), calls handed a function (`api.get('/path', handler)` registers a
 * route), and names that speak of storage (`fetchFromCache`, `getDbClient`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils, TSESLint as TSESLintValues } from '@typescript-eslint/utils';

import { getStaticName, isFunctionNode, nameOf, nodesOfType, PROMISE_CHAIN_METHODS, skipWrappersDown, skipWrappersUp, unsequenced } from '../ast/nodes';
import { enclosingClassBody } from '../ast/scope';

/**
 * A text test that every name this module can take as evidence passes: the receivers, suffixes and
 * factories below all contain one of these words, and so do the request function names. The per-file
 * fast path (`relevance.ts`) keeps a file that passes it.
 */
export const NAMED_REQUEST_WORDS = /[Aa]pi|API|[Cc]lient|CLIENT|[Oo]ctokit|[Ss]tripe|[Gg]it[Hh]ub|GITHUB|[Gg]it[Ll]ab|GITLAB|[Rr]equest|REQUEST|[Hh]ttp[A-Z]|HTTP/u;

/** Receiver names of HTTP and API clients, compared without case and leading `_`/`$`. */
const CLIENT_NAMES: ReadonlySet<string> = new Set([
  'api',
  'apiclient',
  'apiservice',
  'axios',
  'github',
  'gitlab',
  'graphqlclient',
  'gqlclient',
  'httpclient',
  'httpservice',
  'octokit',
  'restclient',
  'stripe',
]);

/** Name endings of HTTP and API clients: `githubApi`, `jiraApiClient`, `axiosInstance`, `restHttpClient`. */
const CLIENT_SUFFIX = /(?:[a-z0-9]Api|ApiClient|ApiService|HttpClient|HttpService|RestClient|GraphqlClient|GraphQLClient|Octokit)$|^axios[A-Z]/u;

/** Factories of API clients: `coreApi()`, `getCiClient()`, `createGitHubClient()`. */
const CLIENT_FACTORY = /^(?:get|create|make|build|new|init)?[A-Za-z0-9]*(?:Api|Client)$/u;

/** Words that say a name is about storage, messaging or the local machine rather than HTTP. */
const NOT_HTTP: ReadonlySet<string> = new Set([
  'amqp',
  'cache',
  'cached',
  'database',
  'db',
  'disk',
  'file',
  'files',
  'fs',
  'grpc',
  'kafka',
  'knex',
  'ldap',
  'local',
  'memcache',
  'memcached',
  'mongo',
  'mongodb',
  'mqtt',
  'mysql',
  'nats',
  'pg',
  'postgres',
  'prisma',
  'pubsub',
  'queue',
  'rabbit',
  'redis',
  'repository',
  'sequelize',
  'smtp',
  'socket',
  'sql',
  'sqlite',
  'storage',
  'store',
  'typeorm',
  'websocket',
  'ws',
]);

/** The lower-case words of a camelCase, PascalCase, snake_case or kebab-case name (or module path). */
function wordsOf(name: string): string[] {
  return name
    .split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[^A-Za-z0-9]+/u)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

/** Does a name or module path speak of storage, messaging or the local machine? */
function speaksOfStorage(name: string): boolean {
  return wordsOf(name).some((word) => NOT_HTTP.has(word));
}

/** Members of a client object that are not requests. */
const LOCAL_MEMBERS: ReadonlySet<string> = new Set([
  'addListener',
  'bind',
  'create',
  'debug',
  'defaults',
  'emit',
  'error',
  'getUri',
  'info',
  'interceptors',
  'isAxiosError',
  'isCancel',
  'log',
  'off',
  'on',
  'once',
  'removeListener',
  'toJSON',
  'toString',
  'use',
  'warn',
]);

/** Verbs that start the name of an API call on a bare `client` (`client.createRelease`). */
const API_VERBS = /^(?:archive|cancel|create|delete|download|fetch|list|patch|post|publish|put|remove|retrieve|search|trigger|update|upload)[A-Z]/u;

/** Packages whose `client` is a database, cache or queue connection. */
const DRIVER_MODULE = /^(?:@prisma\/|@google-cloud\/(?:firestore|pubsub|spanner|datastore)|amqplib|better-sqlite3|cassandra-driver|ioredis|kafkajs|knex|mariadb|memcached|mongodb|mongoose|mqtt|mysql2?|nats|pg|postgres|redis|sequelize|sqlite3?|tedious|typeorm|ws)(?:\/|$)/u;

/** Does the name of a function the file does not define say that it sends a request? */
export function isRequestFunctionName(name: string): boolean {
  if (speaksOfStorage(name)) return false;
  return (
    /^request(?:WithAuthentication|OAuth[12])?$/u.test(name) ||
    /^[a-z][A-Za-z0-9]*Api(?:[A-Z][a-z0-9]*)*Request(?:AllItems|WithAuthentication)?$/u.test(name) ||
    /^api[A-Z]?[A-Za-z0-9]*Request(?:AllItems)?$|^apiRequest/u.test(name) ||
    /^(?:authenticated|do|graphql|gql|http|make|perform|raw|rest|send|signed)Request(?:WithAuthentication)?$/u.test(name) ||
    /^http(?:Delete|Fetch|Get|Patch|Post|Put|Send)(?:[A-Z]|$)/u.test(name) ||
    /^fetch[A-Z]/u.test(name)
  );
}

/** Is `name` (a receiver or a variable) the name of an HTTP or API client? */
export function isClientName(name: string): boolean {
  const bare = name.replace(/^[_$]+/u, '');
  if (speaksOfStorage(bare)) return false;
  return CLIENT_NAMES.has(bare.toLowerCase()) || CLIENT_SUFFIX.test(bare);
}

const cache = new WeakMap<TSESTree.Program, ReadonlySet<TSESTree.CallExpression>>();

/** The calls of the file that are requests by the names of their clients and helpers. */
export function findNamedRequests(sourceCode: TSESLint.SourceCode): ReadonlySet<TSESTree.CallExpression> {
  const known = cache.get(sourceCode.ast);
  if (known) return known;
  const found = new Set<TSESTree.CallExpression>();
  cache.set(sourceCode.ast, found);
  const drivers = importsDriver(sourceCode);
  for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.CallExpression)) {
    if (isPromiseUse(node) && isNamedRequest(node, sourceCode, drivers)) found.add(node);
  }
  return found;
}

/** Methods that turn what a client returns into a promise (RxJS observables, Bluebird, old clients). */
const TO_PROMISE: ReadonlySet<string> = new Set(['promise', 'toPromise']);

/** Functions that turn an observable into a promise. */
const FROM_OBSERVABLE: ReadonlySet<string> = new Set(['firstValueFrom', 'lastValueFrom']);

/**
 * Is the value of `call` used as a promise: awaited, yielded, returned, chained with `.then`, or
 * handed to `firstValueFrom`? A name is weak evidence; a call whose value is used otherwise
 * (`map.get(api.hap.uuid.generate(id))`) is no request.
 */
function isPromiseUse(call: TSESTree.CallExpression): boolean {
  let node = skipWrappersUp(call);
  for (;;) {
    const parent = node.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node) break;
    const name = getStaticName(parent) ?? '';
    const member = skipWrappersUp(parent);
    const chained = member.parent;
    if (!PROMISE_CHAIN_METHODS.has(name) && !TO_PROMISE.has(name)) return false;
    if (chained?.type !== AST_NODE_TYPES.CallExpression || chained.callee !== member) return false;
    node = skipWrappersUp(chained);
  }
  let parent = node.parent;
  // `return cond ? api.a() : api.b()`, `return cached ?? api.load()`
  while (
    (parent?.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== node) ||
    (parent?.type === AST_NODE_TYPES.LogicalExpression && parent.right === node)
  ) {
    node = skipWrappersUp(parent);
    parent = node.parent;
  }
  switch (parent?.type) {
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.YieldExpression:
    case AST_NODE_TYPES.ReturnStatement:
      return true;
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === node;
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipWrappersDown(parent.callee);
      const name = nameOf(callee);
      // `firstValueFrom(http.get(url))`, `promises.push(api.send(x))`
      return parent.callee !== node && name !== null && (FROM_OBSERVABLE.has(name) || name === 'push');
    }
    default:
      return false;
  }
}

/** Does the file import or require a database, cache or queue driver? */
function importsDriver(sourceCode: TSESLint.SourceCode): boolean {
  for (const statement of sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && DRIVER_MODULE.test(statement.source.value)) return true;
  }
  return /require\(\s*['"](?:@prisma\/|ioredis|knex|mongodb|mongoose|mysql|pg|postgres|redis|sequelize|sqlite|typeorm)/u.test(sourceCode.text);
}

function isNamedRequest(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode, drivers: boolean): boolean {
  if (call.arguments.some((argument) => isFunctionNode(skipWrappersDown(argument)))) return false;
  let callee = calleeOf(call);
  // `helper.call(this, ...)`, `helper.apply(this, args)`: the helper is what runs.
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed) {
    const name = getStaticName(callee);
    if ((name === 'call' || name === 'apply') && call.arguments.length > 0) callee = unsequenced(callee.object);
  }
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const origin = originOf(callee, sourceCode);
    if (origin.kind === 'client') return true;
    if (origin.kind !== 'opaque') return false;
    // `axiosInstance(config)`, `api('users')`: a client received from elsewhere, called itself.
    if (isClientName(callee.name)) return true;
    // A function the file computed (`limiter.wrap(fn)`) is the model's to judge, not its name's.
    return origin.computed !== true && isOpaqueRequest(callee.name, origin, call, sourceCode);
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getStaticName(callee);
  if (method === null || LOCAL_MEMBERS.has(method)) return false;
  const chain = memberChain(callee.object);
  if (!chain) return false;
  const { root, names } = chain;
  const bases = root.type === AST_NODE_TYPES.Identifier ? [root.name, ...names] : names;
  if (root.type === AST_NODE_TYPES.Identifier) {
    const origin = originOf(root, sourceCode);
    if (origin.kind === 'client') return true;
    if (origin.kind !== 'opaque') return false;
    // `transport_1.apiRequest(...)`, `api.fetchUser(...)`: a function of a module of the project.
    if (origin.source !== null && names.length === 0 && isOpaqueRequest(method, origin, call, sourceCode)) return true;
  } else if (names.length === 0 && ownMethod(callee, method)) {
    // `this.load()` of this class: the model follows its body.
    return false;
  }
  if (bases.some((name) => isClientName(name))) return true;
  // `client.createRelease(...)`, `this.client.repos.deleteLabel(...)`: a bare `client` at the base only.
  const [base] = bases;
  if (base?.replace(/^[_$]+/u, '') === 'client' && !drivers && API_VERBS.test(method)) return true;
  // `this.helpers.httpRequest(...)`; `fetch*` methods are as often a database cursor's.
  if (isRequestFunctionName(method) && !method.startsWith('fetch')) return true;
  // `mutations_1.SecretMutation.create(graphqlClient, input)`: a module of the project handed a client.
  const origin = root.type === AST_NODE_TYPES.Identifier ? originOf(root, sourceCode) : null;
  return origin?.kind === 'opaque' && origin.source !== null && !speaksOfStorage(origin.source) && handsClient(call, sourceCode);
}

/** Is a call of a function the file does not define (`name`, from `origin`) a request by its name or arguments? */
function isOpaqueRequest(
  name: string,
  origin: Extract<Origin, { kind: 'opaque' }>,
  call: TSESTree.CallExpression,
  sourceCode: TSESLint.SourceCode,
): boolean {
  if (origin.source !== null && speaksOfStorage(origin.source)) return false;
  return isRequestFunctionName(name) || (origin.source !== null && handsClient(call, sourceCode));
}

/** The function a call runs, past wrappers and compiled code's `(0, module_1.name)(...)`. */
function calleeOf(call: TSESTree.CallExpression): TSESTree.Node {
  return unsequenced(call.callee);
}


/** Is `member` (`this.name`) a method of the enclosing class? */
function ownMethod(member: TSESTree.MemberExpression, name: string): boolean {
  const classBody = enclosingClassBody(member);
  return (
    classBody?.body.some(
      (element) =>
        (element.type === AST_NODE_TYPES.MethodDefinition || element.type === AST_NODE_TYPES.PropertyDefinition) &&
        getStaticName(element) === name,
    ) ?? false
  );
}

/** `a.b.c` as its root (an identifier or `this`) and the member names after it, or `null`. */
function memberChain(node: TSESTree.Node): { root: TSESTree.Identifier | TSESTree.ThisExpression; names: string[] } | null {
  const names: string[] = [];
  let current = skipWrappersDown(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = getStaticName(current);
    if (name === null) return null;
    names.unshift(name);
    current = skipWrappersDown(current.object);
  }
  if (current.type !== AST_NODE_TYPES.Identifier && current.type !== AST_NODE_TYPES.ThisExpression) return null;
  return { root: current, names };
}

/** Does the call hand an API client to what it calls (`createSecret(graphqlClient, input)`)? */
function handsClient(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): boolean {
  return call.arguments.some((argument) => {
    const inner = skipWrappersDown(argument);
    if (inner.type === AST_NODE_TYPES.Identifier) {
      return isClientName(inner.name) || originOf(inner, sourceCode).kind === 'client';
    }
    return (
      inner.type === AST_NODE_TYPES.MemberExpression &&
      inner.object.type === AST_NODE_TYPES.ThisExpression &&
      isClientName(getStaticName(inner) ?? '')
    );
  });
}

/** Where a name comes from, as far as naming evidence cares. */
type Origin =
  /** Imported from a package, or required from one: the client catalogue decides. */
  | { readonly kind: 'package' }
  /** Created in the file with `new`. */
  | { readonly kind: 'constructed' }
  /** Given the value of a client factory (`const api = await coreApi()`). */
  | { readonly kind: 'client' }
  /** Defined in the file (a function, an object literal), or a global: the model sees what it does. */
  | { readonly kind: 'local' }
  /**
   * From elsewhere: imported from a module of the project (`source`, a relative path), or a
   * parameter, a destructured or computed value (`source` is `null`).
   */
  | { readonly kind: 'opaque'; readonly source: string | null; readonly computed?: boolean };

const LOCAL: Origin = { kind: 'local' };
const ELSEWHERE: Origin = { kind: 'opaque', source: null };
/** A value computed in the file (`const api = ctx.api`, `const load = limiter.wrap(fn)`). */
const COMPUTED: Origin = { kind: 'opaque', source: null, computed: true };

function originOf(identifier: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): Origin {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  if (!variable || variable.defs.length !== 1) return LOCAL;
  const def = variable.defs[0] as TSESLint.Scope.Definition;
  switch (def.type) {
    case TSESLintValues.Scope.DefinitionType.ImportBinding:
      return moduleOrigin((def.parent as TSESTree.ImportDeclaration).source.value);
    case TSESLintValues.Scope.DefinitionType.Parameter:
      return ELSEWHERE;
    case TSESLintValues.Scope.DefinitionType.Variable: {
      if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return LOCAL;
      const init = def.node.init && skipWrappersDown(def.node.init);
      if (!init) return LOCAL;
      const required = requiredModule(init);
      if (required !== null) return moduleOrigin(required);
      if (init.type === AST_NODE_TYPES.NewExpression) return { kind: 'constructed' };
      if (def.node.id !== def.name) return ELSEWHERE;
      if (isClientFactoryCall(init, sourceCode)) return { kind: 'client' };
      // `const api = ctx.api`, `const api = await connect()`: a value from elsewhere.
      return init.type === AST_NODE_TYPES.MemberExpression ||
        init.type === AST_NODE_TYPES.CallExpression ||
        init.type === AST_NODE_TYPES.AwaitExpression
        ? COMPUTED
        : LOCAL;
    }
    default:
      return LOCAL;
  }
}

function moduleOrigin(source: string): Origin {
  return source.startsWith('.') ? { kind: 'opaque', source } : { kind: 'package' };
}

/** The module of `require('x')`, `require('x').y` or `__importDefault(require('x'))`, if `node` is one. */
function requiredModule(node: TSESTree.Node): string | null {
  let current = skipWrappersDown(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = skipWrappersDown(current.object);
  if (current.type !== AST_NODE_TYPES.CallExpression) return null;
  const [argument] = current.arguments;
  if (current.callee.type === AST_NODE_TYPES.Identifier && current.callee.name === 'require') {
    return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value : null;
  }
  // TypeScript's `__importDefault(require('x'))` and `__importStar(require('x'))`.
  const helper = current.callee.type === AST_NODE_TYPES.Identifier ? current.callee.name : '';
  return argument && /^__import(?:Default|Star)$/u.test(helper) ? requiredModule(argument) : null;
}

/** `coreApi()`, `await getCiClient()`: a call of a function of the project that makes a client. */
function isClientFactoryCall(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  const inner = node.type === AST_NODE_TYPES.AwaitExpression ? skipWrappersDown(node.argument) : node;
  if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = calleeOf(inner);
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const name = callee.name;
  if (!CLIENT_FACTORY.test(name) || speaksOfStorage(name) || name === 'createClient') return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(callee), callee);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === TSESLintValues.Scope.DefinitionType.FunctionName) return true;
  if (def?.type !== TSESLintValues.Scope.DefinitionType.ImportBinding) return false;
  const source = (def.parent as TSESTree.ImportDeclaration).source.value;
  return source.startsWith('.') && !speaksOfStorage(source);
}
