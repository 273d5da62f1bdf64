/**
 * Copies text to the clipboard: the Clipboard API where the page may use it,
 * else the older selection-and-copy route. Resolves to whether it worked;
 * never rejects (a refused permission is not an error worth a console line).
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}
