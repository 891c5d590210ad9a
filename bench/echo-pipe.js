'use strict';
// Echo server for the benchmark suite, stream variant: socket.pipe(socket).
// Runs unchanged on weft, node and bun. Prints "listening PORT" when ready.
const net = require('net');

const port = Number(process.argv[2] || 8124);

const server = net.createServer((socket) => {
  socket.on('error', () => {});
  socket.pipe(socket);
});

server.listen(port, '127.0.0.1', () => {
  console.log('listening ' + server.address().port);
});
