/**
 * Well-known SDKs whose client methods are network calls. Only `no-unbounded-concurrency` uses
 * this catalogue: calling `s3.send(command)` or `octokit.rest.repos.get(...)` once per element of
 * unbounded data opens as many connections as an unbounded `Promise.all` of `fetch` calls.
 *
 * This is data, with the lookup that interprets it; `model/fan-out-sdks.ts` finds the uses.
 */

/** A class (or factory) of an SDK whose instances send requests. */
export interface SdkClient {
  /**
   * The methods of an instance that send a request. Without it, every method call on the instance,
   * at any depth (`stripe.customers.create()`), is one, except the members in `local`.
   */
  readonly methods?: readonly string[];
  /** Members of an instance that do not send requests (`stripe.webhooks.constructEvent()`). */
  readonly local?: readonly string[];
  /** Methods of an instance that return another client (`kubeConfig.makeApiClient(CoreV1Api)`). */
  readonly factories?: readonly string[];
  /** Static methods of the class that return an instance (`DynamoDBDocumentClient.from(client)`). */
  readonly statics?: readonly string[];
}

/** What one SDK module exports. */
export interface SdkModule {
  /** Exports that create a client with `new X()` or `X()`; `''` is the module export itself (`require('stripe')(key)`). */
  readonly classes?: Readonly<Record<string, SdkClient>>;
  /** Exports matching this pattern also create a client of `client`'s kind (every `*Client` of the AWS SDK). */
  readonly pattern?: { readonly exports: RegExp; readonly client: SdkClient };
  /** The module export is itself a client (`sgMail.send(message)`). */
  readonly module?: SdkClient;
}

/** Any method sends a request. */
const ANY: SdkClient = {};

/** Event-emitter members, which every client that emits events has, and which send nothing. */
const EVENTS = ['addListener', 'emit', 'off', 'on', 'once', 'removeListener'];

// https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/introduction/: `client.send(command)`.
const AWS_CLIENT: SdkClient = { methods: ['send'] };

// https://github.com/octokit/octokit.js#octokit-api-client: `octokit.rest.*`, `octokit.request`,
// `octokit.graphql`, `octokit.paginate`; `hook` and `log` are local.
const OCTOKIT: SdkClient = { local: ['hook', 'log', 'plugin'] };

// https://docs.stripe.com/api: `stripe.customers.create()`; webhooks verify signatures locally.
const STRIPE: SdkClient = { local: ['webhooks', 'setApiVersion', 'setAppInfo', 'setHost', 'setTelemetryEnabled', ...EVENTS] };

/** Modules by import specifier (the AWS SDK's clients are matched by prefix, see {@link sdkModule}). */
export const SDK_MODULES: Readonly<Record<string, SdkModule>> = {
  // https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/Package/-aws-sdk-lib-dynamodb/
  '@aws-sdk/lib-dynamodb': {
    classes: {
      DynamoDBDocumentClient: { methods: ['send'], statics: ['from'] },
      DynamoDBDocument: { local: ['destroy', 'middlewareStack', 'config'], statics: ['from'] },
    },
  },
  '@octokit/rest': { classes: { Octokit: OCTOKIT } },
  '@octokit/core': { classes: { Octokit: OCTOKIT } },
  octokit: { classes: { Octokit: OCTOKIT, App: OCTOKIT } },
  stripe: { classes: { '': STRIPE, Stripe: STRIPE } },
  // https://tools.slack.dev/node-slack-sdk/web-api: `web.chat.postMessage()`.
  '@slack/web-api': { classes: { WebClient: { local: EVENTS } } },
  // https://github.com/kubernetes-client/javascript: `kc.makeApiClient(k8s.CoreV1Api)`, `api.listNamespacedPod()`.
  '@kubernetes/client-node': {
    classes: { KubeConfig: { methods: [], factories: ['makeApiClient'] } },
    pattern: { exports: /^[A-Z]\w*Api$/u, client: ANY },
  },
  // https://github.com/openai/openai-node: `openai.chat.completions.create()`.
  openai: { classes: { '': { local: ['withOptions'] }, OpenAI: { local: ['withOptions'] }, AzureOpenAI: ANY } },
  // https://github.com/anthropics/anthropic-sdk-typescript: `anthropic.messages.create()`.
  '@anthropic-ai/sdk': { classes: { '': { local: ['withOptions'] }, Anthropic: { local: ['withOptions'] } } },
  // https://github.com/makenotion/notion-sdk-js: `notion.pages.retrieve()`.
  '@notionhq/client': { classes: { Client: ANY } },
  // https://github.com/sendgrid/sendgrid-nodejs/tree/main/packages/mail: the module is a client.
  '@sendgrid/mail': { module: { methods: ['send', 'sendMultiple'] }, classes: { MailService: { methods: ['send', 'sendMultiple'] } } },
  '@sendgrid/client': { module: { methods: ['request'] } },
  // https://www.twilio.com/docs/libraries/reference/twilio-node: `twilio(sid, token).messages.create()`.
  twilio: { classes: { '': ANY, Twilio: ANY } },
  // https://resend.com/docs/sdks: `resend.emails.send()`.
  resend: { classes: { Resend: ANY } },
};

/** Every AWS SDK v3 client package: `@aws-sdk/client-s3`, `@aws-sdk/client-dynamodb`... */
const AWS_CLIENT_MODULE: SdkModule = { pattern: { exports: /^\w+Client$/u, client: AWS_CLIENT } };

/** The SDK module an import specifier names, if the plugin knows it. */
export function sdkModule(specifier: string): SdkModule | undefined {
  if (specifier.startsWith('@aws-sdk/client-')) return AWS_CLIENT_MODULE;
  return Object.hasOwn(SDK_MODULES, specifier) ? SDK_MODULES[specifier] : undefined;
}

/** The client an export of `module` creates, if it creates one. */
export function sdkClientOf(module: SdkModule, exportName: string): SdkClient | undefined {
  const named = module.classes && Object.hasOwn(module.classes, exportName) ? module.classes[exportName] : undefined;
  if (named) return named;
  return module.pattern?.exports.test(exportName) === true ? module.pattern.client : undefined;
}

/** `@aws-sdk/client-` or any module of {@link SDK_MODULES} anywhere in a text, in one scan. */
const MENTIONS_SDK = new RegExp(
  ['@aws-sdk/client-', ...Object.keys(SDK_MODULES)].map((name) => name.replaceAll(/[.*+?^${}()|[\]\\/]/gu, String.raw`\$&`)).join('|'),
  'u',
);

/** Does a file whose text is `text` mention an SDK module at all? A cheap test before any analysis. */
export function mentionsSdk(text: string): boolean {
  return MENTIONS_SDK.test(text);
}

/** Is `member` (the first member after the instance) a call that sends a request? */
export function sendsRequest(client: SdkClient, member: string, depth: number): boolean {
  if (client.methods) return depth === 1 && client.methods.includes(member);
  return !(client.local?.includes(member) ?? false);
}
