// Package badgerstore keeps a breadth-first search's visited set, queue and
// parent links on disk in one badger (v4) database, for state spaces larger
// than memory, and lets an interrupted search resume.
//
// # Design
//
// Random lookups in badger cost 5-10 µs and an insert of one small key
// about 3 µs (its memtable is a skiplist), against 0.1 µs for a probe of the
// in-memory table. So the store never writes one badger entry per state,
// and reads only in key order:
//
//   - a front set, the in-memory [statestore.Memory] table, holds the
//     fingerprints inserted since the last generation (below), and decides
//     every insert first. The fresh fingerprints of an epoch (the writes
//     between two commits, one BFS segment) are appended to a journal
//     entry, a packed block of 8-byte values;
//   - when the front set reaches Options.FrontStates at a commit, it is
//     sorted in place and written as a generation: a sorted run of 512-value
//     chunks, each keyed by its last value; the journals it covers are
//     deleted and the front set starts empty;
//   - a fingerprint that misses the front set is fresh unless a generation
//     holds it. InsertBatch sorts such misses and reads each generation
//     forward with one iterator, at most one chunk per miss (delayed
//     duplicate detection: the explorer hands over a whole segment of
//     candidates at once). Until the first generation is written the disk
//     is never read, and the store runs within a few times the memory
//     store's rate; after, each miss costs about one seek per generation;
//   - the queue is a FIFO of 1 MiB blocks of length-prefixed records
//     (uvarint length, bytes) ending with the CRC-32C of the records, one
//     file a block in the queue/ directory (written once, read once,
//     removed: in badger's value log their space would only come back
//     through garbage collection); a block whose checksum or records do
//     not fit is an error wrapping [statestore.ErrCorrupt] that names the
//     file; the parent links are blocks of 8,192
//     packed links, one badger entry a block.
//
// # Disk layout
//
// The store directory holds manifest.json ([Manifest]: model hash, flags,
// format version), queue/, the queue's block files, and db/, the badger
// database, whose keys are
//
//	'r' epoch(8) seq(4)   journal: fresh fingerprint values of an epoch
//	'g' gen(4) last(8)    generation chunk: sorted values, the last = last
//	'p' level(4) block(8) parent-link block
//	'm'                   meta: committed epoch, count, generations, the
//	                      first journal epoch still needed, queue and
//	                      parent-log positions, the explorer's checkpoint
//	'h'                   the highest epoch that started writing
//
// with integers big-endian, so that keys sort numerically. Values are
// [statestore.MemoryValue]s of the fingerprints.
//
// # Resume
//
// [Store.Commit] (called by the explorer after every BFS segment) flushes
// the epoch's journal, queue block and parent blocks, and then writes the
// meta entry: a run is resumed exactly from its last commit. Journals of
// epochs after the last commit (up to the highest started, recorded before
// an epoch's first write) are stale and deleted on resume, generations
// numbered after the committed ones likewise; queue and parent blocks of a
// redone segment are rewritten under the same keys. So a run stopped by
// Ctrl-C, a full disk or a crash resumes consistently. A resume is refused
// when the model hash, the flags or the format version differ from the
// manifest, and a store directory that does not decode is an error.
//
// # Import rules
//
// Package badgerstore imports statestore, badger and the standard library.
// It is the only importer of badger in mcgo.
package badgerstore
