// Reading inputs: sources (paths, directories, stdin), framing (text, JSONL, CSV), decoding.
export { readDocuments, fileSource, errorRecord, INPUT_FORMATS } from './read.js';
export type { ByteSource, InputFormat, InputItem, InputOptions } from './read.js';
export { decode, decodeUtf8, ENCODINGS } from './decode.js';
export type { Decoded, EncodingOption } from './decode.js';
export { expandPaths, DEFAULT_GLOB } from './sources.js';
