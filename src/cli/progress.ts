// Progress on standard error: a bar (documents, MB, MB/s, ETA) only when stderr is a terminal, so logs
// and pipes stay clean. The only importer of cli-progress.

import cliProgress from 'cli-progress';

export interface Progress {
  /** A document is done; `bytes` is its size in UTF-8. */
  tick(bytes: number): void;
  stop(): void;
  readonly docs: number;
  readonly bytes: number;
  readonly seconds: number;
}

export function createProgress(enabled: boolean, totalBytes: number | null, stream: NodeJS.WritableStream): Progress {
  const started = Date.now();
  let docs = 0;
  let bytes = 0;
  const bar = enabled
    ? new cliProgress.SingleBar(
        {
          stream,
          format: totalBytes
            ? ' {bar} {percentage}% | {docs} docs | {mb}/{totalMb} MB | {rate} MB/s | ETA {eta_formatted}'
            : ' {docs} docs | {mb} MB | {rate} MB/s',
          hideCursor: true,
          etaBuffer: 50,
          fps: 5,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const mb = (b: number) => (b / 1e6).toFixed(1);
  bar?.start(totalBytes ?? 1, 0, { docs: 0, mb: '0.0', totalMb: mb(totalBytes ?? 0), rate: '0.0' });
  return {
    tick(n: number) {
      docs++;
      bytes += n;
      const secs = (Date.now() - started) / 1000 || 1e-3;
      bar?.update(totalBytes ? Math.min(bytes, totalBytes) : 0, { docs, mb: mb(bytes), rate: (bytes / 1e6 / secs).toFixed(2) });
    },
    stop() {
      bar?.stop();
    },
    get docs() {
      return docs;
    },
    get bytes() {
      return bytes;
    },
    get seconds() {
      return (Date.now() - started) / 1000;
    },
  };
}
