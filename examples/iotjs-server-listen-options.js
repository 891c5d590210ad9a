var net = require('net');

var server = net.createServer();

server.listen({port: 80, host: 'localhost'});
