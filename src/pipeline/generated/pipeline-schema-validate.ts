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
      required: ['name', 'source', 'destination', 'streams'],
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
        streams: {
          title: 'Streams',
          description: 'The streams to sync (at least one). Streams not listed are not synced.',
          type: 'array',
          minItems: 1,
          items: { $ref: '#/definitions/stream' },
        },
        previousNames: { $ref: '#/definitions/previousNames' },
      },
      if: { properties: { namespaceDefinition: { const: 'customformat' } }, required: ['namespaceDefinition'] },
      then: { required: ['namespaceFormat'] },
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
  required: ['name', 'source', 'destination', 'streams'],
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
    streams: {
      title: 'Streams',
      description: 'The streams to sync (at least one). Streams not listed are not synced.',
      type: 'array',
      minItems: 1,
      items: { $ref: '#/definitions/stream' },
    },
    previousNames: { $ref: '#/definitions/previousNames' },
  },
  if: { properties: { namespaceDefinition: { const: 'customformat' } }, required: ['namespaceDefinition'] },
  then: { required: ['namespaceFormat'] },
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
const schema18 = {
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
function validate14(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  const _errs1 = errors;
  let valid0 = true;
  const _errs2 = errors;
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
    if (data && typeof data == 'object' && !Array.isArray(data)) {
      if (data.namespaceFormat === undefined) {
        const err2 = {
          instancePath,
          schemaPath: '#/then/required',
          keyword: 'required',
          params: { missingProperty: 'namespaceFormat' },
          message: "must have required property '" + 'namespaceFormat' + "'",
          schema: schema15.then.required,
          parentSchema: schema15.then,
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
      schema: schema15.if,
      parentSchema: schema15,
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
    if (data.name === undefined) {
      const err4 = {
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
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.source === undefined) {
      const err5 = {
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
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.destination === undefined) {
      const err6 = {
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
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.streams === undefined) {
      const err7 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'streams' },
        message: "must have required property '" + 'streams' + "'",
        schema: schema15.required,
        parentSchema: schema15,
        data,
      };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func6.call(schema15.properties, key0)) {
        const err8 = {
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
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.name !== undefined) {
      let data1 = data.name;
      if (typeof data1 === 'string') {
        if (func2(data1) < 1) {
          const err9 = {
            instancePath: instancePath + '/name',
            schemaPath: '#/definitions/name/minLength',
            keyword: 'minLength',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 characters',
            schema: 1,
            parentSchema: schema13,
            data: data1,
          };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
        if (!pattern0.test(data1)) {
          const err10 = {
            instancePath: instancePath + '/name',
            schemaPath: '#/definitions/name/pattern',
            keyword: 'pattern',
            params: { pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' },
            message: 'must match pattern "' + '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' + '"',
            schema: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
            parentSchema: schema13,
            data: data1,
          };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = {
          instancePath: instancePath + '/name',
          schemaPath: '#/definitions/name/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema13.type,
          parentSchema: schema13,
          data: data1,
        };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.source !== undefined) {
      let data2 = data.source;
      if (typeof data2 === 'string') {
        if (func2(data2) < 1) {
          const err12 = {
            instancePath: instancePath + '/source',
            schemaPath: '#/properties/source/minLength',
            keyword: 'minLength',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 characters',
            schema: 1,
            parentSchema: schema15.properties.source,
            data: data2,
          };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
        if (!pattern0.test(data2)) {
          const err13 = {
            instancePath: instancePath + '/source',
            schemaPath: '#/properties/source/pattern',
            keyword: 'pattern',
            params: { pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' },
            message: 'must match pattern "' + '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' + '"',
            schema: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
            parentSchema: schema15.properties.source,
            data: data2,
          };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
      } else {
        const err14 = {
          instancePath: instancePath + '/source',
          schemaPath: '#/properties/source/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema15.properties.source.type,
          parentSchema: schema15.properties.source,
          data: data2,
        };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.destination !== undefined) {
      let data3 = data.destination;
      if (typeof data3 === 'string') {
        if (func2(data3) < 1) {
          const err15 = {
            instancePath: instancePath + '/destination',
            schemaPath: '#/properties/destination/minLength',
            keyword: 'minLength',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 characters',
            schema: 1,
            parentSchema: schema15.properties.destination,
            data: data3,
          };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
        if (!pattern0.test(data3)) {
          const err16 = {
            instancePath: instancePath + '/destination',
            schemaPath: '#/properties/destination/pattern',
            keyword: 'pattern',
            params: { pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' },
            message: 'must match pattern "' + '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' + '"',
            schema: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
            parentSchema: schema15.properties.destination,
            data: data3,
          };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
      } else {
        const err17 = {
          instancePath: instancePath + '/destination',
          schemaPath: '#/properties/destination/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema15.properties.destination.type,
          parentSchema: schema15.properties.destination,
          data: data3,
        };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.status !== undefined) {
      let data4 = data.status;
      if (typeof data4 !== 'string') {
        const err18 = {
          instancePath: instancePath + '/status',
          schemaPath: '#/properties/status/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema15.properties.status.type,
          parentSchema: schema15.properties.status,
          data: data4,
        };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
      if (!(data4 === 'active' || data4 === 'inactive')) {
        const err19 = {
          instancePath: instancePath + '/status',
          schemaPath: '#/properties/status/enum',
          keyword: 'enum',
          params: { allowedValues: schema15.properties.status.enum },
          message: 'must be equal to one of the allowed values',
          schema: schema15.properties.status.enum,
          parentSchema: schema15.properties.status,
          data: data4,
        };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.schedule !== undefined) {
      let data5 = data.schedule;
      const _errs17 = errors;
      let valid5 = false;
      let passing0 = null;
      const _errs18 = errors;
      if (typeof data5 !== 'string') {
        const err20 = {
          instancePath: instancePath + '/schedule',
          schemaPath: '#/definitions/schedule/oneOf/0/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema17.oneOf[0].type,
          parentSchema: schema17.oneOf[0],
          data: data5,
        };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
      if ('manual' !== data5) {
        const err21 = {
          instancePath: instancePath + '/schedule',
          schemaPath: '#/definitions/schedule/oneOf/0/const',
          keyword: 'const',
          params: { allowedValue: 'manual' },
          message: 'must be equal to constant',
          schema: 'manual',
          parentSchema: schema17.oneOf[0],
          data: data5,
        };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
      var _valid1 = _errs18 === errors;
      if (_valid1) {
        valid5 = true;
        passing0 = 0;
      }
      const _errs20 = errors;
      if (data5 && typeof data5 == 'object' && !Array.isArray(data5)) {
        if (data5.units === undefined) {
          const err22 = {
            instancePath: instancePath + '/schedule',
            schemaPath: '#/definitions/schedule/oneOf/1/required',
            keyword: 'required',
            params: { missingProperty: 'units' },
            message: "must have required property '" + 'units' + "'",
            schema: schema17.oneOf[1].required,
            parentSchema: schema17.oneOf[1],
            data: data5,
          };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
        if (data5.timeUnit === undefined) {
          const err23 = {
            instancePath: instancePath + '/schedule',
            schemaPath: '#/definitions/schedule/oneOf/1/required',
            keyword: 'required',
            params: { missingProperty: 'timeUnit' },
            message: "must have required property '" + 'timeUnit' + "'",
            schema: schema17.oneOf[1].required,
            parentSchema: schema17.oneOf[1],
            data: data5,
          };
          if (vErrors === null) {
            vErrors = [err23];
          } else {
            vErrors.push(err23);
          }
          errors++;
        }
        for (const key1 in data5) {
          if (!(key1 === 'units' || key1 === 'timeUnit')) {
            const err24 = {
              instancePath: instancePath + '/schedule',
              schemaPath: '#/definitions/schedule/oneOf/1/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key1 },
              message: 'must NOT have additional properties',
              schema: false,
              parentSchema: schema17.oneOf[1],
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
        if (data5.units !== undefined) {
          let data6 = data5.units;
          if (!(typeof data6 == 'number' && !(data6 % 1) && !isNaN(data6) && isFinite(data6))) {
            const err25 = {
              instancePath: instancePath + '/schedule/units',
              schemaPath: '#/definitions/schedule/oneOf/1/properties/units/type',
              keyword: 'type',
              params: { type: 'integer' },
              message: 'must be integer',
              schema: schema17.oneOf[1].properties.units.type,
              parentSchema: schema17.oneOf[1].properties.units,
              data: data6,
            };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
          if (typeof data6 == 'number' && isFinite(data6)) {
            if (data6 < 1 || isNaN(data6)) {
              const err26 = {
                instancePath: instancePath + '/schedule/units',
                schemaPath: '#/definitions/schedule/oneOf/1/properties/units/minimum',
                keyword: 'minimum',
                params: { comparison: '>=', limit: 1 },
                message: 'must be >= 1',
                schema: 1,
                parentSchema: schema17.oneOf[1].properties.units,
                data: data6,
              };
              if (vErrors === null) {
                vErrors = [err26];
              } else {
                vErrors.push(err26);
              }
              errors++;
            }
          }
        }
        if (data5.timeUnit !== undefined) {
          let data7 = data5.timeUnit;
          if (typeof data7 !== 'string') {
            const err27 = {
              instancePath: instancePath + '/schedule/timeUnit',
              schemaPath: '#/definitions/schedule/oneOf/1/properties/timeUnit/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema17.oneOf[1].properties.timeUnit.type,
              parentSchema: schema17.oneOf[1].properties.timeUnit,
              data: data7,
            };
            if (vErrors === null) {
              vErrors = [err27];
            } else {
              vErrors.push(err27);
            }
            errors++;
          }
          if (!(data7 === 'minutes' || data7 === 'hours' || data7 === 'days' || data7 === 'weeks' || data7 === 'months')) {
            const err28 = {
              instancePath: instancePath + '/schedule/timeUnit',
              schemaPath: '#/definitions/schedule/oneOf/1/properties/timeUnit/enum',
              keyword: 'enum',
              params: { allowedValues: schema17.oneOf[1].properties.timeUnit.enum },
              message: 'must be equal to one of the allowed values',
              schema: schema17.oneOf[1].properties.timeUnit.enum,
              parentSchema: schema17.oneOf[1].properties.timeUnit,
              data: data7,
            };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
        }
      } else {
        const err29 = {
          instancePath: instancePath + '/schedule',
          schemaPath: '#/definitions/schedule/oneOf/1/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema17.oneOf[1].type,
          parentSchema: schema17.oneOf[1],
          data: data5,
        };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
      var _valid1 = _errs20 === errors;
      if (_valid1 && valid5) {
        valid5 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid1) {
          valid5 = true;
          passing0 = 1;
        }
        const _errs27 = errors;
        if (data5 && typeof data5 == 'object' && !Array.isArray(data5)) {
          if (data5.cron === undefined) {
            const err30 = {
              instancePath: instancePath + '/schedule',
              schemaPath: '#/definitions/schedule/oneOf/2/required',
              keyword: 'required',
              params: { missingProperty: 'cron' },
              message: "must have required property '" + 'cron' + "'",
              schema: schema17.oneOf[2].required,
              parentSchema: schema17.oneOf[2],
              data: data5,
            };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
          for (const key2 in data5) {
            if (!(key2 === 'cron' || key2 === 'timezone')) {
              const err31 = {
                instancePath: instancePath + '/schedule',
                schemaPath: '#/definitions/schedule/oneOf/2/additionalProperties',
                keyword: 'additionalProperties',
                params: { additionalProperty: key2 },
                message: 'must NOT have additional properties',
                schema: false,
                parentSchema: schema17.oneOf[2],
                data: data5,
              };
              if (vErrors === null) {
                vErrors = [err31];
              } else {
                vErrors.push(err31);
              }
              errors++;
            }
          }
          if (data5.cron !== undefined) {
            let data8 = data5.cron;
            if (typeof data8 !== 'string') {
              const err32 = {
                instancePath: instancePath + '/schedule/cron',
                schemaPath: '#/definitions/schedule/oneOf/2/properties/cron/type',
                keyword: 'type',
                params: { type: 'string' },
                message: 'must be string',
                schema: schema17.oneOf[2].properties.cron.type,
                parentSchema: schema17.oneOf[2].properties.cron,
                data: data8,
              };
              if (vErrors === null) {
                vErrors = [err32];
              } else {
                vErrors.push(err32);
              }
              errors++;
            }
          }
          if (data5.timezone !== undefined) {
            let data9 = data5.timezone;
            if (typeof data9 !== 'string') {
              const err33 = {
                instancePath: instancePath + '/schedule/timezone',
                schemaPath: '#/definitions/schedule/oneOf/2/properties/timezone/type',
                keyword: 'type',
                params: { type: 'string' },
                message: 'must be string',
                schema: schema17.oneOf[2].properties.timezone.type,
                parentSchema: schema17.oneOf[2].properties.timezone,
                data: data9,
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
            schemaPath: '#/definitions/schedule/oneOf/2/type',
            keyword: 'type',
            params: { type: 'object' },
            message: 'must be object',
            schema: schema17.oneOf[2].type,
            parentSchema: schema17.oneOf[2],
            data: data5,
          };
          if (vErrors === null) {
            vErrors = [err34];
          } else {
            vErrors.push(err34);
          }
          errors++;
        }
        var _valid1 = _errs27 === errors;
        if (_valid1 && valid5) {
          valid5 = false;
          passing0 = [passing0, 2];
        } else {
          if (_valid1) {
            valid5 = true;
            passing0 = 2;
          }
        }
      }
      if (!valid5) {
        const err35 = {
          instancePath: instancePath + '/schedule',
          schemaPath: '#/definitions/schedule/oneOf',
          keyword: 'oneOf',
          params: { passingSchemas: passing0 },
          message: 'must match exactly one schema in oneOf',
          schema: schema17.oneOf,
          parentSchema: schema17,
          data: data5,
        };
        if (vErrors === null) {
          vErrors = [err35];
        } else {
          vErrors.push(err35);
        }
        errors++;
      } else {
        errors = _errs17;
        if (vErrors !== null) {
          if (_errs17) {
            vErrors.length = _errs17;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.namespaceDefinition !== undefined) {
      let data10 = data.namespaceDefinition;
      if (typeof data10 !== 'string') {
        const err36 = {
          instancePath: instancePath + '/namespaceDefinition',
          schemaPath: '#/properties/namespaceDefinition/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema15.properties.namespaceDefinition.type,
          parentSchema: schema15.properties.namespaceDefinition,
          data: data10,
        };
        if (vErrors === null) {
          vErrors = [err36];
        } else {
          vErrors.push(err36);
        }
        errors++;
      }
      if (!(data10 === 'source' || data10 === 'destination' || data10 === 'customformat')) {
        const err37 = {
          instancePath: instancePath + '/namespaceDefinition',
          schemaPath: '#/properties/namespaceDefinition/enum',
          keyword: 'enum',
          params: { allowedValues: schema15.properties.namespaceDefinition.enum },
          message: 'must be equal to one of the allowed values',
          schema: schema15.properties.namespaceDefinition.enum,
          parentSchema: schema15.properties.namespaceDefinition,
          data: data10,
        };
        if (vErrors === null) {
          vErrors = [err37];
        } else {
          vErrors.push(err37);
        }
        errors++;
      }
    }
    if (data.namespaceFormat !== undefined) {
      let data11 = data.namespaceFormat;
      if (typeof data11 !== 'string') {
        const err38 = {
          instancePath: instancePath + '/namespaceFormat',
          schemaPath: '#/properties/namespaceFormat/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema15.properties.namespaceFormat.type,
          parentSchema: schema15.properties.namespaceFormat,
          data: data11,
        };
        if (vErrors === null) {
          vErrors = [err38];
        } else {
          vErrors.push(err38);
        }
        errors++;
      }
    }
    if (data.prefix !== undefined) {
      let data12 = data.prefix;
      if (typeof data12 !== 'string') {
        const err39 = {
          instancePath: instancePath + '/prefix',
          schemaPath: '#/properties/prefix/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema15.properties.prefix.type,
          parentSchema: schema15.properties.prefix,
          data: data12,
        };
        if (vErrors === null) {
          vErrors = [err39];
        } else {
          vErrors.push(err39);
        }
        errors++;
      }
    }
    if (data.nonBreakingChangesPreference !== undefined) {
      let data13 = data.nonBreakingChangesPreference;
      if (typeof data13 !== 'string') {
        const err40 = {
          instancePath: instancePath + '/nonBreakingChangesPreference',
          schemaPath: '#/properties/nonBreakingChangesPreference/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema15.properties.nonBreakingChangesPreference.type,
          parentSchema: schema15.properties.nonBreakingChangesPreference,
          data: data13,
        };
        if (vErrors === null) {
          vErrors = [err40];
        } else {
          vErrors.push(err40);
        }
        errors++;
      }
      if (!(data13 === 'ignore' || data13 === 'disable' || data13 === 'propagate_columns' || data13 === 'propagate_fully')) {
        const err41 = {
          instancePath: instancePath + '/nonBreakingChangesPreference',
          schemaPath: '#/properties/nonBreakingChangesPreference/enum',
          keyword: 'enum',
          params: { allowedValues: schema15.properties.nonBreakingChangesPreference.enum },
          message: 'must be equal to one of the allowed values',
          schema: schema15.properties.nonBreakingChangesPreference.enum,
          parentSchema: schema15.properties.nonBreakingChangesPreference,
          data: data13,
        };
        if (vErrors === null) {
          vErrors = [err41];
        } else {
          vErrors.push(err41);
        }
        errors++;
      }
    }
    if (data.streams !== undefined) {
      let data14 = data.streams;
      if (Array.isArray(data14)) {
        if (data14.length < 1) {
          const err42 = {
            instancePath: instancePath + '/streams',
            schemaPath: '#/properties/streams/minItems',
            keyword: 'minItems',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 items',
            schema: 1,
            parentSchema: schema15.properties.streams,
            data: data14,
          };
          if (vErrors === null) {
            vErrors = [err42];
          } else {
            vErrors.push(err42);
          }
          errors++;
        }
        const len0 = data14.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data15 = data14[i0];
          if (data15 && typeof data15 == 'object' && !Array.isArray(data15)) {
            if (data15.name === undefined) {
              const err43 = {
                instancePath: instancePath + '/streams/' + i0,
                schemaPath: '#/definitions/stream/required',
                keyword: 'required',
                params: { missingProperty: 'name' },
                message: "must have required property '" + 'name' + "'",
                schema: schema18.required,
                parentSchema: schema18,
                data: data15,
              };
              if (vErrors === null) {
                vErrors = [err43];
              } else {
                vErrors.push(err43);
              }
              errors++;
            }
            if (data15.syncMode === undefined) {
              const err44 = {
                instancePath: instancePath + '/streams/' + i0,
                schemaPath: '#/definitions/stream/required',
                keyword: 'required',
                params: { missingProperty: 'syncMode' },
                message: "must have required property '" + 'syncMode' + "'",
                schema: schema18.required,
                parentSchema: schema18,
                data: data15,
              };
              if (vErrors === null) {
                vErrors = [err44];
              } else {
                vErrors.push(err44);
              }
              errors++;
            }
            if (data15.destinationSyncMode === undefined) {
              const err45 = {
                instancePath: instancePath + '/streams/' + i0,
                schemaPath: '#/definitions/stream/required',
                keyword: 'required',
                params: { missingProperty: 'destinationSyncMode' },
                message: "must have required property '" + 'destinationSyncMode' + "'",
                schema: schema18.required,
                parentSchema: schema18,
                data: data15,
              };
              if (vErrors === null) {
                vErrors = [err45];
              } else {
                vErrors.push(err45);
              }
              errors++;
            }
            for (const key3 in data15) {
              if (!(
                key3 === 'name' ||
                key3 === 'namespace' ||
                key3 === 'syncMode' ||
                key3 === 'destinationSyncMode' ||
                key3 === 'cursorField' ||
                key3 === 'primaryKey' ||
                key3 === 'selectedFields'
              )) {
                const err46 = {
                  instancePath: instancePath + '/streams/' + i0,
                  schemaPath: '#/definitions/stream/additionalProperties',
                  keyword: 'additionalProperties',
                  params: { additionalProperty: key3 },
                  message: 'must NOT have additional properties',
                  schema: false,
                  parentSchema: schema18,
                  data: data15,
                };
                if (vErrors === null) {
                  vErrors = [err46];
                } else {
                  vErrors.push(err46);
                }
                errors++;
              }
            }
            if (data15.name !== undefined) {
              let data16 = data15.name;
              if (typeof data16 === 'string') {
                if (func2(data16) < 1) {
                  const err47 = {
                    instancePath: instancePath + '/streams/' + i0 + '/name',
                    schemaPath: '#/definitions/stream/properties/name/minLength',
                    keyword: 'minLength',
                    params: { limit: 1 },
                    message: 'must NOT have fewer than 1 characters',
                    schema: 1,
                    parentSchema: schema18.properties.name,
                    data: data16,
                  };
                  if (vErrors === null) {
                    vErrors = [err47];
                  } else {
                    vErrors.push(err47);
                  }
                  errors++;
                }
                if (!pattern0.test(data16)) {
                  const err48 = {
                    instancePath: instancePath + '/streams/' + i0 + '/name',
                    schemaPath: '#/definitions/stream/properties/name/pattern',
                    keyword: 'pattern',
                    params: { pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' },
                    message: 'must match pattern "' + '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' + '"',
                    schema: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
                    parentSchema: schema18.properties.name,
                    data: data16,
                  };
                  if (vErrors === null) {
                    vErrors = [err48];
                  } else {
                    vErrors.push(err48);
                  }
                  errors++;
                }
              } else {
                const err49 = {
                  instancePath: instancePath + '/streams/' + i0 + '/name',
                  schemaPath: '#/definitions/stream/properties/name/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema18.properties.name.type,
                  parentSchema: schema18.properties.name,
                  data: data16,
                };
                if (vErrors === null) {
                  vErrors = [err49];
                } else {
                  vErrors.push(err49);
                }
                errors++;
              }
            }
            if (data15.namespace !== undefined) {
              let data17 = data15.namespace;
              if (typeof data17 === 'string') {
                if (!pattern0.test(data17)) {
                  const err50 = {
                    instancePath: instancePath + '/streams/' + i0 + '/namespace',
                    schemaPath: '#/definitions/stream/properties/namespace/pattern',
                    keyword: 'pattern',
                    params: { pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' },
                    message: 'must match pattern "' + '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' + '"',
                    schema: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
                    parentSchema: schema18.properties.namespace,
                    data: data17,
                  };
                  if (vErrors === null) {
                    vErrors = [err50];
                  } else {
                    vErrors.push(err50);
                  }
                  errors++;
                }
              } else {
                const err51 = {
                  instancePath: instancePath + '/streams/' + i0 + '/namespace',
                  schemaPath: '#/definitions/stream/properties/namespace/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema18.properties.namespace.type,
                  parentSchema: schema18.properties.namespace,
                  data: data17,
                };
                if (vErrors === null) {
                  vErrors = [err51];
                } else {
                  vErrors.push(err51);
                }
                errors++;
              }
            }
            if (data15.syncMode !== undefined) {
              let data18 = data15.syncMode;
              if (typeof data18 !== 'string') {
                const err52 = {
                  instancePath: instancePath + '/streams/' + i0 + '/syncMode',
                  schemaPath: '#/definitions/stream/properties/syncMode/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema18.properties.syncMode.type,
                  parentSchema: schema18.properties.syncMode,
                  data: data18,
                };
                if (vErrors === null) {
                  vErrors = [err52];
                } else {
                  vErrors.push(err52);
                }
                errors++;
              }
              if (!(data18 === 'full_refresh' || data18 === 'incremental')) {
                const err53 = {
                  instancePath: instancePath + '/streams/' + i0 + '/syncMode',
                  schemaPath: '#/definitions/stream/properties/syncMode/enum',
                  keyword: 'enum',
                  params: { allowedValues: schema18.properties.syncMode.enum },
                  message: 'must be equal to one of the allowed values',
                  schema: schema18.properties.syncMode.enum,
                  parentSchema: schema18.properties.syncMode,
                  data: data18,
                };
                if (vErrors === null) {
                  vErrors = [err53];
                } else {
                  vErrors.push(err53);
                }
                errors++;
              }
            }
            if (data15.destinationSyncMode !== undefined) {
              let data19 = data15.destinationSyncMode;
              if (typeof data19 !== 'string') {
                const err54 = {
                  instancePath: instancePath + '/streams/' + i0 + '/destinationSyncMode',
                  schemaPath: '#/definitions/stream/properties/destinationSyncMode/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema18.properties.destinationSyncMode.type,
                  parentSchema: schema18.properties.destinationSyncMode,
                  data: data19,
                };
                if (vErrors === null) {
                  vErrors = [err54];
                } else {
                  vErrors.push(err54);
                }
                errors++;
              }
              if (!(data19 === 'append' || data19 === 'overwrite' || data19 === 'append_dedup' || data19 === 'overwrite_dedup')) {
                const err55 = {
                  instancePath: instancePath + '/streams/' + i0 + '/destinationSyncMode',
                  schemaPath: '#/definitions/stream/properties/destinationSyncMode/enum',
                  keyword: 'enum',
                  params: { allowedValues: schema18.properties.destinationSyncMode.enum },
                  message: 'must be equal to one of the allowed values',
                  schema: schema18.properties.destinationSyncMode.enum,
                  parentSchema: schema18.properties.destinationSyncMode,
                  data: data19,
                };
                if (vErrors === null) {
                  vErrors = [err55];
                } else {
                  vErrors.push(err55);
                }
                errors++;
              }
            }
            if (data15.cursorField !== undefined) {
              let data20 = data15.cursorField;
              if (Array.isArray(data20)) {
                const len1 = data20.length;
                for (let i1 = 0; i1 < len1; i1++) {
                  let data21 = data20[i1];
                  if (typeof data21 === 'string') {
                    if (func2(data21) < 1) {
                      const err56 = {
                        instancePath: instancePath + '/streams/' + i0 + '/cursorField/' + i1,
                        schemaPath: '#/definitions/stream/properties/cursorField/items/minLength',
                        keyword: 'minLength',
                        params: { limit: 1 },
                        message: 'must NOT have fewer than 1 characters',
                        schema: 1,
                        parentSchema: schema18.properties.cursorField.items,
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
                      instancePath: instancePath + '/streams/' + i0 + '/cursorField/' + i1,
                      schemaPath: '#/definitions/stream/properties/cursorField/items/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                      schema: schema18.properties.cursorField.items.type,
                      parentSchema: schema18.properties.cursorField.items,
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
              } else {
                const err58 = {
                  instancePath: instancePath + '/streams/' + i0 + '/cursorField',
                  schemaPath: '#/definitions/stream/properties/cursorField/type',
                  keyword: 'type',
                  params: { type: 'array' },
                  message: 'must be array',
                  schema: schema18.properties.cursorField.type,
                  parentSchema: schema18.properties.cursorField,
                  data: data20,
                };
                if (vErrors === null) {
                  vErrors = [err58];
                } else {
                  vErrors.push(err58);
                }
                errors++;
              }
            }
            if (data15.primaryKey !== undefined) {
              let data22 = data15.primaryKey;
              if (Array.isArray(data22)) {
                const len2 = data22.length;
                for (let i2 = 0; i2 < len2; i2++) {
                  let data23 = data22[i2];
                  if (Array.isArray(data23)) {
                    const len3 = data23.length;
                    for (let i3 = 0; i3 < len3; i3++) {
                      let data24 = data23[i3];
                      if (typeof data24 === 'string') {
                        if (func2(data24) < 1) {
                          const err59 = {
                            instancePath: instancePath + '/streams/' + i0 + '/primaryKey/' + i2 + '/' + i3,
                            schemaPath: '#/definitions/stream/properties/primaryKey/items/items/minLength',
                            keyword: 'minLength',
                            params: { limit: 1 },
                            message: 'must NOT have fewer than 1 characters',
                            schema: 1,
                            parentSchema: schema18.properties.primaryKey.items.items,
                            data: data24,
                          };
                          if (vErrors === null) {
                            vErrors = [err59];
                          } else {
                            vErrors.push(err59);
                          }
                          errors++;
                        }
                      } else {
                        const err60 = {
                          instancePath: instancePath + '/streams/' + i0 + '/primaryKey/' + i2 + '/' + i3,
                          schemaPath: '#/definitions/stream/properties/primaryKey/items/items/type',
                          keyword: 'type',
                          params: { type: 'string' },
                          message: 'must be string',
                          schema: schema18.properties.primaryKey.items.items.type,
                          parentSchema: schema18.properties.primaryKey.items.items,
                          data: data24,
                        };
                        if (vErrors === null) {
                          vErrors = [err60];
                        } else {
                          vErrors.push(err60);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err61 = {
                      instancePath: instancePath + '/streams/' + i0 + '/primaryKey/' + i2,
                      schemaPath: '#/definitions/stream/properties/primaryKey/items/type',
                      keyword: 'type',
                      params: { type: 'array' },
                      message: 'must be array',
                      schema: schema18.properties.primaryKey.items.type,
                      parentSchema: schema18.properties.primaryKey.items,
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
              } else {
                const err62 = {
                  instancePath: instancePath + '/streams/' + i0 + '/primaryKey',
                  schemaPath: '#/definitions/stream/properties/primaryKey/type',
                  keyword: 'type',
                  params: { type: 'array' },
                  message: 'must be array',
                  schema: schema18.properties.primaryKey.type,
                  parentSchema: schema18.properties.primaryKey,
                  data: data22,
                };
                if (vErrors === null) {
                  vErrors = [err62];
                } else {
                  vErrors.push(err62);
                }
                errors++;
              }
            }
            if (data15.selectedFields !== undefined) {
              let data25 = data15.selectedFields;
              if (Array.isArray(data25)) {
                const len4 = data25.length;
                for (let i4 = 0; i4 < len4; i4++) {
                  let data26 = data25[i4];
                  if (typeof data26 === 'string') {
                    if (func2(data26) < 1) {
                      const err63 = {
                        instancePath: instancePath + '/streams/' + i0 + '/selectedFields/' + i4,
                        schemaPath: '#/definitions/stream/properties/selectedFields/items/minLength',
                        keyword: 'minLength',
                        params: { limit: 1 },
                        message: 'must NOT have fewer than 1 characters',
                        schema: 1,
                        parentSchema: schema18.properties.selectedFields.items,
                        data: data26,
                      };
                      if (vErrors === null) {
                        vErrors = [err63];
                      } else {
                        vErrors.push(err63);
                      }
                      errors++;
                    }
                  } else {
                    const err64 = {
                      instancePath: instancePath + '/streams/' + i0 + '/selectedFields/' + i4,
                      schemaPath: '#/definitions/stream/properties/selectedFields/items/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                      schema: schema18.properties.selectedFields.items.type,
                      parentSchema: schema18.properties.selectedFields.items,
                      data: data26,
                    };
                    if (vErrors === null) {
                      vErrors = [err64];
                    } else {
                      vErrors.push(err64);
                    }
                    errors++;
                  }
                }
              } else {
                const err65 = {
                  instancePath: instancePath + '/streams/' + i0 + '/selectedFields',
                  schemaPath: '#/definitions/stream/properties/selectedFields/type',
                  keyword: 'type',
                  params: { type: 'array' },
                  message: 'must be array',
                  schema: schema18.properties.selectedFields.type,
                  parentSchema: schema18.properties.selectedFields,
                  data: data25,
                };
                if (vErrors === null) {
                  vErrors = [err65];
                } else {
                  vErrors.push(err65);
                }
                errors++;
              }
            }
          } else {
            const err66 = {
              instancePath: instancePath + '/streams/' + i0,
              schemaPath: '#/definitions/stream/type',
              keyword: 'type',
              params: { type: 'object' },
              message: 'must be object',
              schema: schema18.type,
              parentSchema: schema18,
              data: data15,
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
          instancePath: instancePath + '/streams',
          schemaPath: '#/properties/streams/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema15.properties.streams.type,
          parentSchema: schema15.properties.streams,
          data: data14,
        };
        if (vErrors === null) {
          vErrors = [err67];
        } else {
          vErrors.push(err67);
        }
        errors++;
      }
    }
    if (data.previousNames !== undefined) {
      let data27 = data.previousNames;
      if (Array.isArray(data27)) {
        const len5 = data27.length;
        for (let i5 = 0; i5 < len5; i5++) {
          let data28 = data27[i5];
          if (typeof data28 === 'string') {
            if (func2(data28) < 1) {
              const err68 = {
                instancePath: instancePath + '/previousNames/' + i5,
                schemaPath: '#/definitions/previousNames/items/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
                schema: 1,
                parentSchema: schema14.items,
                data: data28,
              };
              if (vErrors === null) {
                vErrors = [err68];
              } else {
                vErrors.push(err68);
              }
              errors++;
            }
            if (!pattern0.test(data28)) {
              const err69 = {
                instancePath: instancePath + '/previousNames/' + i5,
                schemaPath: '#/definitions/previousNames/items/pattern',
                keyword: 'pattern',
                params: { pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' },
                message: 'must match pattern "' + '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$' + '"',
                schema: '^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069]*$',
                parentSchema: schema14.items,
                data: data28,
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
              instancePath: instancePath + '/previousNames/' + i5,
              schemaPath: '#/definitions/previousNames/items/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema14.items.type,
              parentSchema: schema14.items,
              data: data28,
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
          instancePath: instancePath + '/previousNames',
          schemaPath: '#/definitions/previousNames/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema14.type,
          parentSchema: schema14,
          data: data27,
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
      vErrors = [err72];
    } else {
      vErrors.push(err72);
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
/** Validates a parsed pipeline file; on failure, the errors are in `.errors` (Ajv options: {"allErrors":true,"verbose":true,"strict":true,"strictRequired":false}). */
export const validatePipeline: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } = validate10;
