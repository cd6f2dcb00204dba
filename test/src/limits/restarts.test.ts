/**
 * The VS Code client's restart policy and message (client/src/restarts.ts):
 * restarted at most 4 times in 3 minutes, as vscode-languageclient does by
 * default, and each time the user is told which document the server was
 * checking, read from the server's own standard error.
 */
import * as assert from 'node:assert/strict';
import { documentName, readTrail, RestartPolicy } from '../../../client/out/restarts';

const URI = 'file:///srv/dept/oart%20ethos.roles.yaml';

describe('recovery: the client restarts a crashed server and names the document', () => {
  it('reads the server’s trail: the document being checked, and the one it failed on', () => {
    assert.deepEqual(readTrail(`role-protocols: checking ${URI} (version 12)`), { checking: URI });
    assert.deepEqual(readTrail(`role-protocols: the server stopped on an unexpected error while checking ${URI}: RangeError: x`), { stoppedWhile: URI });
    assert.equal(readTrail('some other line'), undefined);
    assert.equal(documentName(URI), 'oart ethos.roles.yaml');
    assert.equal(documentName('untitled:Untitled-1'), 'untitled:Untitled-1');
  });

  it('restarts 4 times in 3 minutes, saying each time which document the server was on, then stops and says so', () => {
    let now = 0;
    const policy = new RestartPolicy(() => now);
    policy.heard(`role-protocols: checking ${URI} (version 3)`);
    policy.heard(`role-protocols: the server stopped on an unexpected error while checking ${URI}: Error: boom`);
    assert.deepEqual(policy.closed(), {
      restart: true,
      message:
        'The Role Protocols server stopped unexpectedly while checking oart ethos.roles.yaml and has been restarted (1 of at most 4 restarts in 3 minutes). The Role Protocols output has the details.',
    });
    for (let i = 2; i <= 4; i++) {
      now += 10_000;
      policy.heard(`role-protocols: checking ${URI} (version ${i})`);
      const decision = policy.closed();
      assert.equal(decision.restart, true);
      assert.equal(
        decision.message,
        `The Role Protocols server stopped unexpectedly (it was last checking oart ethos.roles.yaml) and has been restarted (${i} of at most 4 restarts in 3 minutes). The Role Protocols output has the details.`,
      );
    }
    now += 10_000;
    const last = policy.closed();
    assert.equal(last.restart, false);
    assert.equal(
      last.message,
      'The Role Protocols server stopped unexpectedly, 5 times in 3 minutes, so it will not be restarted. Close or correct the document, then reload the window; the Role Protocols output has the details.',
    );
  });

  it('forgets crashes older than 3 minutes', () => {
    let now = 0;
    const policy = new RestartPolicy(() => now);
    for (let i = 0; i < 4; i++) policy.closed();
    now += 3 * 60 * 1000 + 1;
    assert.equal(policy.closed().restart, true);
  });
});
