package main

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// TestUnifiedDiffApplies: applying the diff to the old text gives the new
// one, for random edits of random texts; a diff of equal texts is empty.
func TestUnifiedDiffApplies(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	words := []string{"kind: place", "id: a", "name: A", "", "  - x", "sources:", "# c"}
	text := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(words[rnd.IntN(len(words))] + strconv.Itoa(rnd.IntN(3)) + "\n")
		}
		return b.String()
	}
	for i := range 500 {
		old := text(rnd.IntN(40))
		lines := strings.SplitAfter(old, "\n")
		for range rnd.IntN(6) {
			if len(lines) == 0 {
				break
			}
			k := rnd.IntN(len(lines))
			switch rnd.IntN(3) {
			case 0:
				lines = append(lines[:k], lines[k+1:]...)
			case 1:
				lines = append(lines[:k], append([]string{text(1 + rnd.IntN(3))}, lines[k:]...)...)
			case 2:
				lines[k] = text(1)
			}
		}
		new := strings.Join(lines, "")
		if i%7 == 0 {
			new = strings.TrimSuffix(new, "\n")
		}
		d := unifiedDiff("a", "b", []byte(old), []byte(new))
		if old == new {
			if d != "" {
				t.Fatalf("diff of equal texts: %q", d)
			}
			continue
		}
		if got := applyDiff(t, old, d); got != new {
			t.Fatalf("applying the diff of\n%q\nto\n%q\ngives\n%q\ndiff:\n%s", old, new, got, d)
		}
	}
}

// applyDiff applies a unified diff, checking its context and counts.
func applyDiff(t *testing.T, old, diff string) string {
	x := splitLines(old)
	var out []string
	lines := strings.SplitAfter(diff, "\n")
	if !strings.HasPrefix(lines[0], "--- ") || !strings.HasPrefix(lines[1], "+++ ") {
		t.Fatalf("no header: %q", diff)
	}
	xi := 0
	for i := 2; i < len(lines) && lines[i] != ""; {
		var x0, xn, y0, yn int
		h := strings.TrimSuffix(lines[i], "\n")
		parse := func(r string) (int, int) {
			a, b, ok := strings.Cut(r[1:], ",")
			s, _ := strconv.Atoi(a)
			n := 1
			if ok {
				n, _ = strconv.Atoi(b)
			}
			if n == 0 {
				s++
			}
			return s - 1, n
		}
		f := strings.Fields(h)
		if len(f) != 4 || f[0] != "@@" {
			t.Fatalf("bad hunk header %q", h)
		}
		x0, xn = parse(f[1])
		y0, yn = parse(f[2])
		_ = y0
		out = append(out, x[xi:x0]...)
		xi = x0
		i++
		seenX, seenY := 0, 0
		for i < len(lines) && lines[i] != "" && !strings.HasPrefix(lines[i], "@@") {
			l := lines[i]
			i++
			if strings.HasPrefix(l[1:], "\\ No newline") {
				continue
			}
			body := l[1:]
			if i < len(lines) && strings.HasPrefix(lines[i], "\\ No newline") {
				body += lines[i]
				i++
			}
			switch l[0] {
			case ' ':
				if x[xi] != body {
					t.Fatalf("context %q does not match %q", body, x[xi])
				}
				out = append(out, body)
				xi++
				seenX++
				seenY++
			case '-':
				if x[xi] != body {
					t.Fatalf("removed %q does not match %q", body, x[xi])
				}
				xi++
				seenX++
			case '+':
				out = append(out, body)
				seenY++
			}
		}
		if seenX != xn || seenY != yn {
			t.Fatalf("hunk %q counts %d,%d lines", h, seenX, seenY)
		}
	}
	out = append(out, x[xi:]...)
	s := strings.Join(out, "")
	return strings.ReplaceAll(s, "\n\\ No newline at end of file\n", "")
}
