export * from './types';
export { loadConfig, parseConfig, resolveConfigPath, formatPath, displayPath, DEFAULT_CONFIG } from './load';
