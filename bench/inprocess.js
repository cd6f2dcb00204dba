'use strict';
/**
 * In-process measurements on one text: the floor (js-yaml `parseEvents`, the
 * value built from the same events, ajv validation) and the service
 * (`lintText`: parse, schema, indexes, rules), plus the service stage by
 * stage, to show where its time goes.
 */
const path = require('path');
const { parseEvents, constructFromEvents } = require('js-yaml');
const Ajv2020 = require('ajv/dist/2020').default;
const { timeRuns, median } = require('./lib/stats');

const OUT = path.join(__dirname, '..', 'server', 'out', 'service');
const { lintText } = require(path.join(OUT, 'engine', 'lint'));
const { parseDocument } = require(path.join(OUT, 'parse', 'parseDocument'));
const { reparse } = require(path.join(OUT, 'parse', 'reparse'));
const { toValue } = require(path.join(OUT, 'parse', 'toValue'));
const { validateAgainstSchema } = require(path.join(OUT, 'schema', 'validate'));
const { buildProtocol } = require(path.join(OUT, 'model', 'protocol'));
const { collectIds, definitionsByKind } = require(path.join(OUT, 'model', 'ids'));
const { findDirectives } = require(path.join(OUT, 'engine', 'directives'));
const { LineIndex } = require(path.join(OUT, 'text', 'lineIndex'));
const { allRules, knownRuleIds } = require(path.join(OUT, 'rules', 'index'));
const { documentKindOf } = require(path.join(OUT, 'engine', 'documentKind'));

/** The annotation vocabulary of the service's schema, so ajv compiles the same schema the same way. */
const { ANNOTATIONS } = require(path.join(OUT, 'schema', 'schema'));
const SCHEMA_FILE = path.join(__dirname, '..', 'schemas', 'role-protocol.schema.json');

let floorValidator;
/** The floor's validator, compiled once (as the service compiles its own once per process). */
function floorValidate() {
  if (!floorValidator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowMatchingProperties: true });
    ajv.addVocabulary(ANNOTATIONS);
    floorValidator = ajv.compile(require(SCHEMA_FILE));
  }
  return floorValidator;
}

/** The least any checker could do: read the YAML events, build the value from them, validate it. Returns the ajv error count. */
function floor(text) {
  const validate = floorValidate();
  const events = parseEvents(text, { maxDepth: 100 });
  const [data] = constructFromEvents(events, { source: text });
  return validate(data) ? 0 : validate.errors.length;
}

const TODAY = '2026-11-26';
const service = (text) => lintText(text, { fileName: 'bench.roles.yaml', today: TODAY });

/** Median times of the service's stages, replaying lint.ts's steps one by one. */
function stages(text, runs) {
  const times = {};
  const add = (name, ms) => (times[name] ??= []).push(ms);
  const { now } = require('./lib/stats');
  const { edited, previous } = editOf(text);
  for (let i = 0; i < runs + 1; i++) {
    const r0 = now();
    reparse(previous, edited);
    if (i > 0) add('re-parse after the one-line edit (previous parse given)', now() - r0);
    const t = now();
    const parsed = parseDocument(text, 'yaml');
    const t1 = now();
    new LineIndex(text);
    const t2 = now();
    const data = toValue(parsed.root, parsed.anchors);
    const t3 = now();
    const kind = documentKindOf(parsed.root);
    const schemaProblems = validateAgainstSchema(parsed.root, data, kind);
    const t4 = now();
    const protocol = buildProtocol(data);
    const ids = collectIds(parsed.root, kind);
    const t5 = now();
    const directives = findDirectives(text);
    const context = {
      protocol,
      root: parsed.root,
      text,
      today: TODAY,
      kind,
      parseProblems: parsed.problems,
      schemaProblems,
      includeProblems: [],
      ids,
      definitions: definitionsByKind(ids),
      directives,
      knownRuleIds,
      budget: { check() {} },
    };
    const ruleTimes = [];
    for (const rule of allRules) {
      const r0 = now();
      rule.check(context);
      ruleTimes.push([rule.id, now() - r0]);
    }
    if (i === 0) continue; // warm-up
    add('parse (events + positioned tree)', t1 - t);
    add('line index', t2 - t1);
    add('tree → value', t3 - t2);
    add('schema (ajv + messages)', t4 - t3);
    add('model + id index', t5 - t4);
    let rulesTotal = 0;
    for (const [id, ms] of ruleTimes) {
      add(`rule ${id}`, ms);
      rulesTotal += ms;
    }
    add('rules, all', rulesTotal);
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

/**
 * The benchmark's one-line edit (the last delivery step's name emptied, as
 * the server measurement does) and the parse of the text before it: what an
 * editor's server has when the edit arrives.
 */
function editOf(text) {
  const { probes } = require('./generate');
  const probe = probes(text).edit;
  const lines = text.split('\n');
  lines[probe.line] = probe.text.replace(/name: .*/, 'name: ""');
  return { edited: lines.join('\n'), previous: parseDocument(text, 'yaml') };
}

/** Floor and service medians for one text; the service also after a one-line edit, given the previous parse. */
function measure(text, runs) {
  const floorTimes = timeRuns(() => floor(text), runs, 2);
  const serviceTimes = timeRuns(() => service(text), runs, 2);
  const { edited, previous } = editOf(text);
  const editTimes = timeRuns(() => lintText(edited, { fileName: 'bench.roles.yaml', today: TODAY, previous }), runs, 2);
  return {
    floor: median(floorTimes),
    service: median(serviceTimes),
    serviceEdit: median(editTimes),
    // The fastest run, least disturbed by the collector and other work: for the growth between sizes.
    floorBest: Math.min(...floorTimes),
    serviceBest: Math.min(...serviceTimes),
    floorErrors: floor(text),
    findings: service(text).findings,
  };
}

module.exports = { floor, service, measure, stages, SCHEMA_FILE, TODAY };
