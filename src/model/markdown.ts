// Markdown built from names we do not control (app names from the Heroku API, scope and provider names the user
// typed): chat answers, the language model tool's confirmation and tree tooltips. A name must stay one inert phrase:
// no link, image or HTML, no heading or list, and no line break that could close a code block.

/** Line breaks (including U+2028/U+2029) and other control characters, each of which becomes a space. */
const controlCharacters = /[\p{Cc}\u2028\u2029]/gu;

/** ASCII punctuation that markdown (CommonMark, GFM tables and strikethrough, HTML) gives a meaning. */
const markdownPunctuation = /[\\`*_{}[\]()#+\-.!|<>~&]/g;

/** `text` on one line: line breaks and control characters become spaces. */
export function toSingleLine(text: string): string {
  return text.replace(controlCharacters, ' ');
}

/** `text` as literal inline markdown: one line, every markdown control character backslash-escaped. */
export function escapeMarkdownInline(text: string): string {
  return toSingleLine(text).replace(markdownPunctuation, '\\$&');
}

/** `text` in bold, as literal inline markdown (see escapeMarkdownInline). */
export function boldName(text: string): string {
  return `**${escapeMarkdownInline(text)}**`;
}

/**
 * A fenced code block around `lines`, each kept on its own line. The fence is longer than any backtick run in the
 * content, so no line can close it early (CommonMark closes a fence only with a run at least as long).
 */
export function fencedCodeBlock(lines: readonly string[], language = ''): string {
  const content = lines.map(toSingleLine);
  const longestRun = Math.max(0, ...content.flatMap((line) => line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return [fence + language, ...content, fence].join('\n');
}

/** `text` as an inline code span on one line, delimited by a backtick run longer than any inside it. */
export function markdownCodeSpan(text: string): string {
  const content = toSingleLine(text);
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const delimiter = '`'.repeat(longestRun + 1);
  // A space on each side keeps a leading or trailing backtick from joining the delimiter; CommonMark strips it again.
  const padding = content.startsWith('`') || content.endsWith('`') ? ' ' : '';
  return delimiter + padding + content + padding + delimiter;
}
