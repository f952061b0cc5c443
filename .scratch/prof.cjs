const fs = require('fs');
const file = process.argv[2];
const prof = JSON.parse(fs.readFileSync(file));
const self = new Map();
const byId = new Map(prof.nodes.map(n => [n.id, n]));
const dt = prof.timeDeltas; const samples = prof.samples;
for (let i = 0; i < samples.length; i++) { const n = byId.get(samples[i]); const key = n.callFrame.functionName + ' ' + n.callFrame.url.split('/').slice(-2).join('/') + ':' + n.callFrame.lineNumber; self.set(key, (self.get(key) || 0) + dt[i]); }
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => (v / 1000).toFixed(1) + 'ms ' + k).join('\n'));
