// Where `npm run accuracy` keeps the packages it downloads (accuracy/README.md, "Cache"). The cache
// lives outside the repository: the labeled packages are data to read, never part of the plugin.
import os from 'node:os';
import path from 'node:path';

/**
 * The cache folder: `$HTTP_CLIENT_ACCURACY_CACHE`, or
 * `$XDG_CACHE_HOME/eslint-plugin-http-client/accuracy`, or
 * `~/.cache/eslint-plugin-http-client/accuracy`.
 */
export function cacheDir(env = process.env, home = os.homedir()) {
  if (env.HTTP_CLIENT_ACCURACY_CACHE) return path.resolve(env.HTTP_CLIENT_ACCURACY_CACHE);
  const base = env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(home, '.cache');
  return path.join(base, 'eslint-plugin-http-client', 'accuracy');
}

/** The folder a package version is unpacked into; its files are under `package/`. */
export function packageDir(cache, name, version) {
  return path.join(cache, `${name.replaceAll('/', '+')}@${version}`);
}
