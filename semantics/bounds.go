package semantics

// Truncated reports whether a state was cut by one of the model's bounds
// (mailbox, processes, spawns, stack, channel, or pure code that never
// reaches an effect) and which. The explorer counts and checks such a
// state but does not expand it, and the verdict of a search that reached
// one is incomplete (explore.Truncater).
func (s *System) Truncated(st *State) (string, bool) {
	return st.Bound, st.Bound != ""
}
