// @ts-nocheck
// Generated from schemas/pipeline.schema.json by scripts/generate-schema-validator.mjs: do not edit.
// After changing the schema, run `npm run generate` (test/pipeline/schema-validator.test.ts fails until you do).
import type { ErrorObject } from 'ajv';
import { createRequire } from 'node:module';
const requireRuntime = createRequire(import.meta.url);
const schema11 = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/airbyte-gitops/airbyte-gitops/schemas/pipeline.schema.json',
  title: 'airbyte-gitops pipeline',
  description:
    'Airbyte sources, destinations and connections kept in Git. All files given to airbyte-gitops merge into one pipeline. Any string value may use ${VAR} or ${VAR:-default} (environment variables); $${ writes a literal ${.',
  type: 'object',
  additionalProperties: false,
  properties: {
    workspace: {
      title: 'Workspace',
      description: 'The Airbyte workspace, by name, slug or id. The --workspace flag and the AIRBYTE_WORKSPACE variable take precedence.',
      type: 'string',
      minLength: 1,
    },
    sources: {
      title: 'Sources',
      description: 'Sources this pipeline manages or refers to. Identity is the name, unique among sources.',
      type: 'array',
      items: { $ref: '#/definitions/actor' },
    },
    destinations: {
      title: 'Destinations',
      description: 'Destinations this pipeline manages or refers to. Identity is the name, unique among destinations.',
      type: 'array',
      items: { $ref: '#/definitions/actor' },
    },
    connections: {
      title: 'Connections',
      description: 'Connections from a source to a destination. Identity is the name, unique among connections.',
      type: 'array',
      items: { $ref: '#/definitions/connection' },
    },
  },
  definitions: {
    name: {
      title: 'Name',
      description:
        "The resource's name in Airbyte; its identity within its kind. One line of visible text: control characters (U+0000–U+001F, U+007F–U+009F), line separators and bidi marks, overrides and isolates (U+061C, U+200E, U+200F, U+2028–U+202E, U+2066–U+2069) are refused.",
      type: 'string',
      minLength: 1,
      pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
    },
    previousNames: {
      title: 'Previous names',
      description:
        "Names this resource had before. apply renames a resource found under an old name in place instead of deleting and re-creating it. The same characters as in 'name' are refused.",
      type: 'array',
      items: { type: 'string', minLength: 1, pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' },
    },
    actor: {
      title: 'Source or destination',
      description:
        "With only 'name': a reference to an existing resource that this pipeline never changes. With 'definition' and 'configuration': a resource this pipeline manages.",
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      dependencies: { definition: ['configuration'], configuration: ['definition'] },
      properties: {
        name: { $ref: '#/definitions/name' },
        definition: {
          title: 'Connector definition',
          description:
            'The connector: its definition name (case-insensitive, exact, e.g. Postgres or S3), its docker repository (airbyte/source-postgres or source-postgres) or its definition id (uuid).',
          type: 'string',
          minLength: 1,
        },
        configuration: {
          title: 'Connector configuration',
          description: "The connector's own configuration (Airbyte's connectionConfiguration). Checked against the connector's spec by plan and apply.",
          type: 'object',
        },
        previousNames: { $ref: '#/definitions/previousNames' },
      },
    },
    connection: {
      title: 'Connection',
      description: 'Syncs streams from a source to a destination.',
      type: 'object',
      additionalProperties: false,
      required: ['name', 'source', 'destination'],
      properties: {
        name: { $ref: '#/definitions/name' },
        source: {
          title: 'Source',
          description: 'The source, by name. It must be declared in the pipeline (a name-only reference is enough).',
          type: 'string',
          minLength: 1,
          pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
        },
        destination: {
          title: 'Destination',
          description: 'The destination, by name. It must be declared in the pipeline (a name-only reference is enough).',
          type: 'string',
          minLength: 1,
          pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
        },
        status: { title: 'Status', description: 'active runs on schedule; inactive does not. Default active.', type: 'string', enum: ['active', 'inactive'] },
        schedule: { $ref: '#/definitions/schedule' },
        namespaceDefinition: {
          title: 'Namespace definition',
          description:
            "Where streams land: the source's namespace, the destination's default, or namespaceFormat (customformat). Unset leaves Airbyte's value alone.",
          type: 'string',
          enum: ['source', 'destination', 'customformat'],
        },
        namespaceFormat: {
          title: 'Namespace format',
          description:
            "The destination namespace when namespaceDefinition is customformat, e.g. ${SOURCE_NAMESPACE}_raw (write $${SOURCE_NAMESPACE} in the YAML to keep Airbyte's own placeholder).",
          type: 'string',
        },
        prefix: { title: 'Stream prefix', description: 'Prepended to every destination stream name.', type: 'string' },
        nonBreakingChangesPreference: {
          title: 'Non-breaking schema changes',
          description: 'What Airbyte does when the source schema changes in a non-breaking way.',
          type: 'string',
          enum: ['ignore', 'disable', 'propagate_columns', 'propagate_fully'],
        },
        notifySchemaChanges: {
          title: 'Notify of schema changes',
          description: "Whether Airbyte sends its schema-change notifications (Slack, webhook) for this connection. Unset leaves Airbyte's value alone.",
          type: 'boolean',
        },
        notifySchemaChangesByEmail: {
          title: 'Email schema changes',
          description: "Whether Airbyte emails about schema changes of this connection. Unset leaves Airbyte's value alone.",
          type: 'boolean',
        },
        allStreams: { $ref: '#/definitions/allStreams' },
        streams: {
          title: 'Streams',
          description:
            'The streams to sync, each with its sync modes (at least one); streams not listed are not synced. With allStreams: optional per-stream overrides, each a stream the source offers and not excluded.',
          type: 'array',
          items: { $ref: '#/definitions/stream' },
        },
        previousNames: { $ref: '#/definitions/previousNames' },
      },
      allOf: [
        { if: { properties: { namespaceDefinition: { const: 'customformat' } }, required: ['namespaceDefinition'] }, then: { required: ['namespaceFormat'] } },
        {
          if: { not: { required: ['allStreams'] } },
          then: {
            required: ['streams'],
            properties: { streams: { title: 'Streams', description: 'Without allStreams, at least one stream.', type: 'array', minItems: 1 } },
          },
        },
      ],
    },
    allStreams: {
      title: 'All streams',
      description:
        "Sync every stream the source offers, tables added upstream later included (plan shows them first). true, or a mapping to narrow it: only some namespaces, minus excluded streams, with default sync modes. 'streams' then holds optional per-stream overrides. To sync only the streams listed under 'streams', leave allStreams out (false is refused).",
      type: ['boolean', 'object'],
      additionalProperties: false,
      properties: {
        namespaces: {
          title: 'Namespaces',
          description: 'Only streams of these namespaces (e.g. Postgres schemas). Omit for every namespace; an empty list is refused.',
          type: 'array',
          minItems: 1,
          items: { type: 'string', pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' },
        },
        exclude: {
          title: 'Excluded streams',
          description: 'Streams not to sync: a stream name (excluded in every namespace) or { name, namespace } (in that namespace only).',
          type: 'array',
          items: { $ref: '#/definitions/excludedStream' },
        },
        syncMode: {
          title: 'Default sync mode',
          description: "The sync mode of every stream not overridden under 'streams'. Omit for Airbyte's default per stream.",
          type: 'string',
          enum: ['full_refresh', 'incremental'],
        },
        destinationSyncMode: {
          title: 'Default destination sync mode',
          description:
            "The destination sync mode of every stream not overridden under 'streams'. Omit for Airbyte's default per stream, kept to the modes the destination supports.",
          type: 'string',
          enum: ['append', 'overwrite', 'append_dedup', 'overwrite_dedup'],
        },
      },
      if: { type: 'boolean' },
      then: { const: true },
    },
    excludedStream: {
      title: 'Excluded stream',
      description:
        "A stream name (excluded in every namespace), or { name, namespace } to exclude it in one namespace only. The same characters as in a stream's name are refused.",
      type: ['string', 'object'],
      minLength: 1,
      pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: {
          title: 'Stream name',
          description: "The stream's name as the source reports it.",
          type: 'string',
          minLength: 1,
          pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
        },
        namespace: {
          title: 'Stream namespace',
          description: "The stream's namespace as the source reports it; omit to exclude the name in every namespace.",
          type: 'string',
          pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
        },
      },
    },
    schedule: {
      title: 'Schedule',
      description: 'manual (the default), every N units ({ units: 6, timeUnit: hours }), or a Quartz cron expression ({ cron: "0 0 2 * * ?", timezone: UTC }).',
      oneOf: [
        { title: 'Manual', description: 'Syncs run only when triggered.', type: 'string', const: 'manual' },
        {
          title: 'Every N units',
          type: 'object',
          additionalProperties: false,
          required: ['units', 'timeUnit'],
          properties: {
            units: { title: 'Units', description: 'How many time units between syncs (a positive integer).', type: 'integer', minimum: 1 },
            timeUnit: { title: 'Time unit', description: "The unit of 'units'.", type: 'string', enum: ['minutes', 'hours', 'days', 'weeks', 'months'] },
          },
        },
        {
          title: 'Cron',
          type: 'object',
          additionalProperties: false,
          required: ['cron'],
          properties: {
            cron: {
              title: 'Cron expression',
              description: 'A Quartz cron expression with 6 or 7 fields: seconds minutes hours day-of-month month day-of-week [year], e.g. "0 0 2 * * ?".',
              type: 'string',
            },
            timezone: {
              title: 'Time zone',
              description: 'An IANA time zone such as UTC or Europe/Paris (default UTC). Zones starting with Etc are rejected by Airbyte.',
              type: 'string',
            },
          },
        },
      ],
    },
    stream: {
      title: 'Stream',
      description: "One stream of the source's catalog and how it syncs.",
      type: 'object',
      additionalProperties: false,
      required: ['name', 'syncMode', 'destinationSyncMode'],
      properties: {
        name: {
          title: 'Stream name',
          description:
            "The stream's name as the source reports it. One line of visible text: control characters (U+0000–U+001F, U+007F–U+009F), line separators and bidi marks, overrides and isolates (U+061C, U+200E, U+200F, U+2028–U+202E, U+2066–U+2069) are refused.",
          type: 'string',
          minLength: 1,
          pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
        },
        namespace: {
          title: 'Stream namespace',
          description:
            "The stream's namespace as the source reports it (e.g. a Postgres schema). Omit to match the stream by name. The same characters as in the stream's name are refused.",
          type: 'string',
          pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
        },
        syncMode: {
          title: 'Sync mode',
          description: 'How the source reads: full_refresh re-reads everything, incremental reads only new or changed records.',
          type: 'string',
          enum: ['full_refresh', 'incremental'],
        },
        destinationSyncMode: {
          title: 'Destination sync mode',
          description: 'How the destination writes. The destination must support it (S3 has no append_dedup).',
          type: 'string',
          enum: ['append', 'overwrite', 'append_dedup', 'overwrite_dedup'],
        },
        cursorField: {
          title: 'Cursor field',
          description: 'For incremental: the field path that orders records, e.g. [updated_at]. Omit when the source defines its own cursor.',
          type: 'array',
          items: { type: 'string', minLength: 1 },
        },
        primaryKey: {
          title: 'Primary key',
          description: 'For deduplication: a list of field paths, e.g. [[id]] or [[tenant_id], [id]].',
          type: 'array',
          items: { type: 'array', items: { type: 'string', minLength: 1 } },
        },
        selectedFields: {
          title: 'Selected fields',
          description: 'Top-level fields to sync. Omit to sync every field.',
          type: 'array',
          items: { type: 'string', minLength: 1 },
        },
      },
    },
  },
};
const func2 = requireRuntime('ajv/dist/runtime/ucs2length').default;
const schema12 = {
  title: 'Source or destination',
  description:
    "With only 'name': a reference to an existing resource that this pipeline never changes. With 'definition' and 'configuration': a resource this pipeline manages.",
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  dependencies: { definition: ['configuration'], configuration: ['definition'] },
  properties: {
    name: { $ref: '#/definitions/name' },
    definition: {
      title: 'Connector definition',
      description:
        'The connector: its definition name (case-insensitive, exact, e.g. Postgres or S3), its docker repository (airbyte/source-postgres or source-postgres) or its definition id (uuid).',
      type: 'string',
      minLength: 1,
    },
    configuration: {
      title: 'Connector configuration',
      description: "The connector's own configuration (Airbyte's connectionConfiguration). Checked against the connector's spec by plan and apply.",
      type: 'object',
    },
    previousNames: { $ref: '#/definitions/previousNames' },
  },
};
const schema13 = {
  title: 'Name',
  description:
    "The resource's name in Airbyte; its identity within its kind. One line of visible text: control characters (U+0000–U+001F, U+007F–U+009F), line separators and bidi marks, overrides and isolates (U+061C, U+200E, U+200F, U+2028–U+202E, U+2066–U+2069) are refused.",
  type: 'string',
  minLength: 1,
  pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
};
const schema14 = {
  title: 'Previous names',
  description:
    "Names this resource had before. apply renames a resource found under an old name in place instead of deleting and re-creating it. The same characters as in 'name' are refused.",
  type: 'array',
  items: { type: 'string', minLength: 1, pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' },
};
const pattern0 = new RegExp('^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$', 'u');
function validate11(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.name === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'name' },
        message: "must have required property '" + 'name' + "'",
        schema: schema12.required,
        parentSchema: schema12,
        data,
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'name' || key0 === 'definition' || key0 === 'configuration' || key0 === 'previousNames')) {
        const err1 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema12,
          data,
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.definition !== undefined) {
      if (data.configuration === undefined) {
        const err2 = {
          instancePath,
          schemaPath: '#/dependencies',
          keyword: 'dependencies',
          params: { property: 'definition', missingProperty: 'configuration', depsCount: 1, deps: 'configuration' },
          message: 'must have property configuration when property definition is present',
          schema: schema12.dependencies,
          parentSchema: schema12,
          data,
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.configuration !== undefined) {
      if (data.definition === undefined) {
        const err3 = {
          instancePath,
          schemaPath: '#/dependencies',
          keyword: 'dependencies',
          params: { property: 'configuration', missingProperty: 'definition', depsCount: 1, deps: 'definition' },
          message: 'must have property definition when property configuration is present',
          schema: schema12.dependencies,
          parentSchema: schema12,
          data,
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.name !== undefined) {
      let data0 = data.name;
      if (typeof data0 === 'string') {
        if (func2(data0) < 1) {
          const err4 = {
            instancePath: instancePath + '/name',
            schemaPath: '#/definitions/name/minLength',
            keyword: 'minLength',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 characters',
            schema: 1,
            parentSchema: schema13,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
        if (!pattern0.test(data0)) {
          const err5 = {
            instancePath: instancePath + '/name',
            schemaPath: '#/definitions/name/pattern',
            keyword: 'pattern',
            params: { pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' },
            message: 'must match pattern "' + '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' + '"',
            schema: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
            parentSchema: schema13,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = {
          instancePath: instancePath + '/name',
          schemaPath: '#/definitions/name/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema13.type,
          parentSchema: schema13,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.definition !== undefined) {
      let data1 = data.definition;
      if (typeof data1 === 'string') {
        if (func2(data1) < 1) {
          const err7 = {
            instancePath: instancePath + '/definition',
            schemaPath: '#/properties/definition/minLength',
            keyword: 'minLength',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 characters',
            schema: 1,
            parentSchema: schema12.properties.definition,
            data: data1,
          };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = {
          instancePath: instancePath + '/definition',
          schemaPath: '#/properties/definition/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema12.properties.definition.type,
          parentSchema: schema12.properties.definition,
          data: data1,
        };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.configuration !== undefined) {
      let data2 = data.configuration;
      if (!(data2 && typeof data2 == 'object' && !Array.isArray(data2))) {
        const err9 = {
          instancePath: instancePath + '/configuration',
          schemaPath: '#/properties/configuration/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema12.properties.configuration.type,
          parentSchema: schema12.properties.configuration,
          data: data2,
        };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.previousNames !== undefined) {
      let data3 = data.previousNames;
      if (Array.isArray(data3)) {
        const len0 = data3.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data4 = data3[i0];
          if (typeof data4 === 'string') {
            if (func2(data4) < 1) {
              const err10 = {
                instancePath: instancePath + '/previousNames/' + i0,
                schemaPath: '#/definitions/previousNames/items/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
                schema: 1,
                parentSchema: schema14.items,
                data: data4,
              };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
            if (!pattern0.test(data4)) {
              const err11 = {
                instancePath: instancePath + '/previousNames/' + i0,
                schemaPath: '#/definitions/previousNames/items/pattern',
                keyword: 'pattern',
                params: { pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' },
                message: 'must match pattern "' + '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' + '"',
                schema: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
                parentSchema: schema14.items,
                data: data4,
              };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
            }
          } else {
            const err12 = {
              instancePath: instancePath + '/previousNames/' + i0,
              schemaPath: '#/definitions/previousNames/items/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema14.items.type,
              parentSchema: schema14.items,
              data: data4,
            };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
      } else {
        const err13 = {
          instancePath: instancePath + '/previousNames',
          schemaPath: '#/definitions/previousNames/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema14.type,
          parentSchema: schema14,
          data: data3,
        };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
  } else {
    const err14 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema12.type,
      parentSchema: schema12,
      data,
    };
    if (vErrors === null) {
      vErrors = [err14];
    } else {
      vErrors.push(err14);
    }
    errors++;
  }
  validate11.errors = vErrors;
  return errors === 0;
}
const schema15 = {
  title: 'Connection',
  description: 'Syncs streams from a source to a destination.',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'source', 'destination'],
  properties: {
    name: { $ref: '#/definitions/name' },
    source: {
      title: 'Source',
      description: 'The source, by name. It must be declared in the pipeline (a name-only reference is enough).',
      type: 'string',
      minLength: 1,
      pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
    },
    destination: {
      title: 'Destination',
      description: 'The destination, by name. It must be declared in the pipeline (a name-only reference is enough).',
      type: 'string',
      minLength: 1,
      pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
    },
    status: { title: 'Status', description: 'active runs on schedule; inactive does not. Default active.', type: 'string', enum: ['active', 'inactive'] },
    schedule: { $ref: '#/definitions/schedule' },
    namespaceDefinition: {
      title: 'Namespace definition',
      description:
        "Where streams land: the source's namespace, the destination's default, or namespaceFormat (customformat). Unset leaves Airbyte's value alone.",
      type: 'string',
      enum: ['source', 'destination', 'customformat'],
    },
    namespaceFormat: {
      title: 'Namespace format',
      description:
        "The destination namespace when namespaceDefinition is customformat, e.g. ${SOURCE_NAMESPACE}_raw (write $${SOURCE_NAMESPACE} in the YAML to keep Airbyte's own placeholder).",
      type: 'string',
    },
    prefix: { title: 'Stream prefix', description: 'Prepended to every destination stream name.', type: 'string' },
    nonBreakingChangesPreference: {
      title: 'Non-breaking schema changes',
      description: 'What Airbyte does when the source schema changes in a non-breaking way.',
      type: 'string',
      enum: ['ignore', 'disable', 'propagate_columns', 'propagate_fully'],
    },
    notifySchemaChanges: {
      title: 'Notify of schema changes',
      description: "Whether Airbyte sends its schema-change notifications (Slack, webhook) for this connection. Unset leaves Airbyte's value alone.",
      type: 'boolean',
    },
    notifySchemaChangesByEmail: {
      title: 'Email schema changes',
      description: "Whether Airbyte emails about schema changes of this connection. Unset leaves Airbyte's value alone.",
      type: 'boolean',
    },
    allStreams: { $ref: '#/definitions/allStreams' },
    streams: {
      title: 'Streams',
      description:
        'The streams to sync, each with its sync modes (at least one); streams not listed are not synced. With allStreams: optional per-stream overrides, each a stream the source offers and not excluded.',
      type: 'array',
      items: { $ref: '#/definitions/stream' },
    },
    previousNames: { $ref: '#/definitions/previousNames' },
  },
  allOf: [
    { if: { properties: { namespaceDefinition: { const: 'customformat' } }, required: ['namespaceDefinition'] }, then: { required: ['namespaceFormat'] } },
    {
      if: { not: { required: ['allStreams'] } },
      then: {
        required: ['streams'],
        properties: { streams: { title: 'Streams', description: 'Without allStreams, at least one stream.', type: 'array', minItems: 1 } },
      },
    },
  ],
};
const schema17 = {
  title: 'Schedule',
  description: 'manual (the default), every N units ({ units: 6, timeUnit: hours }), or a Quartz cron expression ({ cron: "0 0 2 * * ?", timezone: UTC }).',
  oneOf: [
    { title: 'Manual', description: 'Syncs run only when triggered.', type: 'string', const: 'manual' },
    {
      title: 'Every N units',
      type: 'object',
      additionalProperties: false,
      required: ['units', 'timeUnit'],
      properties: {
        units: { title: 'Units', description: 'How many time units between syncs (a positive integer).', type: 'integer', minimum: 1 },
        timeUnit: { title: 'Time unit', description: "The unit of 'units'.", type: 'string', enum: ['minutes', 'hours', 'days', 'weeks', 'months'] },
      },
    },
    {
      title: 'Cron',
      type: 'object',
      additionalProperties: false,
      required: ['cron'],
      properties: {
        cron: {
          title: 'Cron expression',
          description: 'A Quartz cron expression with 6 or 7 fields: seconds minutes hours day-of-month month day-of-week [year], e.g. "0 0 2 * * ?".',
          type: 'string',
        },
        timezone: {
          title: 'Time zone',
          description: 'An IANA time zone such as UTC or Europe/Paris (default UTC). Zones starting with Etc are rejected by Airbyte.',
          type: 'string',
        },
      },
    },
  ],
};
const schema20 = {
  title: 'Stream',
  description: "One stream of the source's catalog and how it syncs.",
  type: 'object',
  additionalProperties: false,
  required: ['name', 'syncMode', 'destinationSyncMode'],
  properties: {
    name: {
      title: 'Stream name',
      description:
        "The stream's name as the source reports it. One line of visible text: control characters (U+0000–U+001F, U+007F–U+009F), line separators and bidi marks, overrides and isolates (U+061C, U+200E, U+200F, U+2028–U+202E, U+2066–U+2069) are refused.",
      type: 'string',
      minLength: 1,
      pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
    },
    namespace: {
      title: 'Stream namespace',
      description:
        "The stream's namespace as the source reports it (e.g. a Postgres schema). Omit to match the stream by name. The same characters as in the stream's name are refused.",
      type: 'string',
      pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
    },
    syncMode: {
      title: 'Sync mode',
      description: 'How the source reads: full_refresh re-reads everything, incremental reads only new or changed records.',
      type: 'string',
      enum: ['full_refresh', 'incremental'],
    },
    destinationSyncMode: {
      title: 'Destination sync mode',
      description: 'How the destination writes. The destination must support it (S3 has no append_dedup).',
      type: 'string',
      enum: ['append', 'overwrite', 'append_dedup', 'overwrite_dedup'],
    },
    cursorField: {
      title: 'Cursor field',
      description: 'For incremental: the field path that orders records, e.g. [updated_at]. Omit when the source defines its own cursor.',
      type: 'array',
      items: { type: 'string', minLength: 1 },
    },
    primaryKey: {
      title: 'Primary key',
      description: 'For deduplication: a list of field paths, e.g. [[id]] or [[tenant_id], [id]].',
      type: 'array',
      items: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
    selectedFields: {
      title: 'Selected fields',
      description: 'Top-level fields to sync. Omit to sync every field.',
      type: 'array',
      items: { type: 'string', minLength: 1 },
    },
  },
};
const func6 = Object.prototype.hasOwnProperty;
const schema18 = {
  title: 'All streams',
  description:
    "Sync every stream the source offers, tables added upstream later included (plan shows them first). true, or a mapping to narrow it: only some namespaces, minus excluded streams, with default sync modes. 'streams' then holds optional per-stream overrides. To sync only the streams listed under 'streams', leave allStreams out (false is refused).",
  type: ['boolean', 'object'],
  additionalProperties: false,
  properties: {
    namespaces: {
      title: 'Namespaces',
      description: 'Only streams of these namespaces (e.g. Postgres schemas). Omit for every namespace; an empty list is refused.',
      type: 'array',
      minItems: 1,
      items: { type: 'string', pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' },
    },
    exclude: {
      title: 'Excluded streams',
      description: 'Streams not to sync: a stream name (excluded in every namespace) or { name, namespace } (in that namespace only).',
      type: 'array',
      items: { $ref: '#/definitions/excludedStream' },
    },
    syncMode: {
      title: 'Default sync mode',
      description: "The sync mode of every stream not overridden under 'streams'. Omit for Airbyte's default per stream.",
      type: 'string',
      enum: ['full_refresh', 'incremental'],
    },
    destinationSyncMode: {
      title: 'Default destination sync mode',
      description:
        "The destination sync mode of every stream not overridden under 'streams'. Omit for Airbyte's default per stream, kept to the modes the destination supports.",
      type: 'string',
      enum: ['append', 'overwrite', 'append_dedup', 'overwrite_dedup'],
    },
  },
  if: { type: 'boolean' },
  then: { const: true },
};
const schema19 = {
  title: 'Excluded stream',
  description:
    "A stream name (excluded in every namespace), or { name, namespace } to exclude it in one namespace only. The same characters as in a stream's name are refused.",
  type: ['string', 'object'],
  minLength: 1,
  pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: {
      title: 'Stream name',
      description: "The stream's name as the source reports it.",
      type: 'string',
      minLength: 1,
      pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
    },
    namespace: {
      title: 'Stream namespace',
      description: "The stream's namespace as the source reports it; omit to exclude the name in every namespace.",
      type: 'string',
      pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
    },
  },
};
function validate15(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (typeof data !== 'boolean' && !(data && typeof data == 'object' && !Array.isArray(data))) {
    const err0 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: schema18.type },
      message: 'must be boolean,object',
      schema: schema18.type,
      parentSchema: schema18,
      data,
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  const _errs1 = errors;
  let valid0 = true;
  const _errs2 = errors;
  if (typeof data !== 'boolean') {
    const err1 = {};
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  var _valid0 = _errs2 === errors;
  errors = _errs1;
  if (vErrors !== null) {
    if (_errs1) {
      vErrors.length = _errs1;
    } else {
      vErrors = null;
    }
  }
  if (_valid0) {
    const _errs4 = errors;
    if (true !== data) {
      const err2 = {
        instancePath,
        schemaPath: '#/then/const',
        keyword: 'const',
        params: { allowedValue: true },
        message: 'must be equal to constant',
        schema: true,
        parentSchema: schema18.then,
        data,
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    var _valid0 = _errs4 === errors;
    valid0 = _valid0;
  }
  if (!valid0) {
    const err3 = {
      instancePath,
      schemaPath: '#/if',
      keyword: 'if',
      params: { failingKeyword: 'then' },
      message: 'must match "then" schema',
      schema: schema18.if,
      parentSchema: schema18,
      data,
    };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(key0 === 'namespaces' || key0 === 'exclude' || key0 === 'syncMode' || key0 === 'destinationSyncMode')) {
        const err4 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema18,
          data,
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.namespaces !== undefined) {
      let data0 = data.namespaces;
      if (Array.isArray(data0)) {
        if (data0.length < 1) {
          const err5 = {
            instancePath: instancePath + '/namespaces',
            schemaPath: '#/properties/namespaces/minItems',
            keyword: 'minItems',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 items',
            schema: 1,
            parentSchema: schema18.properties.namespaces,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (typeof data1 === 'string') {
            if (!pattern0.test(data1)) {
              const err6 = {
                instancePath: instancePath + '/namespaces/' + i0,
                schemaPath: '#/properties/namespaces/items/pattern',
                keyword: 'pattern',
                params: { pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' },
                message: 'must match pattern "' + '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' + '"',
                schema: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
                parentSchema: schema18.properties.namespaces.items,
                data: data1,
              };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
          } else {
            const err7 = {
              instancePath: instancePath + '/namespaces/' + i0,
              schemaPath: '#/properties/namespaces/items/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema18.properties.namespaces.items.type,
              parentSchema: schema18.properties.namespaces.items,
              data: data1,
            };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
      } else {
        const err8 = {
          instancePath: instancePath + '/namespaces',
          schemaPath: '#/properties/namespaces/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema18.properties.namespaces.type,
          parentSchema: schema18.properties.namespaces,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.exclude !== undefined) {
      let data2 = data.exclude;
      if (Array.isArray(data2)) {
        const len1 = data2.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data3 = data2[i1];
          if (typeof data3 !== 'string' && !(data3 && typeof data3 == 'object' && !Array.isArray(data3))) {
            const err9 = {
              instancePath: instancePath + '/exclude/' + i1,
              schemaPath: '#/definitions/excludedStream/type',
              keyword: 'type',
              params: { type: schema19.type },
              message: 'must be string,object',
              schema: schema19.type,
              parentSchema: schema19,
              data: data3,
            };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
          if (typeof data3 === 'string') {
            if (func2(data3) < 1) {
              const err10 = {
                instancePath: instancePath + '/exclude/' + i1,
                schemaPath: '#/definitions/excludedStream/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
                schema: 1,
                parentSchema: schema19,
                data: data3,
              };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
            if (!pattern0.test(data3)) {
              const err11 = {
                instancePath: instancePath + '/exclude/' + i1,
                schemaPath: '#/definitions/excludedStream/pattern',
                keyword: 'pattern',
                params: { pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' },
                message: 'must match pattern "' + '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' + '"',
                schema: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
                parentSchema: schema19,
                data: data3,
              };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
            }
          }
          if (data3 && typeof data3 == 'object' && !Array.isArray(data3)) {
            if (data3.name === undefined) {
              const err12 = {
                instancePath: instancePath + '/exclude/' + i1,
                schemaPath: '#/definitions/excludedStream/required',
                keyword: 'required',
                params: { missingProperty: 'name' },
                message: "must have required property '" + 'name' + "'",
                schema: schema19.required,
                parentSchema: schema19,
                data: data3,
              };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
            for (const key1 in data3) {
              if (!(key1 === 'name' || key1 === 'namespace')) {
                const err13 = {
                  instancePath: instancePath + '/exclude/' + i1,
                  schemaPath: '#/definitions/excludedStream/additionalProperties',
                  keyword: 'additionalProperties',
                  params: { additionalProperty: key1 },
                  message: 'must NOT have additional properties',
                  schema: false,
                  parentSchema: schema19,
                  data: data3,
                };
                if (vErrors === null) {
                  vErrors = [err13];
                } else {
                  vErrors.push(err13);
                }
                errors++;
              }
            }
            if (data3.name !== undefined) {
              let data4 = data3.name;
              if (typeof data4 === 'string') {
                if (func2(data4) < 1) {
                  const err14 = {
                    instancePath: instancePath + '/exclude/' + i1 + '/name',
                    schemaPath: '#/definitions/excludedStream/properties/name/minLength',
                    keyword: 'minLength',
                    params: { limit: 1 },
                    message: 'must NOT have fewer than 1 characters',
                    schema: 1,
                    parentSchema: schema19.properties.name,
                    data: data4,
                  };
                  if (vErrors === null) {
                    vErrors = [err14];
                  } else {
                    vErrors.push(err14);
                  }
                  errors++;
                }
                if (!pattern0.test(data4)) {
                  const err15 = {
                    instancePath: instancePath + '/exclude/' + i1 + '/name',
                    schemaPath: '#/definitions/excludedStream/properties/name/pattern',
                    keyword: 'pattern',
                    params: { pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' },
                    message: 'must match pattern "' + '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' + '"',
                    schema: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
                    parentSchema: schema19.properties.name,
                    data: data4,
                  };
                  if (vErrors === null) {
                    vErrors = [err15];
                  } else {
                    vErrors.push(err15);
                  }
                  errors++;
                }
              } else {
                const err16 = {
                  instancePath: instancePath + '/exclude/' + i1 + '/name',
                  schemaPath: '#/definitions/excludedStream/properties/name/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema19.properties.name.type,
                  parentSchema: schema19.properties.name,
                  data: data4,
                };
                if (vErrors === null) {
                  vErrors = [err16];
                } else {
                  vErrors.push(err16);
                }
                errors++;
              }
            }
            if (data3.namespace !== undefined) {
              let data5 = data3.namespace;
              if (typeof data5 === 'string') {
                if (!pattern0.test(data5)) {
                  const err17 = {
                    instancePath: instancePath + '/exclude/' + i1 + '/namespace',
                    schemaPath: '#/definitions/excludedStream/properties/namespace/pattern',
                    keyword: 'pattern',
                    params: { pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' },
                    message: 'must match pattern "' + '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' + '"',
                    schema: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
                    parentSchema: schema19.properties.namespace,
                    data: data5,
                  };
                  if (vErrors === null) {
                    vErrors = [err17];
                  } else {
                    vErrors.push(err17);
                  }
                  errors++;
                }
              } else {
                const err18 = {
                  instancePath: instancePath + '/exclude/' + i1 + '/namespace',
                  schemaPath: '#/definitions/excludedStream/properties/namespace/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema19.properties.namespace.type,
                  parentSchema: schema19.properties.namespace,
                  data: data5,
                };
                if (vErrors === null) {
                  vErrors = [err18];
                } else {
                  vErrors.push(err18);
                }
                errors++;
              }
            }
          }
        }
      } else {
        const err19 = {
          instancePath: instancePath + '/exclude',
          schemaPath: '#/properties/exclude/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema18.properties.exclude.type,
          parentSchema: schema18.properties.exclude,
          data: data2,
        };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.syncMode !== undefined) {
      let data6 = data.syncMode;
      if (typeof data6 !== 'string') {
        const err20 = {
          instancePath: instancePath + '/syncMode',
          schemaPath: '#/properties/syncMode/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema18.properties.syncMode.type,
          parentSchema: schema18.properties.syncMode,
          data: data6,
        };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
      if (!(data6 === 'full_refresh' || data6 === 'incremental')) {
        const err21 = {
          instancePath: instancePath + '/syncMode',
          schemaPath: '#/properties/syncMode/enum',
          keyword: 'enum',
          params: { allowedValues: schema18.properties.syncMode.enum },
          message: 'must be equal to one of the allowed values',
          schema: schema18.properties.syncMode.enum,
          parentSchema: schema18.properties.syncMode,
          data: data6,
        };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.destinationSyncMode !== undefined) {
      let data7 = data.destinationSyncMode;
      if (typeof data7 !== 'string') {
        const err22 = {
          instancePath: instancePath + '/destinationSyncMode',
          schemaPath: '#/properties/destinationSyncMode/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema18.properties.destinationSyncMode.type,
          parentSchema: schema18.properties.destinationSyncMode,
          data: data7,
        };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
      if (!(data7 === 'append' || data7 === 'overwrite' || data7 === 'append_dedup' || data7 === 'overwrite_dedup')) {
        const err23 = {
          instancePath: instancePath + '/destinationSyncMode',
          schemaPath: '#/properties/destinationSyncMode/enum',
          keyword: 'enum',
          params: { allowedValues: schema18.properties.destinationSyncMode.enum },
          message: 'must be equal to one of the allowed values',
          schema: schema18.properties.destinationSyncMode.enum,
          parentSchema: schema18.properties.destinationSyncMode,
          data: data7,
        };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
  }
  validate15.errors = vErrors;
  return errors === 0;
}
function validate14(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  const _errs2 = errors;
  let valid1 = true;
  const _errs3 = errors;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    let missing0;
    if (data.namespaceDefinition === undefined && (missing0 = 'namespaceDefinition')) {
      const err0 = {};
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    } else {
      if (data.namespaceDefinition !== undefined) {
        if ('customformat' !== data.namespaceDefinition) {
          const err1 = {};
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      }
    }
  }
  var _valid0 = _errs3 === errors;
  errors = _errs2;
  if (vErrors !== null) {
    if (_errs2) {
      vErrors.length = _errs2;
    } else {
      vErrors = null;
    }
  }
  if (_valid0) {
    const _errs5 = errors;
    if (data && typeof data == 'object' && !Array.isArray(data)) {
      if (data.namespaceFormat === undefined) {
        const err2 = {
          instancePath,
          schemaPath: '#/allOf/0/then/required',
          keyword: 'required',
          params: { missingProperty: 'namespaceFormat' },
          message: "must have required property '" + 'namespaceFormat' + "'",
          schema: schema15.allOf[0].then.required,
          parentSchema: schema15.allOf[0].then,
          data,
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    var _valid0 = _errs5 === errors;
    valid1 = _valid0;
  }
  if (!valid1) {
    const err3 = {
      instancePath,
      schemaPath: '#/allOf/0/if',
      keyword: 'if',
      params: { failingKeyword: 'then' },
      message: 'must match "then" schema',
      schema: schema15.allOf[0].if,
      parentSchema: schema15.allOf[0],
      data,
    };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  const _errs7 = errors;
  let valid3 = true;
  const _errs8 = errors;
  const _errs9 = errors;
  const _errs10 = errors;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    let missing1;
    if (data.allStreams === undefined && (missing1 = 'allStreams')) {
      const err4 = {};
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
  }
  var valid4 = _errs10 === errors;
  if (valid4) {
    const err5 = {};
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  } else {
    errors = _errs9;
    if (vErrors !== null) {
      if (_errs9) {
        vErrors.length = _errs9;
      } else {
        vErrors = null;
      }
    }
  }
  var _valid1 = _errs8 === errors;
  errors = _errs7;
  if (vErrors !== null) {
    if (_errs7) {
      vErrors.length = _errs7;
    } else {
      vErrors = null;
    }
  }
  if (_valid1) {
    const _errs11 = errors;
    if (data && typeof data == 'object' && !Array.isArray(data)) {
      if (data.streams === undefined) {
        const err6 = {
          instancePath,
          schemaPath: '#/allOf/1/then/required',
          keyword: 'required',
          params: { missingProperty: 'streams' },
          message: "must have required property '" + 'streams' + "'",
          schema: schema15.allOf[1].then.required,
          parentSchema: schema15.allOf[1].then,
          data,
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
      if (data.streams !== undefined) {
        let data1 = data.streams;
        if (Array.isArray(data1)) {
          if (data1.length < 1) {
            const err7 = {
              instancePath: instancePath + '/streams',
              schemaPath: '#/allOf/1/then/properties/streams/minItems',
              keyword: 'minItems',
              params: { limit: 1 },
              message: 'must NOT have fewer than 1 items',
              schema: 1,
              parentSchema: schema15.allOf[1].then.properties.streams,
              data: data1,
            };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        } else {
          const err8 = {
            instancePath: instancePath + '/streams',
            schemaPath: '#/allOf/1/then/properties/streams/type',
            keyword: 'type',
            params: { type: 'array' },
            message: 'must be array',
            schema: schema15.allOf[1].then.properties.streams.type,
            parentSchema: schema15.allOf[1].then.properties.streams,
            data: data1,
          };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      }
    }
    var _valid1 = _errs11 === errors;
    valid3 = _valid1;
  }
  if (!valid3) {
    const err9 = {
      instancePath,
      schemaPath: '#/allOf/1/if',
      keyword: 'if',
      params: { failingKeyword: 'then' },
      message: 'must match "then" schema',
      schema: schema15.allOf[1].if,
      parentSchema: schema15.allOf[1],
      data,
    };
    if (vErrors === null) {
      vErrors = [err9];
    } else {
      vErrors.push(err9);
    }
    errors++;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.name === undefined) {
      const err10 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'name' },
        message: "must have required property '" + 'name' + "'",
        schema: schema15.required,
        parentSchema: schema15,
        data,
      };
      if (vErrors === null) {
        vErrors = [err10];
      } else {
        vErrors.push(err10);
      }
      errors++;
    }
    if (data.source === undefined) {
      const err11 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'source' },
        message: "must have required property '" + 'source' + "'",
        schema: schema15.required,
        parentSchema: schema15,
        data,
      };
      if (vErrors === null) {
        vErrors = [err11];
      } else {
        vErrors.push(err11);
      }
      errors++;
    }
    if (data.destination === undefined) {
      const err12 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'destination' },
        message: "must have required property '" + 'destination' + "'",
        schema: schema15.required,
        parentSchema: schema15,
        data,
      };
      if (vErrors === null) {
        vErrors = [err12];
      } else {
        vErrors.push(err12);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func6.call(schema15.properties, key0)) {
        const err13 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema15,
          data,
        };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.name !== undefined) {
      let data2 = data.name;
      if (typeof data2 === 'string') {
        if (func2(data2) < 1) {
          const err14 = {
            instancePath: instancePath + '/name',
            schemaPath: '#/definitions/name/minLength',
            keyword: 'minLength',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 characters',
            schema: 1,
            parentSchema: schema13,
            data: data2,
          };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
        if (!pattern0.test(data2)) {
          const err15 = {
            instancePath: instancePath + '/name',
            schemaPath: '#/definitions/name/pattern',
            keyword: 'pattern',
            params: { pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' },
            message: 'must match pattern "' + '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' + '"',
            schema: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
            parentSchema: schema13,
            data: data2,
          };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      } else {
        const err16 = {
          instancePath: instancePath + '/name',
          schemaPath: '#/definitions/name/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema13.type,
          parentSchema: schema13,
          data: data2,
        };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.source !== undefined) {
      let data3 = data.source;
      if (typeof data3 === 'string') {
        if (func2(data3) < 1) {
          const err17 = {
            instancePath: instancePath + '/source',
            schemaPath: '#/properties/source/minLength',
            keyword: 'minLength',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 characters',
            schema: 1,
            parentSchema: schema15.properties.source,
            data: data3,
          };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
        if (!pattern0.test(data3)) {
          const err18 = {
            instancePath: instancePath + '/source',
            schemaPath: '#/properties/source/pattern',
            keyword: 'pattern',
            params: { pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' },
            message: 'must match pattern "' + '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' + '"',
            schema: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
            parentSchema: schema15.properties.source,
            data: data3,
          };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
      } else {
        const err19 = {
          instancePath: instancePath + '/source',
          schemaPath: '#/properties/source/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema15.properties.source.type,
          parentSchema: schema15.properties.source,
          data: data3,
        };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.destination !== undefined) {
      let data4 = data.destination;
      if (typeof data4 === 'string') {
        if (func2(data4) < 1) {
          const err20 = {
            instancePath: instancePath + '/destination',
            schemaPath: '#/properties/destination/minLength',
            keyword: 'minLength',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 characters',
            schema: 1,
            parentSchema: schema15.properties.destination,
            data: data4,
          };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
        if (!pattern0.test(data4)) {
          const err21 = {
            instancePath: instancePath + '/destination',
            schemaPath: '#/properties/destination/pattern',
            keyword: 'pattern',
            params: { pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' },
            message: 'must match pattern "' + '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' + '"',
            schema: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
            parentSchema: schema15.properties.destination,
            data: data4,
          };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
      } else {
        const err22 = {
          instancePath: instancePath + '/destination',
          schemaPath: '#/properties/destination/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema15.properties.destination.type,
          parentSchema: schema15.properties.destination,
          data: data4,
        };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
    if (data.status !== undefined) {
      let data5 = data.status;
      if (typeof data5 !== 'string') {
        const err23 = {
          instancePath: instancePath + '/status',
          schemaPath: '#/properties/status/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema15.properties.status.type,
          parentSchema: schema15.properties.status,
          data: data5,
        };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
      if (!(data5 === 'active' || data5 === 'inactive')) {
        const err24 = {
          instancePath: instancePath + '/status',
          schemaPath: '#/properties/status/enum',
          keyword: 'enum',
          params: { allowedValues: schema15.properties.status.enum },
          message: 'must be equal to one of the allowed values',
          schema: schema15.properties.status.enum,
          parentSchema: schema15.properties.status,
          data: data5,
        };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      }
    }
    if (data.schedule !== undefined) {
      let data6 = data.schedule;
      const _errs26 = errors;
      let valid9 = false;
      let passing0 = null;
      const _errs27 = errors;
      if (typeof data6 !== 'string') {
        const err25 = {
          instancePath: instancePath + '/schedule',
          schemaPath: '#/definitions/schedule/oneOf/0/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema17.oneOf[0].type,
          parentSchema: schema17.oneOf[0],
          data: data6,
        };
        if (vErrors === null) {
          vErrors = [err25];
        } else {
          vErrors.push(err25);
        }
        errors++;
      }
      if ('manual' !== data6) {
        const err26 = {
          instancePath: instancePath + '/schedule',
          schemaPath: '#/definitions/schedule/oneOf/0/const',
          keyword: 'const',
          params: { allowedValue: 'manual' },
          message: 'must be equal to constant',
          schema: 'manual',
          parentSchema: schema17.oneOf[0],
          data: data6,
        };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
      var _valid2 = _errs27 === errors;
      if (_valid2) {
        valid9 = true;
        passing0 = 0;
      }
      const _errs29 = errors;
      if (data6 && typeof data6 == 'object' && !Array.isArray(data6)) {
        if (data6.units === undefined) {
          const err27 = {
            instancePath: instancePath + '/schedule',
            schemaPath: '#/definitions/schedule/oneOf/1/required',
            keyword: 'required',
            params: { missingProperty: 'units' },
            message: "must have required property '" + 'units' + "'",
            schema: schema17.oneOf[1].required,
            parentSchema: schema17.oneOf[1],
            data: data6,
          };
          if (vErrors === null) {
            vErrors = [err27];
          } else {
            vErrors.push(err27);
          }
          errors++;
        }
        if (data6.timeUnit === undefined) {
          const err28 = {
            instancePath: instancePath + '/schedule',
            schemaPath: '#/definitions/schedule/oneOf/1/required',
            keyword: 'required',
            params: { missingProperty: 'timeUnit' },
            message: "must have required property '" + 'timeUnit' + "'",
            schema: schema17.oneOf[1].required,
            parentSchema: schema17.oneOf[1],
            data: data6,
          };
          if (vErrors === null) {
            vErrors = [err28];
          } else {
            vErrors.push(err28);
          }
          errors++;
        }
        for (const key1 in data6) {
          if (!(key1 === 'units' || key1 === 'timeUnit')) {
            const err29 = {
              instancePath: instancePath + '/schedule',
              schemaPath: '#/definitions/schedule/oneOf/1/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key1 },
              message: 'must NOT have additional properties',
              schema: false,
              parentSchema: schema17.oneOf[1],
              data: data6,
            };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
        }
        if (data6.units !== undefined) {
          let data7 = data6.units;
          if (!(typeof data7 == 'number' && !(data7 % 1) && !isNaN(data7) && isFinite(data7))) {
            const err30 = {
              instancePath: instancePath + '/schedule/units',
              schemaPath: '#/definitions/schedule/oneOf/1/properties/units/type',
              keyword: 'type',
              params: { type: 'integer' },
              message: 'must be integer',
              schema: schema17.oneOf[1].properties.units.type,
              parentSchema: schema17.oneOf[1].properties.units,
              data: data7,
            };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
          if (typeof data7 == 'number' && isFinite(data7)) {
            if (data7 < 1 || isNaN(data7)) {
              const err31 = {
                instancePath: instancePath + '/schedule/units',
                schemaPath: '#/definitions/schedule/oneOf/1/properties/units/minimum',
                keyword: 'minimum',
                params: { comparison: '>=', limit: 1 },
                message: 'must be >= 1',
                schema: 1,
                parentSchema: schema17.oneOf[1].properties.units,
                data: data7,
              };
              if (vErrors === null) {
                vErrors = [err31];
              } else {
                vErrors.push(err31);
              }
              errors++;
            }
          }
        }
        if (data6.timeUnit !== undefined) {
          let data8 = data6.timeUnit;
          if (typeof data8 !== 'string') {
            const err32 = {
              instancePath: instancePath + '/schedule/timeUnit',
              schemaPath: '#/definitions/schedule/oneOf/1/properties/timeUnit/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema17.oneOf[1].properties.timeUnit.type,
              parentSchema: schema17.oneOf[1].properties.timeUnit,
              data: data8,
            };
            if (vErrors === null) {
              vErrors = [err32];
            } else {
              vErrors.push(err32);
            }
            errors++;
          }
          if (!(data8 === 'minutes' || data8 === 'hours' || data8 === 'days' || data8 === 'weeks' || data8 === 'months')) {
            const err33 = {
              instancePath: instancePath + '/schedule/timeUnit',
              schemaPath: '#/definitions/schedule/oneOf/1/properties/timeUnit/enum',
              keyword: 'enum',
              params: { allowedValues: schema17.oneOf[1].properties.timeUnit.enum },
              message: 'must be equal to one of the allowed values',
              schema: schema17.oneOf[1].properties.timeUnit.enum,
              parentSchema: schema17.oneOf[1].properties.timeUnit,
              data: data8,
            };
            if (vErrors === null) {
              vErrors = [err33];
            } else {
              vErrors.push(err33);
            }
            errors++;
          }
        }
      } else {
        const err34 = {
          instancePath: instancePath + '/schedule',
          schemaPath: '#/definitions/schedule/oneOf/1/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema17.oneOf[1].type,
          parentSchema: schema17.oneOf[1],
          data: data6,
        };
        if (vErrors === null) {
          vErrors = [err34];
        } else {
          vErrors.push(err34);
        }
        errors++;
      }
      var _valid2 = _errs29 === errors;
      if (_valid2 && valid9) {
        valid9 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid2) {
          valid9 = true;
          passing0 = 1;
        }
        const _errs36 = errors;
        if (data6 && typeof data6 == 'object' && !Array.isArray(data6)) {
          if (data6.cron === undefined) {
            const err35 = {
              instancePath: instancePath + '/schedule',
              schemaPath: '#/definitions/schedule/oneOf/2/required',
              keyword: 'required',
              params: { missingProperty: 'cron' },
              message: "must have required property '" + 'cron' + "'",
              schema: schema17.oneOf[2].required,
              parentSchema: schema17.oneOf[2],
              data: data6,
            };
            if (vErrors === null) {
              vErrors = [err35];
            } else {
              vErrors.push(err35);
            }
            errors++;
          }
          for (const key2 in data6) {
            if (!(key2 === 'cron' || key2 === 'timezone')) {
              const err36 = {
                instancePath: instancePath + '/schedule',
                schemaPath: '#/definitions/schedule/oneOf/2/additionalProperties',
                keyword: 'additionalProperties',
                params: { additionalProperty: key2 },
                message: 'must NOT have additional properties',
                schema: false,
                parentSchema: schema17.oneOf[2],
                data: data6,
              };
              if (vErrors === null) {
                vErrors = [err36];
              } else {
                vErrors.push(err36);
              }
              errors++;
            }
          }
          if (data6.cron !== undefined) {
            let data9 = data6.cron;
            if (typeof data9 !== 'string') {
              const err37 = {
                instancePath: instancePath + '/schedule/cron',
                schemaPath: '#/definitions/schedule/oneOf/2/properties/cron/type',
                keyword: 'type',
                params: { type: 'string' },
                message: 'must be string',
                schema: schema17.oneOf[2].properties.cron.type,
                parentSchema: schema17.oneOf[2].properties.cron,
                data: data9,
              };
              if (vErrors === null) {
                vErrors = [err37];
              } else {
                vErrors.push(err37);
              }
              errors++;
            }
          }
          if (data6.timezone !== undefined) {
            let data10 = data6.timezone;
            if (typeof data10 !== 'string') {
              const err38 = {
                instancePath: instancePath + '/schedule/timezone',
                schemaPath: '#/definitions/schedule/oneOf/2/properties/timezone/type',
                keyword: 'type',
                params: { type: 'string' },
                message: 'must be string',
                schema: schema17.oneOf[2].properties.timezone.type,
                parentSchema: schema17.oneOf[2].properties.timezone,
                data: data10,
              };
              if (vErrors === null) {
                vErrors = [err38];
              } else {
                vErrors.push(err38);
              }
              errors++;
            }
          }
        } else {
          const err39 = {
            instancePath: instancePath + '/schedule',
            schemaPath: '#/definitions/schedule/oneOf/2/type',
            keyword: 'type',
            params: { type: 'object' },
            message: 'must be object',
            schema: schema17.oneOf[2].type,
            parentSchema: schema17.oneOf[2],
            data: data6,
          };
          if (vErrors === null) {
            vErrors = [err39];
          } else {
            vErrors.push(err39);
          }
          errors++;
        }
        var _valid2 = _errs36 === errors;
        if (_valid2 && valid9) {
          valid9 = false;
          passing0 = [passing0, 2];
        } else {
          if (_valid2) {
            valid9 = true;
            passing0 = 2;
          }
        }
      }
      if (!valid9) {
        const err40 = {
          instancePath: instancePath + '/schedule',
          schemaPath: '#/definitions/schedule/oneOf',
          keyword: 'oneOf',
          params: { passingSchemas: passing0 },
          message: 'must match exactly one schema in oneOf',
          schema: schema17.oneOf,
          parentSchema: schema17,
          data: data6,
        };
        if (vErrors === null) {
          vErrors = [err40];
        } else {
          vErrors.push(err40);
        }
        errors++;
      } else {
        errors = _errs26;
        if (vErrors !== null) {
          if (_errs26) {
            vErrors.length = _errs26;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.namespaceDefinition !== undefined) {
      let data11 = data.namespaceDefinition;
      if (typeof data11 !== 'string') {
        const err41 = {
          instancePath: instancePath + '/namespaceDefinition',
          schemaPath: '#/properties/namespaceDefinition/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema15.properties.namespaceDefinition.type,
          parentSchema: schema15.properties.namespaceDefinition,
          data: data11,
        };
        if (vErrors === null) {
          vErrors = [err41];
        } else {
          vErrors.push(err41);
        }
        errors++;
      }
      if (!(data11 === 'source' || data11 === 'destination' || data11 === 'customformat')) {
        const err42 = {
          instancePath: instancePath + '/namespaceDefinition',
          schemaPath: '#/properties/namespaceDefinition/enum',
          keyword: 'enum',
          params: { allowedValues: schema15.properties.namespaceDefinition.enum },
          message: 'must be equal to one of the allowed values',
          schema: schema15.properties.namespaceDefinition.enum,
          parentSchema: schema15.properties.namespaceDefinition,
          data: data11,
        };
        if (vErrors === null) {
          vErrors = [err42];
        } else {
          vErrors.push(err42);
        }
        errors++;
      }
    }
    if (data.namespaceFormat !== undefined) {
      let data12 = data.namespaceFormat;
      if (typeof data12 !== 'string') {
        const err43 = {
          instancePath: instancePath + '/namespaceFormat',
          schemaPath: '#/properties/namespaceFormat/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema15.properties.namespaceFormat.type,
          parentSchema: schema15.properties.namespaceFormat,
          data: data12,
        };
        if (vErrors === null) {
          vErrors = [err43];
        } else {
          vErrors.push(err43);
        }
        errors++;
      }
    }
    if (data.prefix !== undefined) {
      let data13 = data.prefix;
      if (typeof data13 !== 'string') {
        const err44 = {
          instancePath: instancePath + '/prefix',
          schemaPath: '#/properties/prefix/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema15.properties.prefix.type,
          parentSchema: schema15.properties.prefix,
          data: data13,
        };
        if (vErrors === null) {
          vErrors = [err44];
        } else {
          vErrors.push(err44);
        }
        errors++;
      }
    }
    if (data.nonBreakingChangesPreference !== undefined) {
      let data14 = data.nonBreakingChangesPreference;
      if (typeof data14 !== 'string') {
        const err45 = {
          instancePath: instancePath + '/nonBreakingChangesPreference',
          schemaPath: '#/properties/nonBreakingChangesPreference/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema15.properties.nonBreakingChangesPreference.type,
          parentSchema: schema15.properties.nonBreakingChangesPreference,
          data: data14,
        };
        if (vErrors === null) {
          vErrors = [err45];
        } else {
          vErrors.push(err45);
        }
        errors++;
      }
      if (!(data14 === 'ignore' || data14 === 'disable' || data14 === 'propagate_columns' || data14 === 'propagate_fully')) {
        const err46 = {
          instancePath: instancePath + '/nonBreakingChangesPreference',
          schemaPath: '#/properties/nonBreakingChangesPreference/enum',
          keyword: 'enum',
          params: { allowedValues: schema15.properties.nonBreakingChangesPreference.enum },
          message: 'must be equal to one of the allowed values',
          schema: schema15.properties.nonBreakingChangesPreference.enum,
          parentSchema: schema15.properties.nonBreakingChangesPreference,
          data: data14,
        };
        if (vErrors === null) {
          vErrors = [err46];
        } else {
          vErrors.push(err46);
        }
        errors++;
      }
    }
    if (data.notifySchemaChanges !== undefined) {
      let data15 = data.notifySchemaChanges;
      if (typeof data15 !== 'boolean') {
        const err47 = {
          instancePath: instancePath + '/notifySchemaChanges',
          schemaPath: '#/properties/notifySchemaChanges/type',
          keyword: 'type',
          params: { type: 'boolean' },
          message: 'must be boolean',
          schema: schema15.properties.notifySchemaChanges.type,
          parentSchema: schema15.properties.notifySchemaChanges,
          data: data15,
        };
        if (vErrors === null) {
          vErrors = [err47];
        } else {
          vErrors.push(err47);
        }
        errors++;
      }
    }
    if (data.notifySchemaChangesByEmail !== undefined) {
      let data16 = data.notifySchemaChangesByEmail;
      if (typeof data16 !== 'boolean') {
        const err48 = {
          instancePath: instancePath + '/notifySchemaChangesByEmail',
          schemaPath: '#/properties/notifySchemaChangesByEmail/type',
          keyword: 'type',
          params: { type: 'boolean' },
          message: 'must be boolean',
          schema: schema15.properties.notifySchemaChangesByEmail.type,
          parentSchema: schema15.properties.notifySchemaChangesByEmail,
          data: data16,
        };
        if (vErrors === null) {
          vErrors = [err48];
        } else {
          vErrors.push(err48);
        }
        errors++;
      }
    }
    if (data.allStreams !== undefined) {
      if (!validate15(data.allStreams, { instancePath: instancePath + '/allStreams', parentData: data, parentDataProperty: 'allStreams', rootData })) {
        vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
        errors = vErrors.length;
      }
    }
    if (data.streams !== undefined) {
      let data18 = data.streams;
      if (Array.isArray(data18)) {
        const len0 = data18.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data19 = data18[i0];
          if (data19 && typeof data19 == 'object' && !Array.isArray(data19)) {
            if (data19.name === undefined) {
              const err49 = {
                instancePath: instancePath + '/streams/' + i0,
                schemaPath: '#/definitions/stream/required',
                keyword: 'required',
                params: { missingProperty: 'name' },
                message: "must have required property '" + 'name' + "'",
                schema: schema20.required,
                parentSchema: schema20,
                data: data19,
              };
              if (vErrors === null) {
                vErrors = [err49];
              } else {
                vErrors.push(err49);
              }
              errors++;
            }
            if (data19.syncMode === undefined) {
              const err50 = {
                instancePath: instancePath + '/streams/' + i0,
                schemaPath: '#/definitions/stream/required',
                keyword: 'required',
                params: { missingProperty: 'syncMode' },
                message: "must have required property '" + 'syncMode' + "'",
                schema: schema20.required,
                parentSchema: schema20,
                data: data19,
              };
              if (vErrors === null) {
                vErrors = [err50];
              } else {
                vErrors.push(err50);
              }
              errors++;
            }
            if (data19.destinationSyncMode === undefined) {
              const err51 = {
                instancePath: instancePath + '/streams/' + i0,
                schemaPath: '#/definitions/stream/required',
                keyword: 'required',
                params: { missingProperty: 'destinationSyncMode' },
                message: "must have required property '" + 'destinationSyncMode' + "'",
                schema: schema20.required,
                parentSchema: schema20,
                data: data19,
              };
              if (vErrors === null) {
                vErrors = [err51];
              } else {
                vErrors.push(err51);
              }
              errors++;
            }
            for (const key3 in data19) {
              if (!(
                key3 === 'name' ||
                key3 === 'namespace' ||
                key3 === 'syncMode' ||
                key3 === 'destinationSyncMode' ||
                key3 === 'cursorField' ||
                key3 === 'primaryKey' ||
                key3 === 'selectedFields'
              )) {
                const err52 = {
                  instancePath: instancePath + '/streams/' + i0,
                  schemaPath: '#/definitions/stream/additionalProperties',
                  keyword: 'additionalProperties',
                  params: { additionalProperty: key3 },
                  message: 'must NOT have additional properties',
                  schema: false,
                  parentSchema: schema20,
                  data: data19,
                };
                if (vErrors === null) {
                  vErrors = [err52];
                } else {
                  vErrors.push(err52);
                }
                errors++;
              }
            }
            if (data19.name !== undefined) {
              let data20 = data19.name;
              if (typeof data20 === 'string') {
                if (func2(data20) < 1) {
                  const err53 = {
                    instancePath: instancePath + '/streams/' + i0 + '/name',
                    schemaPath: '#/definitions/stream/properties/name/minLength',
                    keyword: 'minLength',
                    params: { limit: 1 },
                    message: 'must NOT have fewer than 1 characters',
                    schema: 1,
                    parentSchema: schema20.properties.name,
                    data: data20,
                  };
                  if (vErrors === null) {
                    vErrors = [err53];
                  } else {
                    vErrors.push(err53);
                  }
                  errors++;
                }
                if (!pattern0.test(data20)) {
                  const err54 = {
                    instancePath: instancePath + '/streams/' + i0 + '/name',
                    schemaPath: '#/definitions/stream/properties/name/pattern',
                    keyword: 'pattern',
                    params: { pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' },
                    message: 'must match pattern "' + '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' + '"',
                    schema: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
                    parentSchema: schema20.properties.name,
                    data: data20,
                  };
                  if (vErrors === null) {
                    vErrors = [err54];
                  } else {
                    vErrors.push(err54);
                  }
                  errors++;
                }
              } else {
                const err55 = {
                  instancePath: instancePath + '/streams/' + i0 + '/name',
                  schemaPath: '#/definitions/stream/properties/name/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema20.properties.name.type,
                  parentSchema: schema20.properties.name,
                  data: data20,
                };
                if (vErrors === null) {
                  vErrors = [err55];
                } else {
                  vErrors.push(err55);
                }
                errors++;
              }
            }
            if (data19.namespace !== undefined) {
              let data21 = data19.namespace;
              if (typeof data21 === 'string') {
                if (!pattern0.test(data21)) {
                  const err56 = {
                    instancePath: instancePath + '/streams/' + i0 + '/namespace',
                    schemaPath: '#/definitions/stream/properties/namespace/pattern',
                    keyword: 'pattern',
                    params: { pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' },
                    message: 'must match pattern "' + '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' + '"',
                    schema: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
                    parentSchema: schema20.properties.namespace,
                    data: data21,
                  };
                  if (vErrors === null) {
                    vErrors = [err56];
                  } else {
                    vErrors.push(err56);
                  }
                  errors++;
                }
              } else {
                const err57 = {
                  instancePath: instancePath + '/streams/' + i0 + '/namespace',
                  schemaPath: '#/definitions/stream/properties/namespace/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema20.properties.namespace.type,
                  parentSchema: schema20.properties.namespace,
                  data: data21,
                };
                if (vErrors === null) {
                  vErrors = [err57];
                } else {
                  vErrors.push(err57);
                }
                errors++;
              }
            }
            if (data19.syncMode !== undefined) {
              let data22 = data19.syncMode;
              if (typeof data22 !== 'string') {
                const err58 = {
                  instancePath: instancePath + '/streams/' + i0 + '/syncMode',
                  schemaPath: '#/definitions/stream/properties/syncMode/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema20.properties.syncMode.type,
                  parentSchema: schema20.properties.syncMode,
                  data: data22,
                };
                if (vErrors === null) {
                  vErrors = [err58];
                } else {
                  vErrors.push(err58);
                }
                errors++;
              }
              if (!(data22 === 'full_refresh' || data22 === 'incremental')) {
                const err59 = {
                  instancePath: instancePath + '/streams/' + i0 + '/syncMode',
                  schemaPath: '#/definitions/stream/properties/syncMode/enum',
                  keyword: 'enum',
                  params: { allowedValues: schema20.properties.syncMode.enum },
                  message: 'must be equal to one of the allowed values',
                  schema: schema20.properties.syncMode.enum,
                  parentSchema: schema20.properties.syncMode,
                  data: data22,
                };
                if (vErrors === null) {
                  vErrors = [err59];
                } else {
                  vErrors.push(err59);
                }
                errors++;
              }
            }
            if (data19.destinationSyncMode !== undefined) {
              let data23 = data19.destinationSyncMode;
              if (typeof data23 !== 'string') {
                const err60 = {
                  instancePath: instancePath + '/streams/' + i0 + '/destinationSyncMode',
                  schemaPath: '#/definitions/stream/properties/destinationSyncMode/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema20.properties.destinationSyncMode.type,
                  parentSchema: schema20.properties.destinationSyncMode,
                  data: data23,
                };
                if (vErrors === null) {
                  vErrors = [err60];
                } else {
                  vErrors.push(err60);
                }
                errors++;
              }
              if (!(data23 === 'append' || data23 === 'overwrite' || data23 === 'append_dedup' || data23 === 'overwrite_dedup')) {
                const err61 = {
                  instancePath: instancePath + '/streams/' + i0 + '/destinationSyncMode',
                  schemaPath: '#/definitions/stream/properties/destinationSyncMode/enum',
                  keyword: 'enum',
                  params: { allowedValues: schema20.properties.destinationSyncMode.enum },
                  message: 'must be equal to one of the allowed values',
                  schema: schema20.properties.destinationSyncMode.enum,
                  parentSchema: schema20.properties.destinationSyncMode,
                  data: data23,
                };
                if (vErrors === null) {
                  vErrors = [err61];
                } else {
                  vErrors.push(err61);
                }
                errors++;
              }
            }
            if (data19.cursorField !== undefined) {
              let data24 = data19.cursorField;
              if (Array.isArray(data24)) {
                const len1 = data24.length;
                for (let i1 = 0; i1 < len1; i1++) {
                  let data25 = data24[i1];
                  if (typeof data25 === 'string') {
                    if (func2(data25) < 1) {
                      const err62 = {
                        instancePath: instancePath + '/streams/' + i0 + '/cursorField/' + i1,
                        schemaPath: '#/definitions/stream/properties/cursorField/items/minLength',
                        keyword: 'minLength',
                        params: { limit: 1 },
                        message: 'must NOT have fewer than 1 characters',
                        schema: 1,
                        parentSchema: schema20.properties.cursorField.items,
                        data: data25,
                      };
                      if (vErrors === null) {
                        vErrors = [err62];
                      } else {
                        vErrors.push(err62);
                      }
                      errors++;
                    }
                  } else {
                    const err63 = {
                      instancePath: instancePath + '/streams/' + i0 + '/cursorField/' + i1,
                      schemaPath: '#/definitions/stream/properties/cursorField/items/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                      schema: schema20.properties.cursorField.items.type,
                      parentSchema: schema20.properties.cursorField.items,
                      data: data25,
                    };
                    if (vErrors === null) {
                      vErrors = [err63];
                    } else {
                      vErrors.push(err63);
                    }
                    errors++;
                  }
                }
              } else {
                const err64 = {
                  instancePath: instancePath + '/streams/' + i0 + '/cursorField',
                  schemaPath: '#/definitions/stream/properties/cursorField/type',
                  keyword: 'type',
                  params: { type: 'array' },
                  message: 'must be array',
                  schema: schema20.properties.cursorField.type,
                  parentSchema: schema20.properties.cursorField,
                  data: data24,
                };
                if (vErrors === null) {
                  vErrors = [err64];
                } else {
                  vErrors.push(err64);
                }
                errors++;
              }
            }
            if (data19.primaryKey !== undefined) {
              let data26 = data19.primaryKey;
              if (Array.isArray(data26)) {
                const len2 = data26.length;
                for (let i2 = 0; i2 < len2; i2++) {
                  let data27 = data26[i2];
                  if (Array.isArray(data27)) {
                    const len3 = data27.length;
                    for (let i3 = 0; i3 < len3; i3++) {
                      let data28 = data27[i3];
                      if (typeof data28 === 'string') {
                        if (func2(data28) < 1) {
                          const err65 = {
                            instancePath: instancePath + '/streams/' + i0 + '/primaryKey/' + i2 + '/' + i3,
                            schemaPath: '#/definitions/stream/properties/primaryKey/items/items/minLength',
                            keyword: 'minLength',
                            params: { limit: 1 },
                            message: 'must NOT have fewer than 1 characters',
                            schema: 1,
                            parentSchema: schema20.properties.primaryKey.items.items,
                            data: data28,
                          };
                          if (vErrors === null) {
                            vErrors = [err65];
                          } else {
                            vErrors.push(err65);
                          }
                          errors++;
                        }
                      } else {
                        const err66 = {
                          instancePath: instancePath + '/streams/' + i0 + '/primaryKey/' + i2 + '/' + i3,
                          schemaPath: '#/definitions/stream/properties/primaryKey/items/items/type',
                          keyword: 'type',
                          params: { type: 'string' },
                          message: 'must be string',
                          schema: schema20.properties.primaryKey.items.items.type,
                          parentSchema: schema20.properties.primaryKey.items.items,
                          data: data28,
                        };
                        if (vErrors === null) {
                          vErrors = [err66];
                        } else {
                          vErrors.push(err66);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err67 = {
                      instancePath: instancePath + '/streams/' + i0 + '/primaryKey/' + i2,
                      schemaPath: '#/definitions/stream/properties/primaryKey/items/type',
                      keyword: 'type',
                      params: { type: 'array' },
                      message: 'must be array',
                      schema: schema20.properties.primaryKey.items.type,
                      parentSchema: schema20.properties.primaryKey.items,
                      data: data27,
                    };
                    if (vErrors === null) {
                      vErrors = [err67];
                    } else {
                      vErrors.push(err67);
                    }
                    errors++;
                  }
                }
              } else {
                const err68 = {
                  instancePath: instancePath + '/streams/' + i0 + '/primaryKey',
                  schemaPath: '#/definitions/stream/properties/primaryKey/type',
                  keyword: 'type',
                  params: { type: 'array' },
                  message: 'must be array',
                  schema: schema20.properties.primaryKey.type,
                  parentSchema: schema20.properties.primaryKey,
                  data: data26,
                };
                if (vErrors === null) {
                  vErrors = [err68];
                } else {
                  vErrors.push(err68);
                }
                errors++;
              }
            }
            if (data19.selectedFields !== undefined) {
              let data29 = data19.selectedFields;
              if (Array.isArray(data29)) {
                const len4 = data29.length;
                for (let i4 = 0; i4 < len4; i4++) {
                  let data30 = data29[i4];
                  if (typeof data30 === 'string') {
                    if (func2(data30) < 1) {
                      const err69 = {
                        instancePath: instancePath + '/streams/' + i0 + '/selectedFields/' + i4,
                        schemaPath: '#/definitions/stream/properties/selectedFields/items/minLength',
                        keyword: 'minLength',
                        params: { limit: 1 },
                        message: 'must NOT have fewer than 1 characters',
                        schema: 1,
                        parentSchema: schema20.properties.selectedFields.items,
                        data: data30,
                      };
                      if (vErrors === null) {
                        vErrors = [err69];
                      } else {
                        vErrors.push(err69);
                      }
                      errors++;
                    }
                  } else {
                    const err70 = {
                      instancePath: instancePath + '/streams/' + i0 + '/selectedFields/' + i4,
                      schemaPath: '#/definitions/stream/properties/selectedFields/items/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                      schema: schema20.properties.selectedFields.items.type,
                      parentSchema: schema20.properties.selectedFields.items,
                      data: data30,
                    };
                    if (vErrors === null) {
                      vErrors = [err70];
                    } else {
                      vErrors.push(err70);
                    }
                    errors++;
                  }
                }
              } else {
                const err71 = {
                  instancePath: instancePath + '/streams/' + i0 + '/selectedFields',
                  schemaPath: '#/definitions/stream/properties/selectedFields/type',
                  keyword: 'type',
                  params: { type: 'array' },
                  message: 'must be array',
                  schema: schema20.properties.selectedFields.type,
                  parentSchema: schema20.properties.selectedFields,
                  data: data29,
                };
                if (vErrors === null) {
                  vErrors = [err71];
                } else {
                  vErrors.push(err71);
                }
                errors++;
              }
            }
          } else {
            const err72 = {
              instancePath: instancePath + '/streams/' + i0,
              schemaPath: '#/definitions/stream/type',
              keyword: 'type',
              params: { type: 'object' },
              message: 'must be object',
              schema: schema20.type,
              parentSchema: schema20,
              data: data19,
            };
            if (vErrors === null) {
              vErrors = [err72];
            } else {
              vErrors.push(err72);
            }
            errors++;
          }
        }
      } else {
        const err73 = {
          instancePath: instancePath + '/streams',
          schemaPath: '#/properties/streams/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema15.properties.streams.type,
          parentSchema: schema15.properties.streams,
          data: data18,
        };
        if (vErrors === null) {
          vErrors = [err73];
        } else {
          vErrors.push(err73);
        }
        errors++;
      }
    }
    if (data.previousNames !== undefined) {
      let data31 = data.previousNames;
      if (Array.isArray(data31)) {
        const len5 = data31.length;
        for (let i5 = 0; i5 < len5; i5++) {
          let data32 = data31[i5];
          if (typeof data32 === 'string') {
            if (func2(data32) < 1) {
              const err74 = {
                instancePath: instancePath + '/previousNames/' + i5,
                schemaPath: '#/definitions/previousNames/items/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
                schema: 1,
                parentSchema: schema14.items,
                data: data32,
              };
              if (vErrors === null) {
                vErrors = [err74];
              } else {
                vErrors.push(err74);
              }
              errors++;
            }
            if (!pattern0.test(data32)) {
              const err75 = {
                instancePath: instancePath + '/previousNames/' + i5,
                schemaPath: '#/definitions/previousNames/items/pattern',
                keyword: 'pattern',
                params: { pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' },
                message: 'must match pattern "' + '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' + '"',
                schema: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
                parentSchema: schema14.items,
                data: data32,
              };
              if (vErrors === null) {
                vErrors = [err75];
              } else {
                vErrors.push(err75);
              }
              errors++;
            }
          } else {
            const err76 = {
              instancePath: instancePath + '/previousNames/' + i5,
              schemaPath: '#/definitions/previousNames/items/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema14.items.type,
              parentSchema: schema14.items,
              data: data32,
            };
            if (vErrors === null) {
              vErrors = [err76];
            } else {
              vErrors.push(err76);
            }
            errors++;
          }
        }
      } else {
        const err77 = {
          instancePath: instancePath + '/previousNames',
          schemaPath: '#/definitions/previousNames/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema14.type,
          parentSchema: schema14,
          data: data31,
        };
        if (vErrors === null) {
          vErrors = [err77];
        } else {
          vErrors.push(err77);
        }
        errors++;
      }
    }
  } else {
    const err78 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema15.type,
      parentSchema: schema15,
      data,
    };
    if (vErrors === null) {
      vErrors = [err78];
    } else {
      vErrors.push(err78);
    }
    errors++;
  }
  validate14.errors = vErrors;
  return errors === 0;
}
function validate10(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="https://github.com/airbyte-gitops/airbyte-gitops/schemas/pipeline.schema.json" */ let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(key0 === 'workspace' || key0 === 'sources' || key0 === 'destinations' || key0 === 'connections')) {
        const err0 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema11,
          data,
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.workspace !== undefined) {
      let data0 = data.workspace;
      if (typeof data0 === 'string') {
        if (func2(data0) < 1) {
          const err1 = {
            instancePath: instancePath + '/workspace',
            schemaPath: '#/properties/workspace/minLength',
            keyword: 'minLength',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 characters',
            schema: 1,
            parentSchema: schema11.properties.workspace,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = {
          instancePath: instancePath + '/workspace',
          schemaPath: '#/properties/workspace/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema11.properties.workspace.type,
          parentSchema: schema11.properties.workspace,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.sources !== undefined) {
      let data1 = data.sources;
      if (Array.isArray(data1)) {
        const len0 = data1.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (!validate11(data1[i0], { instancePath: instancePath + '/sources/' + i0, parentData: data1, parentDataProperty: i0, rootData })) {
            vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err3 = {
          instancePath: instancePath + '/sources',
          schemaPath: '#/properties/sources/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema11.properties.sources.type,
          parentSchema: schema11.properties.sources,
          data: data1,
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.destinations !== undefined) {
      let data3 = data.destinations;
      if (Array.isArray(data3)) {
        const len1 = data3.length;
        for (let i1 = 0; i1 < len1; i1++) {
          if (!validate11(data3[i1], { instancePath: instancePath + '/destinations/' + i1, parentData: data3, parentDataProperty: i1, rootData })) {
            vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err4 = {
          instancePath: instancePath + '/destinations',
          schemaPath: '#/properties/destinations/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema11.properties.destinations.type,
          parentSchema: schema11.properties.destinations,
          data: data3,
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.connections !== undefined) {
      let data5 = data.connections;
      if (Array.isArray(data5)) {
        const len2 = data5.length;
        for (let i2 = 0; i2 < len2; i2++) {
          if (!validate14(data5[i2], { instancePath: instancePath + '/connections/' + i2, parentData: data5, parentDataProperty: i2, rootData })) {
            vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err5 = {
          instancePath: instancePath + '/connections',
          schemaPath: '#/properties/connections/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema11.properties.connections.type,
          parentSchema: schema11.properties.connections,
          data: data5,
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
  } else {
    const err6 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema11.type,
      parentSchema: schema11,
      data,
    };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}
/** Validates a parsed pipeline file; on failure, the errors are in `.errors` (Ajv options: {"allErrors":true,"verbose":true,"strict":true,"strictRequired":false,"allowUnionTypes":true}). */
export const validatePipeline: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } = validate10;
