/** Airbyte's connector registry: loading it (file or cached URL) and looking definitions up by id, name or Docker image. */
export { ConnectorRegistry, parseRegistry, registryFrom, type RegistryDefinition, type RegistryKind } from './registry.js';
export {
  isRegistryUrl,
  loadRegistry,
  MAX_REGISTRY_BYTES,
  OSS_REGISTRY_URL,
  REGISTRY_REFRESH_ENV,
  registryCacheFile,
  type RegistrySurroundings,
} from './load.js';
