// The peer benchmark: N complaint-shaped documents (~600 bytes each, the same fields the C++
// benchmark sends) replicated with PouchDB's own replication protocol from a local database to
// pouchdb-server (push), then from pouchdb-server into a fresh local database (pull). Local
// databases are LevelDB, as PouchDB uses on a device. Prints {"push": docs/s, "pull": docs/s}.
const PouchDB = require('pouchdb');
const fs = require('fs');
const os = require('os');
const path = require('path');

async function main() {
  const n = parseInt(process.argv[2], 10);
  const remoteBase = process.argv[3];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pouch-peer-'));
  const text = '三号楼二单元楼道灯不亮已经三天了，晚上老人上下楼很不方便，请尽快安排维修，谢谢。' +
               '另外楼道里堆放的杂物也请通知清理。';
  const src = new PouchDB(path.join(dir, 'src'));
  for (let i = 0; i < n; i += 500) {
    const batch = [];
    for (let j = i; j < Math.min(n, i + 500); ++j) {
      const community = j % 2 ? 'cm-sunshine' : 'cm-jadelake';
      batch.push({_id: 'doc-' + j, community_id: community, channel: 'phone', category: 'repairs',
                  content: text + ' #' + j, complainant: {name: '王女士', phone: '13800000000'},
                  unit_id: community + '-b1-1-502', urgent: j % 5 === 0, serious: j % 7 === 0,
                  received_at: new Date().toISOString()});
    }
    await src.bulkDocs(batch);
  }
  const remote = new PouchDB(remoteBase + '/peer_' + n + '_' + Date.now());
  let t0 = Date.now();
  const pushed = await PouchDB.replicate(src, remote, {batch_size: 500});
  const push = pushed.docs_written / ((Date.now() - t0) / 1000);
  const dst = new PouchDB(path.join(dir, 'dst'));
  t0 = Date.now();
  const pulled = await PouchDB.replicate(remote, dst, {batch_size: 500});
  const pull = pulled.docs_written / ((Date.now() - t0) / 1000);
  await remote.destroy();
  await src.destroy();
  await dst.destroy();
  fs.rmSync(dir, {recursive: true, force: true});
  console.log(JSON.stringify({push, pull, pushed: pushed.docs_written, pulled: pulled.docs_written}));
}

main().catch((e) => { console.error(e); process.exit(1); });
