'use strict';
// Echo server for the benchmark suite. Runs unchanged on weft, node and bun:
//   weft bench/echo.js PORT    node bench/echo.js PORT    bun bench/echo.js PORT
// Every 'data' chunk is written straight back. Prints "listening PORT" when ready.
const net = require('net');

const port = Number(process.argv[2] || 8124);

const server = net.createServer((socket) => {
  socket.on('data', (chunk) => {
    socket.write(chunk);
  });
  socket.on('error', () => {});
});

server.listen(port, '127.0.0.1', () => {
  console.log('listening ' + server.address().port);
});
