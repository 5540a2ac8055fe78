/** The plan's renderers: text (Terraform-like), JSON (formatVersion 1), Markdown (pull requests), Mermaid graph. */
export { renderText, renderChange, formatters, type ChangeFormatter } from './text.js';
export { renderJson, toJsonPlan, type JsonPlanV1, type JsonChangeV1 } from './json.js';
export { renderMarkdown, escapeHtml } from './markdown.js';
export { renderGraph, escapeMermaid } from './mermaid.js';
export { summaryLine, formatValue, formatField } from './values.js';
