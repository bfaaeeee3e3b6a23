package model

import (
	"strings"
	"unicode/utf8"
)

// Problem is something wrong found while decoding a record file: a syntax
// error, an unknown field, a value of the wrong type, a duplicate key. The
// validate package turns problems into diagnostics; Code is the stable
// diagnostic code.
type Problem struct {
	Pos     Pos
	Code    string
	Summary string
	Detail  string
	Related []Pos
}

// Error implements error, so a Problem can be returned where one is
// expected.
func (p Problem) Error() string { return p.Pos.String() + ": " + p.Summary }

// Suggest returns the candidate closest to s by edit distance, when it is
// close enough to be a plausible typo, else "".
func Suggest(s string, candidates []string) string {
	best, bestD := "", -1
	limit := 2
	if n := utf8.RuneCountInString(s); n > 6 {
		limit = n / 3
	}
	for _, c := range candidates {
		if c == s {
			continue
		}
		d := editDistance(strings.ToLower(s), strings.ToLower(c), limit)
		if d <= limit && (bestD < 0 || d < bestD || (d == bestD && c < best)) {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance of a and b, or limit+1 when it
// exceeds limit (the band keeps it cheap over many candidates).
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// OSADistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and transpositions of adjacent
// characters, which is how names are usually mistyped. It counts code
// points, so "città" and "citta" are one edit apart.
func OSADistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
