// Package badgerstore keeps a breadth-first search's visited set, queue and
// parent links on disk in one badger (v4) database, for state spaces larger
// than memory, and lets an interrupted search resume.
//
// # Design
//
// Random lookups in badger cost 5-10 µs, 50-350 times an in-memory probe,
// so the store touches disk in batches and in key order, and keeps the hot
// part in memory:
//
//   - a front set, the in-memory [statestore.Memory] table, holds the
//     fingerprints inserted recently, at most Options.FrontStates of them.
//     Every fingerprint is also written to badger through a WriteBatch.
//     While the front set holds the whole visited set (the common case
//     until it overflows), a miss in it is a fresh state and badger is only
//     written, never read;
//   - once the front set has overflowed (it is then cleared and refilled),
//     InsertBatch sorts the fingerprints that miss it and looks them up in
//     badger in key order, in one read transaction, before writing the fresh
//     ones (delayed duplicate detection: the explorer hands over a whole
//     segment of candidates at once);
//   - the queue is a FIFO of 1 MiB blocks of length-prefixed records and the
//     parent links are blocks of 8,192 packed links, so each costs one
//     badger entry per block, not per state.
//
// # Disk layout
//
// The store directory holds manifest.json ([Manifest]: model hash, flags,
// format version) and db/, the badger database, whose keys are
//
//	'v' fp(8)             visited fingerprint -> epoch(8)
//	'q' block(8)          queue block
//	'p' level(4) block(8) parent-link block
//	'm'                   meta: committed epoch, counters, queue and
//	                      parent-log positions, the explorer's checkpoint
//	'h'                   the highest epoch that started writing
//
// all integers big-endian, so that fingerprints are iterated in order.
//
// # Resume
//
// [Store.Commit] (called by the explorer after every BFS segment) flushes
// all writes and then records the meta entry. Writes between two commits
// belong to an epoch; every visited entry carries its epoch. A run that
// stops between commits (Ctrl-C, a full disk, a crash) leaves entries of an
// uncommitted epoch: on resume, epochs above the last committed one and up
// to the highest started are stale, and such entries count as absent, so
// the redone segment finds its states fresh again. Queue and parent blocks
// are rewritten under the same keys by the redone segment. A resume is
// refused when the model hash, the flags or the format version differ from
// the manifest.
//
// # Import rules
//
// Package badgerstore imports statestore, badger and the standard library.
// It is the only importer of badger in mcgo.
package badgerstore
