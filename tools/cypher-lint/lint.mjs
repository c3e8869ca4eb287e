#!/usr/bin/env node
// Lint Cypher with Neo4j's own front end (parser + semantic analysis of Neo4j 5).
//
// stdin:  {"queries": [{"name": str, "query": str, "params": [str, ...]}],
//          "vocabulary": {"labels": [...], "relationshipTypes": [...], "propertyKeys": [...]}}
//         ("vocabulary" is optional; default: vocabulary.json next to this file)
// stdout: [{"name": str, "errors": [{"message", "line", "col"}], "warnings": [...]}]
//         line and col are 1-based and refer to the query text as given.
// exit:   0 when the lint ran (whatever it found), 2 on unusable input.
//
// The DbSchema handed to lintCypherQuery:
//   parameters      {name: null} for each declared parameter. The linter only tests
//                   `parameters[name] === undefined`, so presence is what counts; an
//                   undeclared $param is an error "Parameter $x is not defined.".
//   functions,      Neo4j's built-ins from the package's testData.mockSchema, scope
//   procedures      'CYPHER 5' only, minus apoc.* and gds.* (plugins we do not install):
//                   any other function or procedure is an error "... is not present".
//   defaultLanguage 'CYPHER 5' (Neo4j 5 runs Cypher 5; a 'CYPHER 25' prefix is refused).
//   labels, relationshipTypes, propertyKeys: our graph vocabulary (warnings if unknown).

import { readFileSync } from 'node:fs';
import { lintCypherQuery, parseStatementsStrs, testData } from '@neo4j-cypher/language-support';

const CYPHER_VERSION = 'CYPHER 5';
const PLUGIN_PREFIX = /^(apoc|gds)\./i;
const ERROR = 1; // vscode-languageserver DiagnosticSeverity.Error

function withoutPlugins(registry) {
  return Object.fromEntries(
    Object.entries(registry ?? {}).filter(([name]) => !PLUGIN_PREFIX.test(name)),
  );
}

function builtins() {
  const mock = testData.mockSchema;
  const functions = withoutPlugins(mock.functions?.[CYPHER_VERSION]);
  const procedures = withoutPlugins(mock.procedures?.[CYPHER_VERSION]);
  if (Object.keys(functions).length < 50 || Object.keys(procedures).length < 10) {
    throw new Error(
      `testData.mockSchema has no usable '${CYPHER_VERSION}' function/procedure lists ` +
        '(the package layout changed?); refusing to lint with an empty catalogue',
    );
  }
  return { functions: { [CYPHER_VERSION]: functions }, procedures: { [CYPHER_VERSION]: procedures } };
}

function readJson(text, what) {
  try {
    return JSON.parse(text);
  } catch (e) {
    process.stderr.write(`cypher-lint: ${what} is not JSON: ${e.message}\n`);
    process.exit(2);
  }
}

function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
}

// 1-based line/col of a character offset.
function position(text, offset) {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, col: lines[lines.length - 1].length + 1 };
}

function extraChecks(query, params) {
  const errors = [];
  const warnings = [];
  const code = stripComments(query);
  const statements = parseStatementsStrs(query).filter(
    (s) => stripComments(s).replace(/;/g, '').trim().length > 0,
  );
  if (statements.length > 1) {
    errors.push({
      message: `${statements.length} statements; a query must be exactly one statement`,
      line: 1,
      col: 1,
    });
  }
  const version = /^\s*CYPHER\s+(\d+)/i.exec(code);
  if (version && version[1] !== '5') {
    errors.push({
      message: `'CYPHER ${version[1]}' is not supported by Neo4j 5 (Cypher 5 only)`,
      ...position(query, version.index + version[0].indexOf('CYPHER')),
    });
  }
  for (const p of params) {
    const escaped = p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (!new RegExp(`\\$(${escaped}|\`${escaped}\`)(?![A-Za-z0-9_])`).test(code)) {
      warnings.push({ message: `declared parameter $${p} is not used`, line: 1, col: 1 });
    }
  }
  return { errors, warnings };
}

function lintOne(item, base) {
  const name = String(item?.name ?? '');
  const query = String(item?.query ?? '');
  const params = Array.isArray(item?.params) ? item.params.map(String) : [];
  const schema = { ...base, parameters: Object.fromEntries(params.map((p) => [p, null])) };
  const { diagnostics } = lintCypherQuery(query, schema, { consoleCommandsEnabled: false });
  const errors = [];
  const warnings = [];
  for (const d of diagnostics) {
    const entry = {
      message: d.message,
      line: d.range.start.line + 1,
      col: d.range.start.character + 1,
    };
    (d.severity === ERROR ? errors : warnings).push(entry);
  }
  if (query.trim().length === 0) {
    errors.push({ message: 'empty query', line: 1, col: 1 });
  }
  const extra = extraChecks(query, params);
  return {
    name,
    errors: errors.concat(extra.errors),
    warnings: warnings.concat(extra.warnings),
  };
}

function main() {
  const input = readJson(readFileSync(0, 'utf8'), 'stdin');
  if (!input || !Array.isArray(input.queries)) {
    process.stderr.write('cypher-lint: expected {"queries": [{"name", "query", "params"}]}\n');
    process.exit(2);
  }
  const vocabulary =
    input.vocabulary ??
    readJson(readFileSync(new URL('./vocabulary.json', import.meta.url), 'utf8'), 'vocabulary.json');
  const base = {
    ...builtins(),
    labels: vocabulary.labels ?? [],
    relationshipTypes: vocabulary.relationshipTypes ?? [],
    propertyKeys: vocabulary.propertyKeys ?? [],
    defaultLanguage: CYPHER_VERSION,
  };
  const results = input.queries.map((item) => lintOne(item, base));
  process.stdout.write(JSON.stringify(results) + '\n');
}

main();
