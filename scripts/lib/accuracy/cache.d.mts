export function cacheDir(env?: Record<string, string | undefined>, home?: string): string;
export function packageDir(cache: string, name: string, version: string): string;
