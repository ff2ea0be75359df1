package main

// advice says what to do after an incomplete search: empty for now.
func advice(r *checkRun) []string { return nil }
