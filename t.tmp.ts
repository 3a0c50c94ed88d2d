import { compileGlob } from './server/src/core/glob';
for (const n of [100, 200, 400, 1000]) { const s = performance.now(); compileGlob('{'.repeat(n), { dot: true }); console.log(n, performance.now() - s); }
for (const n of [100, 200, 333]) { const s = performance.now(); compileGlob('{a,'.repeat(n), { dot: true }); console.log('a,', n, performance.now() - s); }
const s = performance.now(); const g = compileGlob('**/' + '*a'.repeat(490) + '*b', { dot: true }) as any; console.log('compile', performance.now() - s); const t = performance.now(); g.glob.match('x/' + 'a'.repeat(4000)); console.log('match', performance.now() - t);
