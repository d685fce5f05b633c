import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, createConnection } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/** Where Debian's dovecot-imapd puts the server; null when it is not installed. */
export function dovecotBinary(): string | null {
  for (const candidate of ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'])
    if (existsSync(candidate)) return candidate;
  return null;
}

export interface TestDovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  close(): Promise<void>;
}

/**
 * A real IMAP server for tests (Debian's Dovecot), started as an unprivileged process with its
 * configuration, state and mail in a temp folder, on 127.0.0.1 and a free port, with one
 * passwd-file user. As root (CI containers) it runs as `nobody`.
 */
export async function startTestDovecot(): Promise<TestDovecot> {
  const binary = dovecotBinary();
  if (!binary) throw new Error('dovecot is not installed (apt-get install dovecot-imapd)');
  const dir = mkdtempSync(join(tmpdir(), 'frontdoor-dovecot-'));
  const root = process.getuid?.() === 0;
  const account = root ? { name: 'nobody', group: 'nogroup', uid: 65534, gid: 65534 } : currentAccount();
  const port = await freeLoopbackPort();
  const user = 'kundtjanst';
  const password = 'hemligt-test';
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}::::::\n`);
  for (const sub of ['run', 'state', 'home']) mkdirSync(join(dir, sub));
  writeFileSync(
    join(dir, 'dovecot.conf'),
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${account.name}
default_internal_group = ${account.group}
default_login_user = ${account.name}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${account.uid} gid=${account.gid} home=${dir}/home/%u
}
mail_location = maildir:~/Maildir
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service stats {
  chroot =
}
service auth {
  user = ${account.name}
}
service auth-worker {
  user = ${account.name}
}
`,
  );
  if (root) chownTree(dir, account.uid, account.gid);
  const child: ChildProcess = spawn(binary, ['-F', '-c', join(dir, 'dovecot.conf')], {
    stdio: 'ignore',
    ...(root ? { uid: account.uid, gid: account.gid } : {}),
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitForListener(port, child);
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function currentAccount() {
  const info = userInfo();
  return { name: info.username, group: info.username, uid: info.uid, gid: info.gid };
}

function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) chownTree(child, uid, gid);
    else chownSync(child, uid, gid);
  }
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Until Dovecot accepts connections on the port (bounded), or fails if it exits first. */
async function waitForListener(port: number, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`dovecot exited with ${child.exitCode} before listening`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`dovecot did not listen on ${port}`);
}
