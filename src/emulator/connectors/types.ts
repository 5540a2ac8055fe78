/**
 * The emulator's built-in connector catalog: definitions with realistic specs, plus the behaviour a connector
 * shows through the API (discovery, connection checks, how much a sync moves). The server (../server) serves
 * these; nothing here does I/O.
 */
import type { AirbyteCatalog, DestinationSyncMode, JsonObject } from '../../api/types.js';

export type CheckResult = { ok: true } | { ok: false; message: string };

export interface ConnectorDefinition {
  kind: 'source' | 'destination';
  definitionId: string;
  name: string;
  dockerRepository: string;
  dockerImageTag: string;
  documentationUrl: string;
  /** Sources only. */
  sourceType?: 'api' | 'file' | 'database' | 'custom';
  releaseStage: 'alpha' | 'beta' | 'generally_available' | 'custom';
  supportLevel: 'community' | 'certified' | 'archived' | 'none';
  /** JSON Schema (draft-07) with airbyte_secret marks and oneOf groups with const discriminators. */
  connectionSpecification: JsonObject;
  /** Destinations only. */
  supportedDestinationSyncModes?: DestinationSyncMode[];
  /**
   * Sources only: the catalog `sources/discover_schema` returns for this configuration, with every stream's
   * config set to the server's defaults (see the Config API reference, catalog section).
   */
  discover?(configuration: JsonObject): AirbyteCatalog;
  /** True for a definition served from a loaded connector registry (its catalog is made up, see ../registry.ts). */
  fromRegistry?: boolean;
  /** Sources only: streams the connector suggests, which discovery pre-selects. */
  suggestedStreams?: string[];
  /** Whether `check_connection` succeeds for this configuration (documented rule, e.g. host "unreachable"). */
  check(configuration: JsonObject): CheckResult;
}
