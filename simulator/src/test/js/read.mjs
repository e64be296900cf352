// Reads an MCAP file with the official @mcap/core library and prints it as NDJSON on stdout,
// one line per Header, Schema, Channel, Message and Metadata record, in file order.
// McapCoreCrossCheckTest compares this output with what weir wrote.
// Integers that may exceed 2^53 (times, sequences) are printed as decimal strings;
// byte payloads as base64. Usage: node read.mjs <file.mcap>
import { readFileSync } from "node:fs";
import { McapStreamReader } from "@mcap/core";
import { decompress as zstdDecompress } from "fzstd";
import lz4 from "lz4js";

const decompressHandlers = {
  zstd: (buffer, size) => zstdDecompress(buffer, new Uint8Array(Number(size))),
  lz4: (buffer, size) => {
    const out = new Uint8Array(Number(size));
    const written = lz4.decompressFrame(buffer, out);
    if (written !== out.length) {
      throw new Error(`lz4 chunk decompressed to ${written} bytes, expected ${out.length}`);
    }
    return out;
  },
};

const path = process.argv[2];
if (!path) {
  console.error("usage: node read.mjs <file.mcap>");
  process.exit(2);
}

const reader = new McapStreamReader({ decompressHandlers, validateCrcs: true });
reader.append(readFileSync(path));

const base64 = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
const sortedObject = (map) => Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

const print = (line) => process.stdout.write(JSON.stringify(line) + "\n");

for (let record; (record = reader.nextRecord()); ) {
  switch (record.type) {
    case "Header":
      print({ type: "Header", profile: record.profile, library: record.library });
      break;
    case "Schema":
      print({ type: "Schema", id: record.id, name: record.name, encoding: record.encoding, data: base64(record.data) });
      break;
    case "Channel":
      print({
        type: "Channel",
        id: record.id,
        schemaId: record.schemaId,
        topic: record.topic,
        messageEncoding: record.messageEncoding,
        metadata: sortedObject(record.metadata),
      });
      break;
    case "Message":
      print({
        type: "Message",
        channelId: record.channelId,
        sequence: String(record.sequence),
        logTime: String(record.logTime),
        publishTime: String(record.publishTime),
        data: base64(record.data),
      });
      break;
    case "Metadata":
      print({ type: "Metadata", name: record.name, metadata: sortedObject(record.metadata) });
      break;
    default:
      break;
  }
}

if (!reader.done()) {
  console.error(`${path}: incomplete MCAP file, ${reader.bytesRemaining()} bytes left unparsed`);
  process.exit(1);
}
