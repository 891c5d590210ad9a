const net = require('net');
const socket = net.createConnection({ port: 8124 });

socket.setTimeout(3000);
socket.on('timeout', () => {
  console.log('socket timeout');
  socket.end();
});
