import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accountIn } from './postgres-binaries.js';

describe('accountIn', () => {
  it("reads an account's uid and primary gid from passwd text, and nothing for another name", () => {
    const passwd = [
      'root:x:0:0:root:/root:/bin/bash',
      '# a comment',
      'postgresql:x:200:200::/:/bin/false',
      'postgres:x:105:112:PostgreSQL administrator,,,:/var/lib/postgresql:/bin/bash',
      '',
    ].join('\n');
    expect(accountIn(passwd, 'postgres')).toEqual({ uid: 105, gid: 112 });
    expect(accountIn(passwd, 'postgre')).toBeUndefined();
    expect(accountIn('postgres:x::112::/:/bin/sh', 'postgres')).toBeUndefined();
  });

  it('agrees with id(1) on this system', () => {
    const passwd = fs.readFileSync('/etc/passwd', 'utf8');
    const name = accountIn(passwd, 'postgres') ? 'postgres' : 'root';
    const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());
    expect(accountIn(passwd, name)).toEqual({ uid: id('-u'), gid: id('-g') });
  });
});
