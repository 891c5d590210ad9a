var net = require('net');

var server = net.createServer();
var port = 22709;

server.listen(port);
