/**
 * Text made safe to stand inside a DTS block comment: a `*\/` in it would end
 * the comment early, so its slash is escaped (`*\/`).
 */
export function dtsCommentText(text: string): string {
  return text.replaceAll('*/', '*\\/');
}

/**
 * A note as one DTS block comment that stays on its line: `*\/` escaped as in
 * `dtsCommentText`, and line breaks turned into spaces.
 */
export function dtsComment(note: string): string {
  return `/* ${dtsCommentText(note).replace(/\r\n|[\r\n]/g, ' ')} */`;
}
