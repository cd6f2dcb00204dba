'use strict';
/** Writes the benchmark's generated files to a temporary folder. */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { generateProtocol, generateCatalogue, protocolOfLines } = require('./generate');

function makeRoot() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'role-protocols-bench-'));
}

/** One large protocol per size: { size, file, text, lines, sites }. */
function writeSizes(root, sizes) {
  const dir = path.join(root, 'sizes');
  fs.mkdirSync(dir, { recursive: true });
  return sizes.map((size) => {
    const { text, lines, sites } = protocolOfLines(size, { seed: 1 });
    const file = path.join(dir, `department-${size}.roles.yaml`);
    fs.writeFileSync(file, text);
    return { size, file, text, lines, sites };
  });
}

/**
 * `count` typical protocols of about 300 lines (one or two sites), every
 * tenth with the planted findings. Returns the folder and the total lines.
 */
function writeCorpus(root, count) {
  const dir = path.join(root, 'corpus');
  fs.mkdirSync(dir, { recursive: true });
  let lines = 0;
  for (let i = 0; i < count; i++) {
    const text = generateProtocol({ sites: 1 + (i % 2), seed: 1000 + i, plant: i % 10 === 0, docId: `oart-protocol-${i}` });
    lines += text.split('\n').length - 1;
    fs.writeFileSync(path.join(dir, `protocol-${String(i).padStart(4, '0')}.roles.yaml`), text);
  }
  return { dir, count, lines };
}

/** A workspace of `count` protocols that all include one catalogue. */
function writeWorkspace(root, count) {
  const dir = path.join(root, 'workspace');
  fs.mkdirSync(dir, { recursive: true });
  const catalogue = path.join(dir, 'department.catalogue.yaml');
  fs.writeFileSync(catalogue, generateCatalogue());
  const files = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, `site-${String(i).padStart(3, '0')}.roles.yaml`);
    fs.writeFileSync(
      file,
      generateProtocol({ sites: 1 + (i % 2), seed: 5000 + i, plant: false, includes: ['department.catalogue.yaml'], docId: `oart-site-${i}` }),
    );
    files.push(file);
  }
  return { dir, catalogue, files };
}

module.exports = { makeRoot, writeSizes, writeCorpus, writeWorkspace };
