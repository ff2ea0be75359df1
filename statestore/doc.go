// Package statestore remembers which states a model checker has seen, and
// keeps the parts of a breadth-first search that can outgrow memory: the
// queue of states still to expand and the parent links from which a
// counterexample path is rebuilt.
//
// A state is known to the stores only by its [Fingerprint], a stable 64-bit
// hash ([Hash], xxhash64) of its canonical encoding, or, in exact mode
// ([ExactSet]), by the encoding itself. The stores know nothing about
// Erlang, transition systems or search strategies.
//
// # Implementations
//
//   - [Memory] ([NewMemory]): 64-bit fingerprints in one flat open-addressing
//     table shared lock-free by all workers (CAS on uint64 slots), growing by
//     half when three quarters full, so it takes 10.7 to 16 bytes a state.
//     Two distinct states merge only when their fingerprints collide; the
//     probability that any two of n states collide is about n²/2⁶⁵ (the
//     birthday bound), reported as [Info.CollisionProb].
//   - [Exact] ([NewExact]): the full encodings, no false merges; for small
//     models and for checking fingerprint runs.
//   - [Bitstate] ([NewBitstate]): Holzmann's supertrace, k bits per state in
//     a fixed bit array. It can only under-approximate the state space, so a
//     search through it never proves a property ([Info.Incomplete]).
//   - package statestore/badgerstore: fingerprints, queue and parent links on
//     disk (badger), for state spaces larger than memory.
//
// Every [Set] is safe for concurrent use, and Insert reports a fingerprint
// fresh to exactly one caller. Optional capabilities are separate small
// interfaces found by type assertion ([BatchInserter],
// [ExactSet], [Describer], [Checkpointer]), so a store implements only what
// it can do well.
//
// # Import rules
//
// Package statestore imports only the standard library and
// github.com/cespare/xxhash/v2, and nothing from mcgo. Package
// statestore/badgerstore is the only importer of badger, so that programs and
// tests that keep their states in memory never compile it. deps_test.go
// enforces both rules.
package statestore
