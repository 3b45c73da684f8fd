// An S3-compatible server for the S3 paper store's test (S3PaperStoreTest): s3rver from
// .ci/node_modules, on a free port of 127.0.0.1, its objects under S3RVER_DIRECTORY, with the
// bucket S3RVER_BUCKET. Prints "port <n>" once listening; stops when its standard input closes
// (the test, or the JVM running it, has ended).
const S3rver = require('s3rver');

const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory: process.env.S3RVER_DIRECTORY,
  configureBuckets: [{ name: process.env.S3RVER_BUCKET }],
});

server.run().then((address) => {
  console.log('port ' + address.port);
  process.stdin.resume();
  process.stdin.on('end', () => server.close().then(() => process.exit(0)));
}, (error) => {
  console.error(error);
  process.exit(1);
});
