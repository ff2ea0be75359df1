// Package explore searches transition systems for violations of
// properties: breadth-first (level-synchronous, parallel, deterministic),
// depth-first (iterative, explicit stack) and by seeded random walks.
//
// It knows nothing about Erlang. A model is a [System] (initial states,
// successors in a deterministic order, a canonical byte encoding); the
// properties are [Monitor] values; visited states are kept by a
// [statestore.Set]. Toy systems written in Go, with exactly known state
// counts, test it.
//
// # Import rules
//
// Package explore imports only the standard library and
// github.com/mcgo-dev/mcgo/statestore (for the Set, Queue and ParentLog
// interfaces and fingerprints). It never imports semantics, lang,
// properties, badger or cobra: the interfaces here use type parameters and
// built-in types only, so other packages satisfy them without importing
// explore. deps_test.go enforces this.
//
// # Traces
//
// A counterexample is a [Violation] whose Path lists successor positions:
// Path[0] indexes Initial(), each later element indexes the full successor
// list of the state before it. Paths are replayed with [Replay]; they stay
// valid with partial-order reduction because a [Reducer] reports positions
// in the full list.
//
// # Breadth-first search and determinism
//
// BFS runs level by level. The states of a level have ranks 0, 1, ... in
// canonical order, and the next level is ordered by (rank of the parent,
// successor index) of each state's first occurrence in that order: a state
// reached several times in one level keeps the smallest pair. By induction
// the rank order of a level is the lexicographic order of the states'
// smallest shortest paths, so the smallest (rank, index) is the smallest
// path.
//
// A level is processed in segments of 16,384 parents, each in three phases:
//
//  1. expand (parallel): workers take jobs of 256 consecutive parents, check
//     each parent (CheckState, and Stuck when it has no successors), judge
//     each transition (Check), encode and fingerprint each successor into
//     the job's reused buffers;
//  2. insert (parallel): the candidates are inserted into the set as if one
//     by one in canonical order. Worker w takes the candidates whose
//     fingerprints fall in the w-th share of the 64-bit range, in canonical
//     order, so all occurrences of a state meet in one worker and the first
//     one wins, whatever the interleaving ([statestore.BatchInserter]
//     batches them);
//  3. commit (one goroutine): fresh successors are appended to the next
//     level in canonical order, with their parent links.
//
// Hence the visited set, the next level, the state and transition counts
// and the violations found are the same for every number of workers; the
// segment and job sizes are constants and change nothing either.
// Violations are ordered by (path length, rank, successor index, kind of
// check, monitor position), each job keeps its smallest, and at the end of
// the level in which any was found the smallest is reported. So the
// reported trace is a shortest one, lexicographically first among the
// shortest of its level, and identical for every number of workers.
// State checks of a state run when the state is expanded, so a violated
// invariant is reported on a shortest path to a violating state; a
// violated transition check is one step longer than the state paths of its
// level.
//
// The frontier is kept as state values (FrontierValues) or as canonical
// encodings in chunked pointer-free arenas or an external [statestore.Queue]
// (FrontierEncoded, needs a [Decoder]); parent links as 8 bytes a state in a
// [statestore.ParentLog]. A path is rebuilt at the end by following links
// back from the violating state's level and rank.
//
// When the set is a [statestore.Checkpointer] and the queue and parent log
// are external, BFS commits a checkpoint after every segment; a store opened
// for resuming returns it, and the search continues from that segment with
// the same counters. An interrupted segment is abandoned before it writes
// anything, so the store never holds half a segment.
//
// # Depth-first search and random walks
//
// DFS is iterative with an explicit stack of (state, depth, index); states
// are inserted when pushed, the path to the current state is one slice
// indexed by depth, and the first violation stops the search. It uses one
// goroutine; with MaxDepth it is incomplete in the usual way (a state
// first reached deep is not expanded again when reached shallower).
// Random walks are seeded per walk (Seed, i) and judge every transition of
// every state they visit; they never prove absence, so without a violation
// their verdict is Incomplete "random", as is any search through a
// bitstate set ("bitstate").
//
// # Limits
//
// MaxStates, MaxDepth, TimeLimit, MaxMemory and ctx cancellation end the
// search with Incomplete (never Pass, never an error) and the figures so far.
// MaxStates is exact: the first state beyond the bound is not counted.
// MaxMemory is checked every 100 ms against the Go runtime's footprint
// (runtime/metrics). Workers check a shared stop flag at every transition,
// so they stop within one successor call. A store out of disk space
// ([statestore.ErrDiskFull]) ends the search with Incomplete "disk".
//
// A system's own limits are two optional interfaces: a [Truncater] cuts
// states at the model's bounds (the search goes on; without a violation it
// is Incomplete "bound: ..."), and a [Refuser] marks states it cannot model
// at all: the first one found ends the search with [Unsupported] and the
// path to it, found and ordered as a violation of a state check is (so BFS
// reports the shortest, for any number of workers).
package explore
