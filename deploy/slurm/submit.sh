#!/usr/bin/env bash
# Submits a sharded zhnews run to Slurm: a job array of N shard tasks (zhnews-shard.sbatch), and a
# merge job (zhnews-merge.sbatch) that starts when every task has succeeded.
#
#   deploy/slurm/submit.sh [--wait] N OUTDIR [analyze options] INPUTS...
#
# Run the same command again after a task failed or was cancelled: it submits only the shards that are
# not done (OUTDIR/shard-I.done) and a new merge. It refuses while jobs of the run are still queued or
# running, and when OUTDIR holds a run with other arguments (OUTDIR/run.args).
#   --wait   return when the merge job has ended, with its exit status (sbatch --wait)
# sbatch options: SBATCH_PARTITION, SBATCH_ACCOUNT, SBATCH_TIMELIMIT ... (read by sbatch itself), and
# ZHNEWS_SBATCH for the shard tasks ("--cpus-per-task=4 --mem-per-cpu=2G": the tasks then run --jobs 4).
# ZHNEWS: the zhnews executable the jobs run (default: this repository's bin/zhnews.js, else zhnews).
set -euo pipefail

usage() {
  echo "usage: $0 [--wait] N OUTDIR [analyze options] INPUTS..." >&2
  exit 2
}
wait_flag=()
if [ "${1:-}" = --wait ]; then
  wait_flag=(--wait)
  shift
fi
[ $# -ge 3 ] || usage
shards="$1"
outdir="$2"
shift 2
[[ "$shards" =~ ^[1-9][0-9]*$ ]] || { echo "$0: N must be a whole number ≥ 1, got \"$shards\"" >&2; exit 2; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ -z "${ZHNEWS:-}" ]; then
  ZHNEWS="$here/../../bin/zhnews.js"
  [ -f "$here/../../dist/cli/main.js" ] || ZHNEWS=zhnews
fi
export ZHNEWS

mkdir -p "$outdir/logs"
outdir="$(cd "$outdir" && pwd)"
tag="zhnews:$outdir"

# One run per folder: the same N and arguments as the first submission.
args="$shards $(printf '%q ' "$@")"
if [ -f "$outdir/run.args" ] && [ "$(cat "$outdir/run.args")" != "$args" ]; then
  echo "$0: $outdir holds a run of other arguments:" >&2
  echo "  $(cat "$outdir/run.args")" >&2
  echo "use another folder, or the same arguments to resubmit what is missing" >&2
  exit 2
fi
printf '%s' "$args" > "$outdir/run.args"

active="$(squeue -h -u "$(id -un)" -o '%i %k' | awk -v tag="$tag" '{ id = $1; $1 = ""; if (substr($0, 2) == tag) print id }')"
if [ -n "$active" ]; then
  echo "$0: jobs of this run are still queued or running: $(echo $active)" >&2
  echo "wait for them to end (squeue --me), or scancel them, then submit again" >&2
  exit 1
fi

missing=()
for ((i = 0; i < shards; i++)); do
  [ "$(cat "$outdir/shard-$i.done" 2>/dev/null)" = "$i/$shards" ] || missing+=("$i")
done

dependency=()
if [ ${#missing[@]} -gt 0 ]; then
  list="$(IFS=,; echo "${missing[*]}")"
  # shellcheck disable=SC2086  # ZHNEWS_SBATCH is a list of options
  array_job="$(sbatch --parsable --array="$list" --comment="$tag" --output="$outdir/logs/shard-%a.log" ${ZHNEWS_SBATCH:-} \
    "$here/zhnews-shard.sbatch" "$outdir" "$shards" "$@")"
  array_job="${array_job%%;*}"
  echo "$array_job" >> "$outdir/jobs"
  echo "shards $list of $shards: job $array_job (logs: $outdir/logs/shard-I.log)"
  dependency=(--dependency="afterok:$array_job" --kill-on-invalid-dep=yes)
else
  echo "shards: all $shards done"
fi

merge_job="$(sbatch --parsable "${dependency[@]}" --comment="$tag" --output="$outdir/logs/merge.log" \
  "$here/zhnews-merge.sbatch" "$outdir" "$shards")"
merge_job="${merge_job%%;*}"
echo "$merge_job" >> "$outdir/jobs"
echo "merge: job $merge_job, after the shards: $outdir/merged.jsonl, $outdir/summary.csv (log: $outdir/logs/merge.log)"

if [ ${#wait_flag[@]} -gt 0 ]; then
  while :; do
    state="$(scontrol -o show job "$merge_job" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | cut -d= -f2)"
    case "$state" in
      PENDING | CONFIGURING | RUNNING | COMPLETING | SUSPENDED | REQUEUED | REQUEUE_FED | REQUEUE_HOLD | RESIZING | SIGNALING | STAGE_OUT) sleep 3 ;;
      *) break ;;
    esac
  done
  echo "merge: ${state:-gone from the queue}"
  [ "$state" = COMPLETED ]
fi
