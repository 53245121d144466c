// Writes .gz and .br beside every text asset of a build, for @fastify/static's preCompressed
// (Vite writes none). Files that do not shrink are left alone.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = /\.(js|mjs|css|json|svg|txt|map)$/; // not index.html: the server fills it in
const dir = process.argv[2] ?? 'dist';
let count = 0;
const walk = (d) => {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (TEXT.test(name)) {
      const bytes = readFileSync(path);
      const gz = gzipSync(bytes, { level: 9 });
      const br = brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      });
      if (gz.length < bytes.length) writeFileSync(`${path}.gz`, gz);
      if (br.length < bytes.length) writeFileSync(`${path}.br`, br);
      count++;
    }
  }
};
walk(dir);
console.log(`compressed ${count} files in ${dir} (.gz, .br)`);
