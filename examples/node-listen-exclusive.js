const net = require('net');
const server = net.createServer();

server.listen({
  host: 'localhost',
  port: 80,
  exclusive: true
});
