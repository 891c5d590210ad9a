load('api_net.js');

Net.bind(':1234', function(conn, ev, ev_data) {
  print(ev);
}, null);
