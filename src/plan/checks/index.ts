/** Pure checks that `plan` and `apply` run against the live server's specs and catalogs before any write. */
export { checkConfiguration, validatorFor, type ConfigurationCheck } from './configuration.js';
export { coerceString, coerceWholeVars } from './coerce.js';
export { checkStreams } from './streams.js';
export { matchStream, type StreamMatch } from './stream-match.js';
export { resolveDefinition, type DefinitionResolution } from './definition.js';
