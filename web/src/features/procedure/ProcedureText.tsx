// The procedure's blocks as headings, lists and paragraphs (the title is the page's h1).
import type { Block } from './parse-procedure.ts';

export function ProcedureText({ blocks }: { blocks: Block[] }) {
  return (
    <div className="max-w-prose text-lg leading-relaxed">
      {blocks.map((b, i) => {
        switch (b.kind) {
          case 'title':
            return null;
          case 'heading':
            return (
              <h2 key={i} className="mt-8 mb-3 text-2xl font-bold">
                {b.text}
              </h2>
            );
          case 'ordered':
            return (
              <ol key={i} className="mb-4 list-decimal pl-8">
                {b.items.map((item, j) => (
                  <li key={j} className="mb-2">
                    {item}
                  </li>
                ))}
              </ol>
            );
          case 'bullets':
            return (
              <ul key={i} className="mb-4 list-disc pl-8">
                {b.items.map((item, j) => (
                  <li key={j}>{item}</li>
                ))}
              </ul>
            );
          default:
            return (
              <p key={i} className="mb-4">
                {b.text}
              </p>
            );
        }
      })}
    </div>
  );
}
