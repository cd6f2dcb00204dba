/**
 * Test-only network trap, loaded into a process with `node --require`
 * (through NODE_OPTIONS) by trust.integration.test.ts. Every way Node offers to reach the
 * network, or to run a program, is replaced by one that appends what was
 * attempted to the file named by ROLE_PROTOCOLS_NET_LOG and then fails. The
 * first line of the file says the trap was armed, so a test can tell "no
 * attempt" from "trap not loaded". The language server's own stdio and IPC
 * pipes are set up without any of these calls.
 */
import * as fs from 'node:fs';

const logFile = process.env.ROLE_PROTOCOLS_NET_LOG;
if (logFile) {
  const record = (what: string, args: unknown[]) => {
    let shown: string;
    try {
      shown = JSON.stringify(args, (_k, v: unknown) => (typeof v === 'function' ? '[function]' : v)).slice(0, 300);
    } catch {
      shown = String(args);
    }
    fs.appendFileSync(logFile, `${what} ${shown}\n`);
  };
  const trap = (target: Record<string, unknown>, name: string, what: string) => {
    const original = target[name];
    if (typeof original !== 'function') return;
    target[name] = function trapped(...args: unknown[]) {
      record(what, args);
      throw new Error(`${what} is not allowed: the test forbids network access and running programs`);
    };
  };
  fs.appendFileSync(logFile, `armed ${process.pid}\n`);
  /* eslint-disable @typescript-eslint/no-require-imports */
  const net = require('node:net');
  const tls = require('node:tls');
  const http = require('node:http');
  const https = require('node:https');
  const http2 = require('node:http2');
  const dns = require('node:dns');
  const dgram = require('node:dgram');
  const childProcess = require('node:child_process');
  trap(net.Socket.prototype, 'connect', 'net.Socket.connect');
  trap(net, 'connect', 'net.connect');
  trap(net, 'createConnection', 'net.createConnection');
  trap(tls, 'connect', 'tls.connect');
  for (const m of ['request', 'get']) {
    trap(http, m, `http.${m}`);
    trap(https, m, `https.${m}`);
  }
  trap(http2, 'connect', 'http2.connect');
  for (const m of [
    'lookup',
    'resolve',
    'resolve4',
    'resolve6',
    'resolveAny',
    'resolveCname',
    'resolveMx',
    'resolveTxt',
    'resolveSrv',
    'reverse',
    'lookupService',
  ]) {
    trap(dns, m, `dns.${m}`);
    trap(dns.promises, m, `dns.promises.${m}`);
  }
  trap(dgram, 'createSocket', 'dgram.createSocket');
  trap(globalThis as unknown as Record<string, unknown>, 'fetch', 'fetch');
  for (const m of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) trap(childProcess, m, `child_process.${m}`);
}
