// Terminal colour: the only importer of chalk. Colour only on a terminal, never with NO_COLOR set or
// --no-color given (https://no-color.org), so pipes, files and CI logs stay plain.

import { Chalk, type ChalkInstance } from 'chalk';

export type Colors = ChalkInstance;

export function colors(isTTY: boolean | undefined, env: Record<string, string | undefined>, wanted = true): Colors {
  const on = wanted && !!isTTY && !('NO_COLOR' in env) && env.TERM !== 'dumb';
  return new Chalk({ level: on ? 2 : 0 });
}
