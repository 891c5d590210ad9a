var net = require('net');

var socket = new net.Socket();
