// Layout for running text (`--no-layout`, or input that does not look like a page).
//
// The document is one article; every non-blank line is a paragraph, taken verbatim (only the line's
// leading and trailing whitespace is dropped), so offsets and text are exactly those of the input.
//   "第一段。\n\n  第二段。" -> paragraphs ["第一段。", "第二段。"], one article [0, 12)
// A dateline opening the first paragraph is read as on a page (it stays in the text): a wire story's
// "本报讯（记者 王晓明 通讯员 李佳）…" gives reporters ["王晓明"], correspondents ["李佳"];
// "新华社北京3月5日电（记者 张三）…" dateline "3月5日", reporters ["张三"]; a bracketed byline closing
// the last paragraph ("…。（记者 宗武邦）") names reporters too.

import { verbatimPassage, type Passage } from '../text/passage.js';
import { utf16ToCodePoints } from '../text/codepoints.js';
import { newArticle, type LayoutResult } from './types.js';
import { inOriginal, type LayoutCues } from './cues.js';
import { isTraditional, toSimplified } from '../normalize/script.js';

/**
 * `cues`: a dicts folder's layout cues (Resources.layoutCues), for the dateline and closing byline.
 * `traditional`: whether the text is Traditional Chinese, when the caller knows (else detected).
 */
export function layoutRunningText(raw: string, cues: LayoutCues, traditional?: boolean): LayoutResult {
  const cp = utf16ToCodePoints(raw);
  const passages: Passage[] = [];
  const lineRe = /[^\r\n]+/g;
  for (let m = lineRe.exec(raw); m; m = lineRe.exec(raw)) {
    const line = m[0];
    const lead = line.length - line.trimStart().length;
    const body = line.trim();
    if (!body) continue;
    passages.push(verbatimPassage(body, cp[m.index + lead]!, 'paragraph', 0));
  }
  if (passages.length === 0) return { articles: [], passages: [] };
  const first = passages[0]!;
  const last = passages[passages.length - 1]!;
  const article = newArticle(first.map[0]!, last.map[last.map.length - 1]! + 1, passages.map((p) => p.text));
  // Traditional text is read through a Simplified copy of the same length (the cues are Simplified);
  // names come back in the text's own characters.
  const convert = traditional ?? isTraditional(raw);
  const cue = (t: string) => (convert ? toSimplified(t) : t);
  const firstCue = cue(first.text);
  const lastCue = cue(last.text);
  const dateline = cues.readDateline(firstCue);
  if (dateline) article.dateline = dateline.date;
  const closing = cues.trailingByline(lastCue);
  // Names from the dateline's byline, then from a bracketed one closing the text ("…。（记者 宗武邦）").
  const bylines = [
    dateline?.byline && inOriginal(dateline.byline, firstCue, first.text),
    closing && inOriginal(closing, lastCue, last.text),
  ];
  article.reporters = [...new Set(bylines.flatMap((b) => b?.reporters ?? []))];
  article.correspondents = [...new Set(bylines.flatMap((b) => b?.correspondents ?? []))];
  return { articles: [article], passages };
}
