#!/usr/bin/env node
// The js dialer of the libp2p throughput run (io.dt4j.benchmarks.libp2p.ThroughputRun): the same
// js-libp2p stack as ../shared/interop/js-peer/peer.mjs (TCP, Noise, yamux or mplex, identify,
// ping, its connection monitor without aborts), but one connection driven over stdin so that one
// process runs the warm-up and every round. It is copied next to peer.mjs in the installed copy of
// the js peer, whose node_modules it imports.
//
//   node bench-dialer.mjs --dial MULTIADDR --muxer yamux|mplex
//   stdout: "READY description" once connected; then for each stdin line "receive N" | "send N":
//           "DONE bytes nanos" or "ERROR text". Exits when stdin ends.
//
// receive: N bytes from the peer's /bench/source/1.0.0; send: N bytes to its /bench/sink/1.0.0.
// Each is a new stream, timed from opening it to the last byte (source) or the sink's count.

import './polyfill.mjs' // Promise.withResolvers for Node 20 (must be first)
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { mplex } from '@libp2p/mplex'
import { identify, identifyPush } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { multiaddr } from '@multiformats/multiaddr'
import { createInterface } from 'node:readline'

const SINK = '/bench/sink/1.0.0'
const SOURCE = '/bench/source/1.0.0'
const CHUNK = 64 * 1024

function option (name) {
  const i = process.argv.indexOf(name)
  if (i < 0 || i + 1 >= process.argv.length) throw new Error(`missing ${name}`)
  return process.argv[i + 1]
}

async function receive (node, ma, n) {
  const stream = await node.dialProtocol(ma, SOURCE)
  stream.send(new TextEncoder().encode(`${n}\n`))
  await stream.close()
  let total = 0
  for await (const chunk of stream) total += chunk.byteLength
  if (total !== n) throw new Error(`the source sent ${total} bytes, expected ${n}`)
}

async function send (node, ma, n) {
  const stream = await node.dialProtocol(ma, SINK)
  const block = new Uint8Array(CHUNK).fill(0x62)
  const reply = (async () => {
    const parts = []
    for await (const chunk of stream) parts.push(Buffer.from(chunk.subarray()))
    return Buffer.concat(parts).toString('utf8')
  })()
  for (let left = n; left > 0; left -= CHUNK) {
    const len = Math.min(left, CHUNK)
    if (!stream.send(len === CHUNK ? block : block.subarray(0, len))) await stream.onDrain()
  }
  await stream.close()
  const answer = await reply
  if (answer.trim() !== String(n)) throw new Error(`the sink counted ${JSON.stringify(answer)}, sent ${n}`)
}

async function main () {
  const muxer = option('--muxer')
  const ma = multiaddr(option('--dial'))
  const node = await createLibp2p({
    privateKey: await generateKeyPair('Ed25519'),
    addresses: { listen: [] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [muxer === 'mplex' ? mplex() : yamux()],
    connectionMonitor: { enabled: true, abortConnectionOnPingFailure: false },
    services: { identify: identify({ agentVersion: 'js-interop-peer/1.0.0' }), identifyPush: identifyPush(), ping: ping() }
  })
  const conn = await node.dial(ma)
  console.log(`READY js-libp2p, node ${process.versions.node}, ${conn.encryption}, ${conn.multiplexer}`)
  for await (const line of createInterface({ input: process.stdin })) {
    const [what, count] = line.trim().split(' ')
    const n = Number.parseInt(count, 10)
    try {
      if (!['receive', 'send'].includes(what) || !Number.isSafeInteger(n)) throw new Error(`unknown command '${line}'`)
      const t0 = process.hrtime.bigint()
      await (what === 'receive' ? receive(node, ma, n) : send(node, ma, n))
      console.log(`DONE ${n} ${process.hrtime.bigint() - t0}`)
    } catch (err) {
      console.log(`ERROR ${line}: ${err.message}`)
    }
  }
  await node.stop()
  process.exit(0)
}

main().catch((err) => {
  process.stderr.write(`bench-dialer: ${err.stack ?? err.message}\n`)
  process.exit(1)
})
