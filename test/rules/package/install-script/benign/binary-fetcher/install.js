const fs = require('fs');
const os = require('os');
const path = require('path');
const https = require('https');
const child_process = require('child_process');
const zlib = require('zlib');
const version = require('./package.json').version;

function fetch(url) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => {
      if ((res.statusCode === 301 || res.statusCode === 302) && res.headers.location) return fetch(res.headers.location).then(resolve, reject);
      const chunks = [];
      res.on('data', (c) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
    }).on('error', reject);
  });
}

async function main() {
  const platform = `${os.platform()}-${os.arch()}`;
  const url = `https://registry.npmjs.org/@example/toolchain-mcp-${platform}/-/toolchain-mcp-${platform}-${version}.tgz`;
  const tgz = zlib.unzipSync(await fetch(url));
  fs.writeFileSync(path.join(__dirname, 'bin', 'toolchain-mcp'), tgz);
  child_process.execFileSync(path.join(__dirname, 'bin', 'toolchain-mcp'), ['--version']);
}
main();
