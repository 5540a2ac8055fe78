/**
 * The tables an emulated database holds, derived from the database name alone (documented in docs/emulator.md):
 * the first domain whose keyword occurs in the name supplies the tables; any other name gets a table named
 * after the database plus `users` and `audit_log`. Every table has `id` (primary key) and `updated_at`.
 */
import type { AirbyteCatalog } from '../../api/types.js';
import { airbyteStream, DB, withDefaultConfigs, type Column } from './discovery.js';

/** A table: its name and columns, in the order a database would list them. */
export interface Table {
  name: string;
  columns: Column[];
}

const id: Column = ['id', DB.integer];
const createdAt: Column = ['created_at', DB.timestamp];
const updatedAt: Column = ['updated_at', DB.timestamp];

function table(name: string, columns: Column[]): Table {
  return { name, columns: [id, ...columns] };
}

/** A domain of tables and the keywords that select it. */
interface Domain {
  keywords: string[];
  tables: Table[];
}

const DOMAINS: Domain[] = [
  {
    keywords: ['commerce', 'shop', 'store', 'retail'],
    tables: [
      table('customers', [['email', DB.string], ['first_name', DB.string], ['last_name', DB.string], createdAt, updatedAt]),
      table('orders', [['customer_id', DB.integer], ['status', DB.string], ['total_amount', DB.number], createdAt, updatedAt]),
      table('products', [['name', DB.string], ['category', DB.string], ['price', DB.number], updatedAt]),
      table('order_items', [['order_id', DB.integer], ['product_id', DB.integer], ['quantity', DB.integer], ['unit_price', DB.number], updatedAt]),
    ],
  },
  {
    keywords: ['crm', 'sales'],
    tables: [
      table('accounts', [['name', DB.string], ['industry', DB.string], ['owner_id', DB.integer], createdAt, updatedAt]),
      table('contacts', [['account_id', DB.integer], ['email', DB.string], ['full_name', DB.string], ['phone', DB.string], updatedAt]),
      table('deals', [['account_id', DB.integer], ['stage', DB.string], ['amount', DB.number], ['close_date', DB.date], updatedAt]),
      table('activities', [['contact_id', DB.integer], ['kind', DB.string], ['notes', DB.string], createdAt, updatedAt]),
    ],
  },
  {
    keywords: ['hr', 'people', 'payroll'],
    tables: [
      table('employees', [['department_id', DB.integer], ['email', DB.string], ['full_name', DB.string], ['hired_on', DB.date], updatedAt]),
      table('departments', [['name', DB.string], ['cost_center', DB.string], updatedAt]),
      table('salaries', [['employee_id', DB.integer], ['amount', DB.number], ['currency', DB.string], ['effective_from', DB.date], updatedAt]),
    ],
  },
  {
    keywords: ['analytics', 'event', 'tracking'],
    tables: [
      table('events', [['session_id', DB.integer], ['name', DB.string], ['properties', DB.string], ['occurred_at', DB.timestamp], updatedAt]),
      table('sessions', [['user_id', DB.integer], ['started_at', DB.timestamp], ['ended_at', DB.timestamp], ['device', DB.string], updatedAt]),
      table('page_views', [['session_id', DB.integer], ['url', DB.string], ['referrer', DB.string], createdAt, updatedAt]),
    ],
  },
  {
    keywords: ['billing', 'finance', 'payment', 'accounting'],
    tables: [
      table('invoices', [['customer_id', DB.integer], ['number', DB.string], ['total', DB.number], ['due_on', DB.date], updatedAt]),
      table('payments', [['invoice_id', DB.integer], ['amount', DB.number], ['method', DB.string], createdAt, updatedAt]),
      table('subscriptions', [['customer_id', DB.integer], ['plan', DB.string], ['active', DB.boolean], createdAt, updatedAt]),
    ],
  },
];

/** Words of a database name; short keywords must match a whole word so that "three" is not an HR database. */
function words(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word !== '');
}

function matches(name: string, keyword: string): boolean {
  return keyword.length <= 3 ? words(name).includes(keyword) : name.toLowerCase().includes(keyword);
}

/** A valid, lower-case table name from an arbitrary database name. */
function tableName(database: string): string {
  const cleaned = database
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return cleaned === '' ? 'records' : cleaned;
}

function fallbackTables(database: string): Table[] {
  const own = table(tableName(database), [['name', DB.string], ['description', DB.string], createdAt, updatedAt]);
  const users = table('users', [['email', DB.string], ['display_name', DB.string], createdAt, updatedAt]);
  const auditLog = table('audit_log', [['actor_id', DB.integer], ['action', DB.string], ['target', DB.string], createdAt, updatedAt]);
  return [own, users, auditLog].filter((candidate, i, all) => all.findIndex((other) => other.name === candidate.name) === i);
}

/** The tables of the database `name`, per the rule in the module comment. */
export function tablesForDatabase(name: string): Table[] {
  const domain = DOMAINS.find((candidate) => candidate.keywords.some((keyword) => matches(name, keyword)));
  return domain?.tables ?? fallbackTables(name);
}

/**
 * The catalog a JDBC source discovers for `database`: every table in each namespace (Postgres schemas, or the MySQL
 * database itself), with its primary key `id` and no source-defined cursor.
 */
export function databaseCatalog(database: string, namespaces: string[]): AirbyteCatalog {
  const tables = tablesForDatabase(database);
  const streams = namespaces.flatMap((namespace) =>
    tables.map((table) =>
      airbyteStream({
        name: table.name,
        namespace,
        columns: table.columns,
        supportedSyncModes: ['full_refresh', 'incremental'],
        sourceCursor: [],
        primaryKey: [['id']],
        isResumable: true,
      }),
    ),
  );
  return withDefaultConfigs(streams);
}
