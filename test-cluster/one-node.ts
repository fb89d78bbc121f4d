// A one-node Slurm cluster on this machine, for `npm run test:cluster` (recipe: ../shared/notes/slurm-one-node.md).
//
// Everything of it lives in one folder under the system's temporary folder: slurm.conf, a munge key,
// munged's socket, the daemons' pid files, state, spool and logs. Its own munged (own key and socket)
// and its own ports, so it touches neither /etc/slurm, /etc/munge nor a cluster already on the machine,
// and two runs never meet. Commands reach it through SLURM_CONF (env()). Daemons are stopped by their pid
// files, never by name; folders left by a test process that died before it could stop them (their
// owner.pid no longer alive) are cleaned up the same way when the next run starts (cleanStaleRuns).

import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { hostname, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'zhnews-cluster-test-';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs a command; its output as text. */
export function sh(cmd: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string } = {}): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { encoding: 'utf8', env: options.env ?? process.env, cwd: options.cwd, input: options.input ?? '', maxBuffer: 1 << 26 });
}

const has = (cmd: string) => sh('sh', ['-c', `command -v ${cmd}`]).status === 0;

/**
 * Installs Debian packages whose commands are missing (as root: apt-get update, then install). Returns
 * what was installed; throws with apt-get's output when that fails.
 */
export function ensurePackages(packages: Record<string, string[]>): string[] {
  const missing = Object.entries(packages)
    .filter(([, commands]) => !commands.every(has))
    .map(([pkg]) => pkg);
  if (!missing.length) return [];
  if (process.getuid?.() !== 0) throw new Error(`packages ${missing.join(', ')} are missing and installing them needs root`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = sh('apt-get', ['update'], { env });
  if (update.status !== 0) throw new Error(`apt-get update failed:\n${update.stdout}${update.stderr}`);
  const install = sh('apt-get', ['install', '-y', ...missing], { env });
  if (install.status !== 0) throw new Error(`apt-get install -y ${missing.join(' ')} failed:\n${install.stdout.slice(-3000)}${install.stderr}`);
  return missing;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/^\S+\s+\S+\s+Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/\(.*\)/, 'x'));
const cmdline = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
};
const pidIn = (file: string): number | null => {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 1 ? pid : null;
  } catch {
    return null;
  }
};

/**
 * Stops the daemon whose pid is in `file`, if it is alive and its command line names `dir` (a pid
 * file can outlive its process, and the number be taken by another): SIGTERM, then SIGKILL after 30 s.
 */
async function stopByPidFile(file: string, dir: string): Promise<void> {
  const pid = pidIn(file);
  if (pid === null || !alive(pid) || !cmdline(pid).includes(dir)) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 300 && alive(pid); i++) await sleep(100);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 50 && alive(pid); i++) await sleep(100);
}

export class OneNodeCluster {
  readonly conf: string;
  private readonly pidFiles: string[];

  private constructor(readonly dir: string) {
    this.conf = join(dir, 'slurm.conf');
    // In the order they are stopped: slurmd, slurmctld, then munged that both need.
    this.pidFiles = [join(dir, 'slurmd.pid'), join(dir, 'slurmctld.pid'), join(dir, 'munge-run', 'munged.pid')];
  }

  /** The environment for Slurm's commands (sbatch, squeue, ...) and the jobs: this cluster's slurm.conf. */
  env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return { ...process.env, SLURM_CONF: this.conf, ...extra };
  }

  /** Writes the configuration and starts munged, slurmctld and slurmd; resolves when the node is idle. */
  static async start(): Promise<OneNodeCluster> {
    const dir = ownedTempDir('slurm');
    chmodSync(dir, 0o755); // munged (user munge) must reach its socket and key below
    const cluster = new OneNodeCluster(dir);
    try {
      await cluster.startDaemons();
    } catch (e) {
      const logs = cluster.logs();
      await cluster.stop();
      throw new Error(`${(e as Error).message}\n${logs}`);
    }
    return cluster;
  }

  private async startDaemons(): Promise<void> {
    const { dir } = this;
    const munge = join(dir, 'munge');
    const run = join(dir, 'munge-run');
    for (const [d, mode] of [[munge, 0o700], [run, 0o755]] as const) {
      mkdirSync(d);
      chmodSync(d, mode);
    }
    mkdirSync(join(dir, 'spool'));
    mkdirSync(join(dir, 'state'));
    const uid = Number(sh('id', ['-u', 'munge']).stdout.trim());
    const gid = Number(sh('id', ['-g', 'munge']).stdout.trim());
    writeFileSync(join(munge, 'munge.key'), randomBytes(1024), { mode: 0o400 });
    for (const p of [munge, run, join(munge, 'munge.key')]) chownSync(p, uid, gid);
    const socket = join(run, 'munge.socket');
    const munged = sh('runuser', ['-u', 'munge', '--', 'munged', `--socket=${socket}`, `--key-file=${join(munge, 'munge.key')}`,
      `--pid-file=${join(run, 'munged.pid')}`, `--log-file=${join(munge, 'munged.log')}`, `--seed-file=${join(munge, 'munged.seed')}`]);
    if (munged.status !== 0) throw new Error(`munged did not start: ${munged.stderr}`);

    const host = hostname().split('.')[0]!;
    const cpus = Number(sh('nproc', []).stdout.trim()) || 1;
    const memory = Math.max(1, Math.min(2000, Math.floor((totalmem() / 2 ** 20) * 0.8)));
    const [ctldPort, dPort] = [await freePort(), await freePort()];
    writeFileSync(
      this.conf,
      [
        'ClusterName=zhnewstest',
        `SlurmctldHost=${host}`,
        `SlurmctldPort=${ctldPort}`,
        `SlurmdPort=${dPort}`,
        'AuthType=auth/munge',
        'CredType=cred/munge',
        `AuthInfo=socket=${socket}`,
        'ProctrackType=proctrack/linuxproc',
        'TaskPlugin=task/none',
        'ReturnToService=2',
        'SlurmUser=root',
        'MpiDefault=none',
        `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
        `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
        `SlurmdSpoolDir=${join(dir, 'spool')}`,
        `StateSaveLocation=${join(dir, 'state')}`,
        `SlurmctldLogFile=${join(dir, 'ctld.log')}`,
        `SlurmdLogFile=${join(dir, 'd.log')}`,
        'SchedulerType=sched/backfill',
        'SelectType=select/cons_tres',
        'SelectTypeParameters=CR_Core',
        'JobAcctGatherType=jobacct_gather/none',
        `NodeName=${host} CPUs=${cpus} RealMemory=${memory} State=UNKNOWN`,
        `PartitionName=main Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
        '',
      ].join('\n'),
    );
    // -f: the configuration file on the command line, so that the pid files' processes name this folder.
    for (const daemon of ['slurmctld', 'slurmd']) {
      const r = sh(daemon, ['-f', this.conf], { env: this.env() });
      if (r.status !== 0) throw new Error(`${daemon} did not start: ${r.stderr}`);
    }
    let state = '';
    for (let i = 0; i < 120; i++) {
      state = sh('sinfo', ['-h', '-o', '%t'], { env: this.env() }).stdout.trim();
      if (state === 'idle') return;
      await sleep(500);
    }
    throw new Error(`the node did not become idle in 60 s (sinfo: "${state}")`);
  }

  /** The daemons' logs, for a failure message. */
  logs(): string {
    const tail = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8').split('\n').slice(-25).join('\n') : '(none)');
    return ['ctld.log', 'd.log', 'munge/munged.log'].map((f) => `--- ${f}\n${tail(join(this.dir, f))}`).join('\n');
  }

  /** Cancels every job, stops the daemons it started (by pid file) and removes its folder. */
  async stop(): Promise<void> {
    if (existsSync(this.conf) && pidIn(this.pidFiles[1]!) !== null) {
      sh('scancel', ['--user', String(process.getuid?.() ?? 0)], { env: this.env() });
      for (let i = 0; i < 60 && sh('squeue', ['-h'], { env: this.env() }).stdout.trim(); i++) await sleep(500);
    }
    for (const f of this.pidFiles) await stopByPidFile(f, this.dir);
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Stops what a cluster folder of a dead test process still runs. */
  static async stopStale(dir: string): Promise<void> {
    await new OneNodeCluster(dir).stop();
  }
}

/** A new folder under the temporary folder for this test process (KIND: slurm, work), marked as its own. */
export function ownedTempDir(kind: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${PREFIX}${kind}-`));
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));
  return dir;
}

/**
 * Folders of earlier runs (ownedTempDir) whose test process is gone, killed before it could clean up:
 * the jobs and daemons of a cluster folder are stopped by its pid files, and every such folder removed.
 * Folders of a live test process (another run of this suite at the same time) are left alone.
 */
export async function cleanStaleRuns(): Promise<string[]> {
  const cleaned: string[] = [];
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(PREFIX))) {
    const dir = join(tmpdir(), name);
    const owner = pidIn(join(dir, 'owner.pid'));
    if (owner === null || (alive(owner) && /node|vitest/.test(cmdline(owner)))) continue;
    await OneNodeCluster.stopStale(dir);
    rmSync(dir, { recursive: true, force: true });
    cleaned.push(dir);
  }
  return cleaned;
}
