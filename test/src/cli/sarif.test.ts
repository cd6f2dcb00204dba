import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { allRules } from '../../../server/out/service/rules/index';
import { ruleDocsUrl } from '../../../server/out/cli/formatters/sarif';
import { cli, fixture, ROOT, tempDir } from './run';
import { nth } from '../helpers/nth';

/**
 * The official SARIF 2.1.0 schema (2.1.0-rtm.5, the OASIS standard's), as
 * Microsoft's SARIF SDK ships it in @microsoft/jest-sarif. It is draft-04,
 * hence ajv-draft-04; one of its patterns (`language`) is not valid as a
 * Unicode regular expression, hence `unicodeRegExp: false`.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SARIF_SCHEMA = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(SARIF_SCHEMA);

function assertValidSarif(log: unknown): void {
  const valid = validateSarif(log);
  assert.ok(valid, `not valid SARIF 2.1.0: ${ajv.errorsText(validateSarif.errors, { separator: '\n' })}`);
}

interface SarifLog {
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        informationUri: string;
        rules: {
          id: string;
          helpUri: string;
          help: { text: string; markdown: string };
          shortDescription: { text: string };
          fullDescription: { text: string };
          defaultConfiguration: { level: string };
          properties: { category: string };
        }[];
      };
    };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId?: string };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
      }[];
    }[];
  }[];
}

describe('role-protocols lint --format sarif', () => {
  const args = ['lint', fixture('broken.roles.yaml'), fixture('relaxed'), fixture('bad-config')];
  let run: ReturnType<typeof cli>;
  let log: SarifLog;
  let sarifRun: SarifLog['runs'][number];
  before(() => {
    run = cli([...args, '-f', 'sarif']);
    log = JSON.parse(run.stdout) as SarifLog;
    sarifRun = nth(log.runs, 0);
  });

  it('is valid against the official SARIF 2.1.0 schema', () => {
    assert.equal(run.status, 1);
    assertValidSarif(log);
  });

  it('the schema check catches a broken log (so the test above means something)', () => {
    const broken = JSON.parse(run.stdout) as SarifLog;
    nth(nth(broken.runs, 0).results, 0).level = 'info';
    assert.equal(validateSarif(broken), false);
  });

  it('describes the tool and every rule', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const { driver } = sarifRun.tool;
    assert.equal(log.version, '2.1.0');
    assert.equal(driver.name, 'role-protocols');
    assert.equal(driver.version, version);
    assert.equal(driver.rules.map((r) => r.id).join(' '), allRules.map((r) => r.id).join(' '));
    for (const [i, rule] of driver.rules.entries()) {
      const source = nth(allRules, i);
      assert.equal(rule.helpUri, ruleDocsUrl(rule.id));
      assert.ok(rule.help.text.length > 40, rule.id);
      assert.equal(rule.shortDescription.text, source.description);
      assert.equal(rule.fullDescription.text, source.rationale);
      assert.equal(rule.defaultConfiguration.level, { error: 'error', warning: 'warning', info: 'note' }[source.defaultSeverity]);
      assert.equal(rule.properties.category, source.category);
    }
  });

  it('gives the same findings as JSON, with rule indexes, levels and regions', () => {
    const fromJson = (
      JSON.parse(cli([...args, '-f', 'json']).stdout) as {
        filePath: string;
        messages: { ruleId: string; severityName: string; message: string; line: number; column: number; endLine: number; endColumn: number }[];
      }[]
    ).flatMap((file) =>
      file.messages.map((m) => ({
        uri: path.relative(ROOT, file.filePath).split(path.sep).join('/'),
        ruleId: m.ruleId,
        level: m.severityName === 'info' ? 'note' : m.severityName,
        text: m.message,
        region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
      })),
    );
    const fromSarif = sarifRun.results.map((r) => {
      const { artifactLocation, region } = nth(r.locations, 0).physicalLocation;
      assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
      assert.equal(nth(sarifRun.tool.driver.rules, r.ruleIndex).id, r.ruleId);
      return { uri: artifactLocation.uri, ruleId: r.ruleId, level: r.level, text: r.message.text, region };
    });
    assert.ok(fromSarif.length > 5);
    assert.deepEqual(fromSarif, fromJson);
    // relaxed/.roleprotocols.yaml made step-has-performer a warning.
    assert.ok(fromSarif.some((r) => r.uri === fixture('relaxed/broken.roles.yaml') && r.ruleId === 'step-has-performer' && r.level === 'warning'));
  });

  it('makes paths relative to %SRCROOT%, the working folder', () => {
    assert.deepEqual(sarifRun.originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(ROOT).href}/` } });
  });

  it('stays valid for a clean file, standard input, and a file outside the working folder', () => {
    const clean = cli(['lint', fixture('clean.roles.yaml'), '-f', 'sarif']);
    assert.equal(clean.status, 0);
    assertValidSarif(JSON.parse(clean.stdout));
    assert.deepEqual(nth((JSON.parse(clean.stdout) as SarifLog).runs, 0).results, []);

    const text = fs.readFileSync(path.join(ROOT, fixture('warning.roles.yaml')), 'utf8');
    const stdin = JSON.parse(cli(['lint', '-', '-f', 'sarif'], { input: text }).stdout) as SarifLog;
    assertValidSarif(stdin);
    assert.equal(nth(nth(nth(stdin.runs, 0).results, 0).locations, 0).physicalLocation.artifactLocation.uri, '%3Cstdin%3E');

    const elsewhere = tempDir();
    const outside = JSON.parse(cli(['lint', path.join(ROOT, fixture('warning.roles.yaml')), '-f', 'sarif'], { cwd: elsewhere }).stdout) as SarifLog;
    assertValidSarif(outside);
    const location = nth(nth(nth(outside.runs, 0).results, 0).locations, 0).physicalLocation.artifactLocation;
    assert.deepEqual(location, { uri: pathToFileURL(path.join(ROOT, fixture('warning.roles.yaml'))).href });
  });
});
