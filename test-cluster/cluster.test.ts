// The archive run on a real cluster scheduler: deploy/slurm/ on a one-node Slurm cluster started on
// this machine (one-node.ts), and the same shards with GNU parallel. `npm run test:cluster`; not part of
// `npm test` (it installs Debian packages as root and starts daemons).
//
// The fixture archive (fixtures/, 9 text files, two of them bad) is analysed in N = 4 shards as a job
// array. Two tasks are stopped mid-run on purpose (their first attempt freezes once its output file is
// open): one is requeued as a pre-empted task would be (Slurm runs it again), the other cancelled,
// which makes the merge job's dependency fail; submitting the run again submits that shard alone and
// a new merge. The merged output must be one `--jobs 1` run's, record for record, and so must the
// corpus summary.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OneNodeCluster, cleanStaleRuns, ensurePackages, ownedTempDir, sh } from './one-node.js';
import { shardOf } from '../src/input/shard.js';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const BIN = join(ROOT, 'bin', 'zhnews.js');
const SUBMIT = join(ROOT, 'deploy', 'slurm', 'submit.sh');
const N = 4;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const lines = (text: string) => text.split('\n').filter(Boolean);
const idOf = (line: string) => (JSON.parse(line) as { id: string }).id;
/** The records of a run stably sorted by id: what zhnews merge writes. */
const byId = (ls: string[]) => ls.map((l, i) => ({ l, i, id: idOf(l) })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.i - b.i)).map((x) => x.l);

/** `zhnews ...args` from the repository root (ids are paths as given: fixtures/...). */
function zhnews(args: string[]) {
  return sh(process.execPath, [BIN, ...args], { cwd: ROOT });
}

/** The run's files and one --jobs 1 run's, to compare: records, then the summary. */
function expectOneRun(merged: string, single: string) {
  const got = lines(readFileSync(merged, 'utf8'));
  const want = lines(readFileSync(single, 'utf8'));
  expect(got.map(idOf)).toEqual(want.map(idOf));
  for (const [i, line] of got.entries()) expect(JSON.parse(line), idOf(line)).toEqual(JSON.parse(want[i]!));
  expect(readFileSync(merged, 'utf8')).toBe(readFileSync(single, 'utf8'));
}

let work: string;
let single: { records: string; summary: string };

beforeAll(async () => {
  ensurePackages({ 'slurm-wlm': ['slurmctld', 'slurmd', 'sbatch', 'squeue', 'scontrol'], munge: ['munged', 'munge'], parallel: ['parallel'] });
  // A run killed before its clean-up (a CI job timed out) left daemons and folders: stopped and removed.
  for (const dir of await cleanStaleRuns()) console.log(`cleaned up after a run that died: ${dir}`);
  work = ownedTempDir('work');
  single = { records: join(work, 'single.jsonl'), summary: join(work, 'single.csv') };
  const r = zhnews(['analyze', '--jobs', '1', '--format', 'jsonl', '--out', single.records, '--summary', single.summary, 'fixtures/']);
  expect(r.status, r.stderr).toBe(1); // fixtures/bad/: two error records
  // One record per text file of the archive (the default --glob, **/*.txt).
  const texts = readdirSync(join(ROOT, 'fixtures'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt'));
  expect(lines(readFileSync(single.records, 'utf8'))).toHaveLength(texts.length);
}, 20 * 60_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('Slurm: deploy/slurm/ on a one-node cluster', () => {
  let cluster: OneNodeCluster | null = null;
  beforeAll(async () => {
    cluster = await OneNodeCluster.start();
  }, 5 * 60_000);
  afterAll(async () => {
    await cluster?.stop();
  }, 5 * 60_000);

  const env = (extra: NodeJS.ProcessEnv = {}) => cluster!.env(extra);
  const state = (job: string) => /JobState=(\w+)/.exec(sh('scontrol', ['-o', 'show', 'job', job], { env: env() }).stdout)?.[1] ?? '';
  const queued = (tag: string) =>
    lines(sh('squeue', ['-h', '-o', '%i %k'], { env: env() }).stdout).filter((l) => l.slice(l.indexOf(' ') + 1) === tag);
  async function until(what: string, done: () => boolean, seconds = 300): Promise<void> {
    for (let i = 0; i < seconds * 2; i++) {
      if (done()) return;
      await sleep(500);
    }
    throw new Error(`waited ${seconds} s for ${what}\n${cluster!.logs()}`);
  }

  it(`runs the archive as an array of ${N} shards and a merge; a requeued and a cancelled task lose and duplicate nothing`, async () => {
    const run = join(work, 'run');
    const marks = join(work, 'marks');
    // The zhnews the jobs run: the first attempt of shards 1 and 2 starts analysing, and once its output
    // is open (the models load after), is stopped there (SIGSTOP) for the test to act on.
    const wrapper = join(work, 'zhnews-first-attempt-stops');
    writeFileSync(
      wrapper,
      `#!/usr/bin/env bash
for s in 1 2; do
  if [[ " $* " == *" --shard $s/${N} "* ]] && mkdir -p "${marks}" && mkdir "${marks}/attempt-$s" 2>/dev/null; then
    "${BIN}" "$@" & pid=$!
    for _ in $(seq 1200); do
      compgen -G "${run}/.shard-$s.jsonl.*.tmp" > /dev/null && break
      kill -0 $pid 2> /dev/null || break
      sleep 0.05
    done
    kill -STOP $pid 2> /dev/null || true
    touch "${marks}/stopped-$s"
    wait $pid
    exit 3
  fi
done
exec "${BIN}" "$@"
`,
    );
    chmodSync(wrapper, 0o755);

    const first = sh(SUBMIT, [String(N), run, 'fixtures/'], { cwd: ROOT, env: env({ ZHNEWS: wrapper }) });
    expect(first.status, first.stderr).toBe(0);
    const arrayJob = /shards 0,1,2,3 of 4: job (\d+)/.exec(first.stdout)?.[1];
    const mergeJob = /merge: job (\d+)/.exec(first.stdout)?.[1];
    expect(arrayJob && mergeJob, first.stdout).toBeTruthy();
    const tag = `zhnews:${run}`;

    // Shard 1: pre-empted. Slurm requeues it (--requeue) and runs it again; a requeued job waits a
    // while before it may start, which StartTime=now cuts short.
    await until('shard 1 to stop mid-run', () => existsSync(join(marks, 'stopped-1')));
    expect(sh('scontrol', ['requeue', `${arrayJob}_1`], { env: env() }).status).toBe(0);
    await until('shard 1 to start again', () => {
      const s = state(`${arrayJob}_1`);
      if (s === 'PENDING') sh('scontrol', ['update', `JobId=${arrayJob}_1`, 'StartTime=now'], { env: env() });
      return s === 'RUNNING' || s === 'COMPLETED';
    });

    // Shard 2: cancelled mid-run. The merge job can never start: Slurm cancels it (--kill-on-invalid-dep).
    await until('shard 2 to stop mid-run', () => existsSync(join(marks, 'stopped-2')));
    expect(sh('scancel', [`${arrayJob}_2`], { env: env() }).status).toBe(0);
    await until('the other tasks to end and the merge job to be cancelled', () => queued(tag).length === 0);
    expect(state(mergeJob!)).toBe('CANCELLED');
    expect(existsSync(join(run, 'merged.jsonl'))).toBe(false);
    expect(readdirSync(run).filter((f) => f.endsWith('.done')).sort()).toEqual(['shard-0.done', 'shard-1.done', 'shard-3.done']);
    // A second attempt of the same task is the requeue; the cancelled task never finished (slurmstepd's
    // own "DUE TO JOB REQUEUE" / "CANCELLED" lines are not always in the logs: a stopped attempt may be
    // killed before they are written).
    expect(readFileSync(join(run, 'logs', 'shard-1.log'), 'utf8')).toMatch(/attempt 1[^]*attempt 2[^]*shard 1\/4 done/);
    expect(readFileSync(join(run, 'logs', 'shard-2.log'), 'utf8')).not.toMatch(/shard 2\/4 done/);

    // The same command again: shard 2 alone, and a merge after it.
    const again = sh(SUBMIT, ['--wait', String(N), run, 'fixtures/'], { cwd: ROOT, env: env({ ZHNEWS: wrapper }) });
    expect(again.status, `${again.stdout}${again.stderr}\n${readFileSync(join(run, 'logs', 'merge.log'), 'utf8')}`).toBe(0);
    expect(again.stdout).toMatch(/^shards 2 of 4: job \d+/m);
    expect(again.stdout).toMatch(/^merge: COMPLETED$/m);

    // Every record once, each in its shard; the stale output of the stopped attempts cleaned away.
    const shardIds = [0, 1, 2, 3].map((i) => lines(readFileSync(join(run, `shard-${i}.jsonl`), 'utf8')).map(idOf));
    for (const [i, ids] of shardIds.entries()) for (const id of ids) expect(shardOf(id, N), id).toBe(i);
    expect(shardIds.flat().sort()).toEqual(lines(readFileSync(single.records, 'utf8')).map(idOf).sort());
    expect(readdirSync(run).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The merged output and summary are the single run's.
    expectOneRun(join(run, 'merged.jsonl'), single.records);
    expect(readFileSync(join(run, 'summary.csv'), 'utf8')).toBe(readFileSync(single.summary, 'utf8'));

    // Submitting once more with other arguments is refused: the folder holds this run.
    const other = sh(SUBMIT, [String(N), run, 'fixtures/pages/'], { cwd: ROOT, env: env() });
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/holds a run of other arguments/);
  }, 20 * 60_000);
});

describe('GNU parallel: the same shards, the README line run on this machine (-S :)', () => {
  /** The README's line with `zhnews` this repository's bin and `-S :` (the local machine) for the hosts. */
  function parallelShards(out: string, inputs: string) {
    const cmd = `${BIN} analyze --jobs 1 --shard {}/${N} --out ${out}/shard-{}.jsonl --resume ${inputs}; [ $? -le 1 ]`;
    return sh('parallel', ['--will-cite', '-S', ':', '--wd', '.', cmd, ':::', '0', '1', '2', '3'], { cwd: ROOT });
  }

  it('shards of the fixture archive, merged: one --jobs 1 run', () => {
    const out = mkdtempSync(join(work, 'parallel-'));
    const r = parallelShards(out, 'fixtures/');
    expect(r.status, r.stderr).toBe(0);
    const m = zhnews(['merge', ...[0, 1, 2, 3].map((i) => `${out}/shard-${i}.jsonl`), '--out', `${out}/merged.jsonl`, '--summary', `${out}/summary.csv`]);
    expect(m.status, m.stderr).toBe(0);
    expectOneRun(`${out}/merged.jsonl`, single.records);
    expect(readFileSync(`${out}/summary.csv`, 'utf8')).toBe(readFileSync(single.summary, 'utf8'));
  }, 10 * 60_000);

  it('shards of JSONL exports (records, a broken line, a line without text), merged: one run sorted by id', () => {
    const inputs = '--input-format jsonl --no-layout fixtures/news/snippets.jsonl fixtures/bad/broken.jsonl';
    const out = mkdtempSync(join(work, 'parallel-jsonl-'));
    const r = parallelShards(out, inputs);
    expect(r.status, r.stderr).toBe(0);
    const one = zhnews(['analyze', '--jobs', '1', '--format', 'jsonl', '--summary', `${out}/single.json`, ...inputs.split(' ')]);
    expect(one.status).toBe(1);
    const m = zhnews(['merge', ...[0, 1, 2, 3].map((i) => `${out}/shard-${i}.jsonl`), '--summary', `${out}/summary.json`]);
    expect(m.status, m.stderr).toBe(0);
    expect(lines(m.stdout)).toEqual(byId(lines(one.stdout)));
    expect(lines(m.stdout)).toHaveLength(11);
    expect(readFileSync(`${out}/summary.json`, 'utf8')).toBe(readFileSync(`${out}/single.json`, 'utf8'));
  }, 10 * 60_000);
});
