// The check a stage list passes when a Pipeline is built: names unique, every field a stage requires
// given by the input or produced by an earlier stage, every optional field it reads produced (if at
// all) before it, and `disable` naming stages of the list. A wrong list fails at construction with the
// stage and the field, not later with a record quietly missing its entities.
//
//   [layout, entities, segment] -> StageOrderError: stage "entities" requires "words", which no stage
//                                  before it produces ("segment" produces it, after)
//
// A disabled stage stays in the list for this check: its fields keep their empty defaults, and the
// stages that read them run on that (as the command line's --disable always did: entities without
// segment sees no words).

import { INPUT_FIELDS, type Stage, type StateField } from './state.js';

export class StageOrderError extends Error {
  override name = 'StageOrderError';
}

export function checkStages(stages: readonly Stage[], disable: readonly string[] = []): void {
  const names = new Set<string>();
  for (const stage of stages) {
    if (names.has(stage.name)) throw new StageOrderError(`stage "${stage.name}" is listed twice`);
    names.add(stage.name);
  }
  for (const name of disable) {
    if (!names.has(name)) throw new StageOrderError(`disable: no stage "${name}" in the list (stages: ${[...names].join(', ')})`);
  }
  const given = new Set<StateField>(INPUT_FIELDS);
  const producer = (field: StateField, from: number) => stages.slice(from).find((s) => s.produces.includes(field));
  stages.forEach((stage, k) => {
    for (const field of stage.requires) {
      if (given.has(field)) continue;
      const later = producer(field, k + 1);
      throw new StageOrderError(
        `stage "${stage.name}" requires "${field}", which no stage before it produces` +
          (later ? ` ("${later.name}" produces it, after)` : ''),
      );
    }
    for (const field of stage.optional ?? []) {
      if (given.has(field)) continue;
      const later = producer(field, k + 1);
      if (later) throw new StageOrderError(`stage "${stage.name}" reads "${field}", which "${later.name}" produces after it`);
    }
    for (const field of stage.produces) given.add(field);
  });
}
