// The published procedure's text (underlined headings, numbered steps, "-" bullets) as blocks
// for an accessible page: headings, ordered and unordered lists, paragraphs.
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'ordered'; items: string[] }
  | { kind: 'bullets'; items: string[] };

export function parseProcedure(text: string): Block[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  const pushItem = (kind: 'ordered' | 'bullets', item: string) => {
    const last = blocks[blocks.length - 1];
    if (last && last.kind === kind) last.items.push(item);
    else blocks.push({ kind, items: [item] });
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1] ?? '';
    if (/^=+\s*$/.test(next) && line.trim()) {
      flush();
      blocks.push({ kind: 'title', text: line.trim() });
      i++;
    } else if (/^-{3,}\s*$/.test(next) && line.trim()) {
      flush();
      blocks.push({ kind: 'heading', text: line.trim() });
      i++;
    } else if (/^\s*\d+\.\s+/.test(line)) {
      flush();
      pushItem('ordered', line.replace(/^\s*\d+\.\s+/, ''));
    } else if (/^\s+-\s+/.test(line)) {
      flush();
      pushItem('bullets', line.replace(/^\s+-\s+/, ''));
    } else if (!line.trim()) {
      flush();
    } else {
      // The text is not hard-wrapped: each line is a paragraph of its own (the organisation's
      // name, then its version line, say).
      flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}
