var net = require('net');
var server = net.createServer();

server.listen({
  host: 'localhost',
  port: 80
});
