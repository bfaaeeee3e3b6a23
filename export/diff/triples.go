package diff

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/civicnet/civicnet/model"
)

// TripleChanges is the difference between the N-Triples dumps of two
// record sets: the triples a store that holds the old dump deletes and
// inserts to hold the new one. The dumps have no blank nodes, so each
// triple is the same line in both, and the difference is one of sets of
// lines.
type TripleChanges struct {
	// Deleted and Inserted are N-Triples lines, without the line feed,
	// in byte order.
	Deleted, Inserted []string
}

// Triples writes the N-Triples of old and new, as the N-Triples writer of
// an export does, and compares them line by line. Both dumps are held in
// memory while they are compared.
func Triples(old, new *model.Dataset) (*TripleChanges, error) {
	a, err := sortedLines(old)
	if err != nil {
		return nil, fmt.Errorf("old records: %w", err)
	}
	b, err := sortedLines(new)
	if err != nil {
		return nil, fmt.Errorf("new records: %w", err)
	}
	t := &TripleChanges{}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			t.Deleted = append(t.Deleted, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			t.Inserted = append(t.Inserted, b[j])
			j++
		default:
			i++
			j++
		}
	}
	return t, nil
}

// sortedLines returns the distinct N-Triples lines of ds, sorted. They
// are substrings of one string: a line costs no allocation of its own.
func sortedLines(ds *model.Dataset) ([]string, error) {
	var buf bytes.Buffer
	if err := writeNTriples(&buf, ds); err != nil {
		return nil, err
	}
	s := buf.String()
	lines := make([]string, 0, strings.Count(s, "\n"))
	for line := range strings.Lines(s) {
		if line = strings.TrimSuffix(line, "\n"); line != "" {
			lines = append(lines, line)
		}
	}
	slices.Sort(lines)
	return slices.Compact(lines), nil
}

// Empty reports whether the two dumps hold the same triples.
func (t *TripleChanges) Empty() bool { return len(t.Deleted) == 0 && len(t.Inserted) == 0 }

// WriteSPARQL writes the change as a SPARQL 1.1 Update: DELETE DATA with
// the deleted triples, then INSERT DATA with the inserted ones, each left
// out when it has none. N-Triples terms are SPARQL terms, so each triple
// is written as its line.
func (t *TripleChanges) WriteSPARQL(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# civicnet diff: %s deleted, %s inserted\n",
		plural(len(t.Deleted), "triple", "triples"), plural(len(t.Inserted), "triple", "triples"))
	block := func(op string, lines []string) {
		bw.WriteString(op + " DATA {\n")
		for _, l := range lines {
			bw.WriteString("  ")
			bw.WriteString(l)
			bw.WriteByte('\n')
		}
		bw.WriteString("}")
	}
	if len(t.Deleted) > 0 {
		block("DELETE", t.Deleted)
		if len(t.Inserted) > 0 {
			bw.WriteString(" ;")
		}
		bw.WriteByte('\n')
	}
	if len(t.Inserted) > 0 {
		block("INSERT", t.Inserted)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// WriteRDFPatch writes the change as an RDF Patch, the format of Apache
// Jena RDF Delta: one transaction (TX . … TC .) deleting (D) then adding
// (A) triples of the default graph.
func (t *TripleChanges) WriteRDFPatch(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("TX .\n")
	for _, op := range []struct {
		code  string
		lines []string
	}{{"D ", t.Deleted}, {"A ", t.Inserted}} {
		for _, l := range op.lines {
			bw.WriteString(op.code)
			bw.WriteString(l)
			bw.WriteByte('\n')
		}
	}
	bw.WriteString("TC .\n")
	return bw.Flush()
}
