package main

import (
	"strings"
	"unicode/utf8"

	"github.com/civicnet/civicnet/model"
)

// closest returns the candidate nearest to name by edit distance, or ""
// when none is near enough to be what was meant: at most one edit in
// every three characters, and at least one. A candidate that starts
// with name (an abbreviation) counts as near.
func closest(name string, candidates []string) string {
	best, bestDist := "", 0
	limit := max(1, utf8.RuneCountInString(name)/3)
	for _, c := range candidates {
		d := model.OSADistance(name, c)
		if len(name) >= 3 && strings.HasPrefix(c, name) {
			d = 1
		}
		if d <= limit && (best == "" || d < bestDist) {
			best, bestDist = c, d
		}
	}
	return best
}
