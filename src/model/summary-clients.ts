/**
 * Which client a TypeScript declaration belongs to, read from where it is declared: a package
 * under `node_modules`, an ambient `declare module 'axios'`, or TypeScript's default library. The
 * client knowledge itself is the catalogue's (`clients/catalogue.ts`).
 */
import type * as ts from 'typescript';
import type { ApiInfo, ApiShape, ClientName } from '../clients/catalogue';
import type { TypeInfo } from './type-info';
import { GLOBAL_FETCH_TYPE_MODULES, instanceShapeOf, MODULE_SHAPES, TYPE_PACKAGES } from '../clients/catalogue';
import { isFetchResponseType, loadTypeScript } from './type-info';

/** A request API a declaration is: the client and the method (`null` when the client itself is called). */
export interface DeclaredRequest {
  readonly client: ClientName;
  readonly method: string | null;
}

/**
 * The module `node` is declared in: the name of an ambient `declare module '<name>'` around it,
 * the package of a file under `node_modules` (`@types/` stripped), `lib` for TypeScript's default
 * library, or `null` for the project's own code.
 */
export function declaringModule(node: ts.Node, info: TypeInfo): string | null {
  const typescript = loadTypeScript();
  // A source file's `parent` is `undefined`, whatever its declared type says.
  for (let current = node.parent as ts.Node | undefined; current; current = current.parent as ts.Node | undefined) {
    if (typescript.isModuleDeclaration(current) && typescript.isStringLiteral(current.name)) return current.name.text;
  }
  const file = node.getSourceFile();
  if (info.services.program.isSourceFileDefaultLibrary(file)) return 'lib';
  const path = file.fileName.replaceAll('\\', '/');
  const at = path.lastIndexOf('/node_modules/');
  if (at === -1) return null;
  const parts = path.slice(at + '/node_modules/'.length).split('/');
  const name = parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? '');
  return name.startsWith('@types/') ? name.slice('@types/'.length) : name;
}

/**
 * The request API `declaration` is, when it is one of a client's: `fetch` of the default library
 * or Node's types, `get` of axios's instance interface, the call signature of `got`.
 */
export function declaredRequest(declaration: ts.Declaration, info: TypeInfo): DeclaredRequest | null {
  const module = declaringModule(declaration, info);
  if (module === null) return null;
  const name = declarationName(declaration);
  if (name === 'fetch' && GLOBAL_FETCH_TYPE_MODULES.has(module)) return { client: 'fetch', method: null };
  const shape = MODULE_SHAPES[TYPE_PACKAGES[module] ?? module];
  if (!shape) return null;
  const own = name === null ? shape.call : memberCall(shape, name);
  const api = own ?? (name === null || name === 'default' || name === 'fetch' ? shape.call : undefined) ?? instanceCall(shape, name);
  return api?.role === 'request' ? { client: api.client, method: api.method } : null;
}

/**
 * The client whose response `type` is (looking through promises): the Fetch `Response`,
 * `AxiosResponse`, got's `Response`, ky's `KyResponse`, undici's `Dispatcher.ResponseData`.
 */
export function responseClientOf(type: ts.Type, info: TypeInfo): ClientName | null {
  const checker = info.checker;
  if (isFetchResponseType(type, checker)) return 'fetch';
  const awaited = checker.getAwaitedType(type) ?? type;
  for (const candidate of awaited.isUnion() ? awaited.types : [awaited]) {
    const symbol = candidate.aliasSymbol ?? candidate.getSymbol();
    const declaration = symbol?.declarations?.[0];
    if (!symbol || !declaration) continue;
    const client = RESPONSE_TYPES[symbol.getName()];
    if (client === undefined) continue;
    const module = declaringModule(declaration, info);
    if (module !== null && (TYPE_PACKAGES[module] ?? module) === client) return client;
  }
  return null;
}

/** Response type names by the client that declares them. */
const RESPONSE_TYPES: Readonly<Record<string, ClientName>> = {
  AxiosResponse: 'axios',
  Response: 'got',
  KyResponse: 'ky',
  ResponseData: 'undici',
};

function declarationName(declaration: ts.Declaration): string | null {
  const name = (declaration as { name?: ts.Node }).name;
  if (!name) return null;
  const typescript = loadTypeScript();
  return typescript.isIdentifier(name) || typescript.isStringLiteral(name) ? name.text : null;
}

function memberCall(shape: ApiShape, name: string): ApiInfo | undefined {
  return shape.members?.[name]?.call;
}

/** A method of the instances a module's factories make (`client.request()` of an undici `Pool`). */
function instanceCall(shape: ApiShape, name: string | null): ApiInfo | undefined {
  const client = shape.call?.client ?? firstClient(shape);
  if (!client || name === null) return undefined;
  return memberCall(instanceShapeOf(client), name);
}

function firstClient(shape: ApiShape): ClientName | null {
  for (const member of Object.values(shape.members ?? {})) {
    const api = member.call ?? member.construct;
    if (api && 'client' in api && api.client) return api.client;
  }
  return null;
}
