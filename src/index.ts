// Public API of zhnews (re-exports only).

export * from './types.js';
export { Pipeline, DEFAULT_OPTIONS, STAGE_NAMES, OPTIONAL_STAGES, BATCH_DOCS, BATCH_CHARS, statedYear } from './pipeline.js';
export {
  STAGES, layoutStage, verbatimLayout, segmentStage, slogansStage, figuresStage, entitiesStage, tokensStage, keywordsStage,
  segmentationStages, softFailing, checkStages, StageOrderError,
} from './pipeline.js';
export type { AnalyzeOptions, StageName, Stage, StateField, AnalysisState, DocumentInput, DocumentMeta, PipelineEnv } from './pipeline.js';
export { Resources } from './resources.js';
export { DictFolder, DictError } from './dicts.js';
export { layoutPage, looksLikePage } from './layout/page.js';
export { LayoutCues, loadLayoutCues } from './layout/cues.js';
export { layoutRunningText } from './layout/running-text.js';
export { layoutStory } from './layout/story.js';
export { coverage, type Coverage } from './layout/coverage.js';
export { extractFigures } from './extract/figures/index.js';
export { extractSlogans } from './extract/slogans/index.js';
export { extractEntities, type EntityResources } from './extract/entities/index.js';
export { JiebaSegmenter } from './segment/jieba.js';
export type { Segmenter, WordToken } from './segment/segmenter.js';
export { createWriter, OUTPUT_FORMATS } from './output/writer.js';
export type { OutputFormat, RecordWriter } from './output/writer.js';
export { readDocuments, fileSource, decode, expandPaths } from './input/index.js';
export { main } from './cli/main.js';
export { ReportAggregator, DEFAULT_LIMITS, documentDate } from './report/aggregate.js';
export type { ReportData, ReportLimits } from './report/aggregate.js';
export { renderReport, escapeHtml, scriptJson, FONT_STACK } from './report/html.js';
