package main

import (
	"fmt"
	"sort"
	"strings"
)

// unifiedDiff returns the differences between old and new as a unified
// diff with three lines of context, headed "--- oldName" and "+++
// newName", or "" when they are equal.
//
// It is an anchored diff, like Go's internal/diff (what gofmt -d uses):
// lines that occur exactly once in each file are matched up along their
// longest common subsequence, matches are extended to the lines around
// them, and what is left between matches is reported as changed. It
// takes O(n log n) time, where a textbook minimal diff of a reformatted
// file of 10,000 records would take minutes; the diff is not always the
// smallest, but it is always correct.
func unifiedDiff(oldName, newName string, old, new []byte) string {
	if string(old) == string(new) {
		return ""
	}
	x, y := splitLines(string(old)), splitLines(string(new))
	type pair struct{ x, y int }
	// Anchors: lines unique in both.
	count := map[string][2]int{}
	at := map[string][2]int{}
	for i, l := range x {
		c := count[l]
		c[0]++
		count[l] = c
		a := at[l]
		a[0] = i
		at[l] = a
	}
	for j, l := range y {
		c := count[l]
		c[1]++
		count[l] = c
		a := at[l]
		a[1] = j
		at[l] = a
	}
	var anchors []pair
	for j, l := range y {
		if c := count[l]; c[0] == 1 && c[1] == 1 {
			anchors = append(anchors, pair{at[l][0], j})
		}
	}
	anchors = longestIncreasing(anchors, func(p pair) int { return p.x })

	// Walk the anchors, extending each match around it, and collect the
	// unmatched runs between them as edits.
	type edit struct{ x0, x1, y0, y1 int } // x[x0:x1] becomes y[y0:y1]
	var edits []edit
	i, j := 0, 0
	flush := func(xi, yj int) {
		// Extend the match at the start of the gap forward.
		for i < xi && j < yj && x[i] == y[j] {
			i++
			j++
		}
		// And the one at its end backward.
		e0, f0 := xi, yj
		for e0 > i && f0 > j && x[e0-1] == y[f0-1] {
			e0--
			f0--
		}
		if i < e0 || j < f0 {
			edits = append(edits, edit{i, e0, j, f0})
		}
		i, j = xi, yj
	}
	for _, a := range anchors {
		if a.x < i || a.y < j {
			continue
		}
		flush(a.x, a.y)
		i, j = a.x+1, a.y+1
	}
	flush(len(x), len(y))

	// Print hunks, joining edits less than seven lines apart.
	const context = 3
	var b strings.Builder
	fmt.Fprintf(&b, "--- %s\n+++ %s\n", oldName, newName)
	for k := 0; k < len(edits); {
		first := k
		for k+1 < len(edits) && edits[k+1].x0-edits[k].x1 <= 2*context {
			k++
		}
		last := edits[k]
		k++
		start := max(0, edits[first].x0-context)
		endX := min(len(x), last.x1+context)
		startY := edits[first].y0 - (edits[first].x0 - start)
		endY := last.y1 + (endX - last.x1)
		fmt.Fprintf(&b, "@@ -%s +%s @@\n", hunkRange(start, endX-start), hunkRange(startY, endY-startY))
		xi := start
		for _, e := range edits[first:k] {
			for ; xi < e.x0; xi++ {
				b.WriteString(" " + x[xi])
			}
			for _, l := range x[e.x0:e.x1] {
				b.WriteString("-" + l)
			}
			for _, l := range y[e.y0:e.y1] {
				b.WriteString("+" + l)
			}
			xi = e.x1
		}
		for ; xi < endX; xi++ {
			b.WriteString(" " + x[xi])
		}
	}
	return b.String()
}

func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if n == 1 {
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

// splitLines splits s after each newline; a last line without one gets
// one, followed by the marker diff and patch use.
func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	} else {
		lines[len(lines)-1] += "\n\\ No newline at end of file\n"
	}
	return lines
}

// longestIncreasing returns the longest subsequence of ps (kept in order)
// whose keys increase, by patience sorting.
func longestIncreasing[P any](ps []P, key func(P) int) []P {
	var tops []int // index into ps of the top of each pile
	prev := make([]int, len(ps))
	for i, p := range ps {
		k := sort.Search(len(tops), func(t int) bool { return key(ps[tops[t]]) >= key(p) })
		if k > 0 {
			prev[i] = tops[k-1]
		} else {
			prev[i] = -1
		}
		if k == len(tops) {
			tops = append(tops, i)
		} else {
			tops[k] = i
		}
	}
	out := make([]P, len(tops))
	for i, t := len(tops)-1, -1; i >= 0; i-- {
		if t == -1 {
			t = tops[len(tops)-1]
		}
		out[i] = ps[t]
		t = prev[t]
	}
	return out
}
