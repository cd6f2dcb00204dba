'use strict';
/**
 * Change control: the diff of two versions of a generated protocol. The new
 * version is the old one with a reviewer's worth of changes planted through
 * it (a band lowered, an approver added, a reassessment made less frequent,
 * a pass mark lowered, a role renamed with its references),
 * so the diff does the whole job: match every entry, find the renames,
 * compare every field, place each change in both texts.
 *
 * Two figures per size: the whole comparison from the two texts (both
 * checked with `lintText`, as `role-protocols diff` does, then compared),
 * and the comparison alone (`diffVersions` on the two checks).
 */
const path = require('path');
const { timeRuns, median } = require('./lib/stats');

const OUT = path.join(__dirname, '..', 'server', 'out', 'service');
const { lintText } = require(path.join(OUT, 'engine', 'lint'));
const { diffVersions } = require(path.join(OUT, 'diff', 'index'));

const TODAY = '2026-11-26';
const check = (text) => lintText(text, { fileName: 'bench.roles.yaml', today: TODAY });

/** The planted changes: each the first occurrence of a text, except the rename, which moves every reference. */
function nextVersion(text) {
  const edits = [
    ['minBand: 5', 'minBand: 4'],
    ['reassessEveryMonths: 12', 'reassessEveryMonths: 24'],
    ['passMark: 80', 'passMark: 70'],
  ];
  let next = text;
  for (const [from, to] of edits) next = next.replace(from, to);
  // An approver added to the first step that has one.
  next = next.replace(/approves: \[([^\]]+)\]/, (_m, list) => `approves: [${list}, physicist-north]`);
  // A role renamed, with its references (the first campus's imaging assistant, if the generator wrote one).
  const role = /- id: (imaging-assistant-[a-z]+)\n/.exec(next)?.[1];
  if (role) next = next.replace(new RegExp(`\\b${role}(?![\\w-])`, 'g'), `${role}-renamed`);
  return next;
}

function measure(text, runs) {
  const next = nextVersion(text);
  const compare = () => diffVersions({ label: 'old', result: check(text) }, { label: 'new', result: check(next) });
  const whole = timeRuns(compare, runs, 2);
  const a = { label: 'old', result: check(text) };
  const b = { label: 'new', result: check(next) };
  const alone = timeRuns(() => diffVersions(a, b), runs, 2);
  const result = diffVersions(a, b);
  return {
    whole: median(whole),
    wholeBest: Math.min(...whole),
    compare: median(alone),
    compareBest: Math.min(...alone),
    changes: result.changes.length,
    significant: result.changes.filter((c) => c.significance === 'significant').length,
    kinds: [...new Set(result.changes.map((c) => c.kind))].sort(),
  };
}

module.exports = { measure, nextVersion };
