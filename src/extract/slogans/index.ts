// The policy-slogan stage (提法): finds digit formulas (5+5+7), numeral codes (一四四六, 十四五), numbered
// formulas (五位一体, 两个确立) and quoted coined policy terms (微改革, 放管服) in a passage, classifies and
// normalises them. Offsets are UTF-16 indices into the passage string given; the pipeline maps them.

export { extractSlogans, kindOfQuoted } from './find.js';
export { classifyQuoted, coinedProbability, quotedFeatures, SloganModel, type QuotedClass } from './classifier.js';
export { countSlogans, type SloganCount } from './count.js';
export { loadSloganKnowledge, type LexiconEntry, type SloganKnowledge } from './lexicon.js';
