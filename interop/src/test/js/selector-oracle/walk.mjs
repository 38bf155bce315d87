// Lists, one CID per line in the order loaded, the blocks that the reference JS selector engine
// (walkBlocks of @dcdn/graphsync, a published graphsync implementation) loads when it runs a
// selector from a root over the blocks of a CAR file.
//
//   node walk.mjs DAG.car SELECTOR.cbor
//
// The root is the CAR's first header root; the selector file holds the selector as DAG-CBOR,
// decoded here with the reference codec. Exits 2 if a block the walk needs is not in the CAR.
import { readFile } from 'node:fs/promises'
import { CarReader } from '@ipld/car'
import * as dagCbor from '@ipld/dag-cbor'
import { BasicNode, LinkSystem, parseContext, walkBlocks } from '@dcdn/graphsync'

const [carFile, selectorFile] = process.argv.slice(2)
if (!carFile || !selectorFile) {
  console.error('usage: node walk.mjs DAG.car SELECTOR.cbor')
  process.exit(1)
}

const car = await CarReader.fromBytes(await readFile(carFile))
const blocks = new Map()
for await (const { cid, bytes } of car.blocks()) {
  blocks.set(cid.toString(), bytes)
}
// Keyed by the CID's string: the CAR reader and the selector engine use different multiformats.
const store = {
  async get (cid) {
    const bytes = blocks.get(cid.toString())
    if (bytes === undefined) {
      console.error(`missing block ${cid}`)
      process.exit(2)
    }
    return bytes
  }
}

const [root] = await car.getRoots()
const selector = parseContext().parseSelector(dagCbor.decode(await readFile(selectorFile)))
for await (const block of walkBlocks(new BasicNode(root), selector, new LinkSystem(store))) {
  console.log(block.cid.toString())
}
