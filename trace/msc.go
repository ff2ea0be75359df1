package trace

import (
	"fmt"
	"io"
	"strings"
)

// The text message sequence chart: one column (lifeline) per process,
// grouped by node, one row per step.
//
//	|   a lifeline         o   the process is created here
//	*   the process acts   x   it ends here
//	--#3-->  a message sent onto a channel (it arrives later)
//	==#3==>  a message put straight into a local mailbox
//	..#3..>  a signal (link, monitor, exit, DOWN, spawn request or reply)
//	@   a message arrives   X   a message is lost   !   a notification (EXIT, DOWN, nodedown)
//	~~~ a fault (crash, restart, disconnect)
//
// Charts wider than the terminal are cut into panels of lifelines; an arrow
// to a lifeline of another panel ends at the panel's edge.

const mscCol = 12 // width of a lifeline column

// MSCLegend explains the chart's symbols.
const MSCLegend = `legend: | lifeline  * acts  o created  x ends  ~~~ fault  @ arrives  X lost
        --#n--> message in flight  ==#n==> message delivered at once
        ..#n..> signal (link, exit, DOWN, spawn)  ! notification put in a mailbox`

// WriteMSC prints the trace as a text sequence chart at most width columns
// wide (0: 100).
func (f *File) WriteMSC(w io.Writer, width int) {
	if width <= 0 {
		width = 100
	}
	per := (width - 5 - 24) / mscCol
	if per > 6 {
		per = 6
	}
	if per < 2 {
		per = 2
	}
	lanes := groupByNode(f)
	if len(lanes) == 0 {
		fmt.Fprintln(w, "(no processes)")
		return
	}
	fmt.Fprintln(w, MSCLegend)
	for start := 0; start < len(lanes); start += per {
		end := start + per
		if end > len(lanes) {
			end = len(lanes)
		}
		if len(lanes) > per {
			fmt.Fprintf(w, "\nprocesses %d-%d of %d\n", start+1, end, len(lanes))
		} else {
			fmt.Fprintln(w)
		}
		f.writePanel(w, lanes, start, end, width)
	}
}

func (f *File) writePanel(w io.Writer, all []ProcInfo, start, end, width int) {
	lanes := all[start:end]
	// A pid names one lifeline per incarnation: a pid reused after its
	// node restarted is a later process on a lifeline of its own. A pid in
	// an event is resolved at the step it refers to (laneAt): the sender at
	// the send, the receiver where the message arrives or is lost.
	order := mscOrder(f)
	laneAt := func(pid string, n int) (int, bool) {
		p := f.ProcAt(pid, n)
		if p < 0 {
			return 0, false
		}
		k := order[p] - start
		return k, k >= 0 && k < len(lanes)
	}
	globalAt := func(pid string, n int) int {
		if p := f.ProcAt(pid, n); p >= 0 {
			return order[p]
		}
		return -1
	}
	ends := messageEnds(f)
	chartW := len(lanes) * mscCol
	noteW := width - 5 - chartW - 1
	if noteW < 10 {
		noteW = 10
	}
	header := func(get func(ProcInfo) string) {
		var b strings.Builder
		b.WriteString("     ")
		for _, p := range lanes {
			s := get(p)
			if r := []rune(s); len(r) > mscCol-1 {
				s = string(r[:mscCol-2]) + "…"
			}
			b.WriteString(fmt.Sprintf("%-*s", mscCol, center(s, mscCol)))
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
	header(func(p ProcInfo) string { return p.Node })
	mod := modelModule(f.Processes)
	header(func(p ProcInfo) string { return strings.TrimPrefix(p.Name, mod+":") })
	header(func(p ProcInfo) string { return p.Pid })
	mid := func(i int) int { return i*mscCol + mscCol/2 }
	alive := func(p ProcInfo, n int) bool {
		return p.Born <= n && (p.Died == 0 || p.Died >= n)
	}
	for i := range f.Steps {
		s := &f.Steps[i]
		row := []rune(strings.Repeat(" ", chartW))
		for j, p := range lanes {
			if alive(p, s.N) {
				row[mid(j)] = '|'
			}
		}
		if s.Fault {
			for k := range row {
				if row[k] == ' ' {
					row[k] = '~'
				}
			}
		}
		var tags []string
		// Sends first (arrows), then marks on lifelines.
		immediate := map[int]bool{}
		for _, e := range s.Events {
			if e.Type == "deliver" {
				for _, e2 := range s.Events {
					if e2.Type == "send" && e2.ID == e.ID {
						immediate[e.ID] = true
					}
				}
			}
		}
		for _, e := range s.Events {
			if e.Type != "send" {
				continue
			}
			at := s.N
			if m, ok := ends[e.ID]; ok {
				at = m
			}
			fi, okf := laneAt(e.From, s.N)
			ti, okt := laneAt(e.To, at)
			if !okf && !okt {
				continue
			}
			if (!okf && globalAt(e.From, s.N) < 0) || (!okt && globalAt(e.To, at) < 0) {
				// The other end has no lifeline at all (a useless pid, a
				// process that never existed): no arrow, a note.
				tags = append(tags, fmt.Sprintf("#%d %s -> %s, no such process", e.ID, e.From, e.To))
				continue
			}
			line := '-'
			if immediate[e.ID] {
				line = '='
			}
			if e.Kind != "message" {
				line = '.'
			}
			var a, b int // columns of the arrow's ends
			switch {
			case okf && okt:
				a, b = mid(fi), mid(ti)
			case okf:
				a = mid(fi)
				if globalAt(e.To, at) < start {
					b = 0
				} else {
					b = chartW - 1
				}
			default:
				b = mid(ti)
				if globalAt(e.From, s.N) < start {
					a = 0
				} else {
					a = chartW - 1
				}
			}
			drawArrow(row, a, b, line, fmt.Sprintf("#%d", e.ID))
			if !okt || !okf {
				tags = append(tags, fmt.Sprintf("#%d %s -> %s", e.ID, e.From, e.To))
			}
		}
		mark := func(pid string, c rune) {
			if j, ok := laneAt(pid, s.N); ok {
				row[mid(j)] = c
			}
		}
		for _, e := range s.Events {
			switch e.Type {
			case "deliver":
				if !immediate[e.ID] {
					mark(e.To, '@')
				} else {
					mark(e.To, '@')
				}
			case "drop":
				mark(e.To, 'X')
			case "lost":
				mark(e.To, 'X')
			case "notify":
				mark(e.To, '!')
			}
		}
		if s.Pid != "" && s.Kind != "deliver" {
			mark(s.Pid, '*')
		}
		for j, p := range lanes {
			if p.Born == s.N && p.Born > 0 {
				row[mid(j)] = 'o'
			}
			if p.Died == s.N {
				row[mid(j)] = 'x'
			}
		}
		note := stepText(s)
		if s.Pid != "" {
			note = s.Pid + " " + note
		}
		for _, e := range s.Events {
			switch e.Type {
			case "send":
				if !immediate[e.ID] {
					note += fmt.Sprintf(" [#%d]", e.ID)
				}
			case "deliver", "drop":
				note += fmt.Sprintf(" [#%d]", e.ID)
			case "lost":
				note += fmt.Sprintf(" [LOST #%d]", e.ID)
			}
		}
		for _, t := range tags {
			note += " (" + t + ")"
		}
		if s.Violation {
			note += "  <== the property fails"
		}
		if r := []rune(note); len(r) > noteW {
			note = string(r[:noteW-1]) + "…"
		}
		fmt.Fprintln(w, strings.TrimRight(fmt.Sprintf("%4d %s %s", s.N, string(row), note), " "))
	}
}

// groupByNode orders the lifelines by node (in the model's order), then by
// appearance.
func groupByNode(f *File) []ProcInfo {
	idx := nodeOrder(f)
	out := make([]ProcInfo, len(idx))
	for k, i := range idx {
		out[k] = f.Processes[i]
	}
	return out
}

// nodeOrder lists the indices of f.Processes by node (in the model's
// order), then by appearance.
func nodeOrder(f *File) []int {
	var out []int
	seen := map[int]bool{}
	for _, n := range f.Nodes {
		for i, p := range f.Processes {
			if p.Node == n.Short && !seen[i] {
				out = append(out, i)
				seen[i] = true
			}
		}
	}
	for i := range f.Processes {
		if !seen[i] {
			out = append(out, i)
		}
	}
	return out
}

// mscOrder maps an index of f.Processes to its lifeline's position.
func mscOrder(f *File) []int {
	pos := make([]int, len(f.Processes))
	for k, i := range nodeOrder(f) {
		pos[i] = k
	}
	return pos
}

// ProcAt returns the index in f.Processes of the process that pid names at
// step n (-1 if none): the one alive then; else the first created after n
// (a spawn request travels to the pid it will create); else the last one
// that ended before n (a message to a dead process). A pid is reused after
// its node restarts, so that one pid text may name several processes, each
// an incarnation of its own.
func (f *File) ProcAt(pid string, n int) int {
	next, last := -1, -1
	for i, p := range f.Processes {
		if p.Pid != pid {
			continue
		}
		switch {
		case p.Born <= n && (p.Died == 0 || p.Died >= n):
			return i
		case p.Born > n:
			if next < 0 || p.Born < f.Processes[next].Born {
				next = i
			}
		default:
			if last < 0 || p.Died > f.Processes[last].Died {
				last = i
			}
		}
	}
	if next >= 0 {
		return next
	}
	return last
}

// messageEnds maps a message's id to the step where it arrived, was
// dropped or was lost.
func messageEnds(f *File) map[int]int {
	ends := map[int]int{}
	for _, s := range f.Steps {
		for _, e := range s.Events {
			switch e.Type {
			case "deliver", "drop", "lost":
				ends[e.ID] = s.N
			}
		}
	}
	return ends
}

// modelModule is the module most processes run, shown once in the header
// instead of in every column.
func modelModule(ps []ProcInfo) string {
	count := map[string]int{}
	best := ""
	for _, p := range ps {
		if m, _, ok := strings.Cut(p.Name, ":"); ok && m != "erlang" {
			count[m]++
			if count[m] > count[best] {
				best = m
			}
		}
	}
	return best
}

// drawArrow draws an arrow from column a to column b with a label.
func drawArrow(row []rune, a, b int, line rune, label string) {
	if a == b {
		return
	}
	lo, hi := a, b
	if lo > hi {
		lo, hi = hi, lo
	}
	for k := lo + 1; k < hi; k++ {
		row[k] = line
	}
	if b > a {
		row[b-1] = '>'
	} else {
		row[b+1] = '<'
	}
	// The label in the middle, when it fits.
	l := []rune(label)
	space := hi - lo - 3
	if len(l) <= space {
		at := lo + 1 + (hi-lo-1-len(l))/2
		copy(row[at:], l)
	}
}

func center(s string, w int) string {
	n := len([]rune(s))
	if n >= w {
		return s
	}
	left := (w - 1 - n) / 2
	return strings.Repeat(" ", left) + s
}
