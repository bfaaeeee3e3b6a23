package diff

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
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
// an export does, and compares them.
//
// The writer emits the lines of each subject together, so the lines are
// grouped by subject as they are written, and a subject whose lines are
// the same text in both dumps, as most are, costs one comparison; the
// lines of the others are compared as sets. Both dumps are held in
// memory while they are compared, about the size of the two files.
func Triples(old, new *model.Dataset) (*TripleChanges, error) {
	seed := maphash.MakeSeed()
	a, err := subjectsOf(old, seed)
	if err != nil {
		return nil, fmt.Errorf("old records: %w", err)
	}
	b, err := subjectsOf(new, seed)
	if err != nil {
		return nil, fmt.Errorf("new records: %w", err)
	}
	t := &TripleChanges{}
	for subj, ot := range a {
		nt, ok := b[subj]
		if ok && nt == ot {
			continue
		}
		olds, news := lineSet(ot), lineSet(nt)
		for l := range olds {
			if !news[l] {
				t.Deleted = append(t.Deleted, l)
			}
		}
		for l := range news {
			if !olds[l] {
				t.Inserted = append(t.Inserted, l)
			}
		}
	}
	for subj, nt := range b {
		if _, ok := a[subj]; !ok {
			for l := range lineSet(nt) {
				t.Inserted = append(t.Inserted, l)
			}
		}
	}
	slices.Sort(t.Deleted)
	slices.Sort(t.Inserted)
	return t, nil
}

// subjectsOf returns the N-Triples lines of ds by the hash of their
// subject: the text of each subject's lines, in the order written.
//
// Keys are hashes rather than the subjects, which are long and alike:
// the map is smaller and faster. Subjects whose hashes collide share a
// text, in the same way in both dumps, and as texts that differ are
// compared line by line, a collision costs time, never a wrong result.
func subjectsOf(ds *model.Dataset, seed maphash.Seed) (map[uint64]string, error) {
	// About three subjects a record (the record, its period, its
	// instants, quantities and identifiers): sized once, the map is not
	// rehashed as it grows to millions.
	g := &subjectGrouper{seed: seed, subjects: make(map[uint64]string, 3*ds.Len())}
	if err := writeNTriples(g, ds); err != nil {
		return nil, err
	}
	g.flush()
	if len(g.partial) > 0 {
		return nil, errors.New("the N-Triples do not end with a line feed")
	}
	return g.subjects, nil
}

// subjectGrouper is an io.Writer that groups N-Triples lines by subject
// as they come, without holding the whole text in one buffer.
type subjectGrouper struct {
	seed     maphash.Seed
	subjects map[uint64]string
	partial  []byte // a line not ended yet
	run      []byte // the lines of the current subject
	subject  int    // the length of the current subject in run
}

func (g *subjectGrouper) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			g.partial = append(g.partial, p...)
			break
		}
		line := p[:i+1]
		if len(g.partial) > 0 {
			g.partial = append(g.partial, line...)
			line = g.partial
		}
		g.line(line)
		g.partial = g.partial[:0]
		p = p[i+1:]
	}
	return n, nil
}

// line adds one line, ending in its line feed. A subject is an IRI or a
// blank node, neither of which holds a space.
func (g *subjectGrouper) line(line []byte) {
	subj := bytes.IndexByte(line, ' ')
	if subj < 0 {
		subj = len(line)
	}
	if len(g.run) == 0 || subj != g.subject || !bytes.Equal(line[:subj], g.run[:subj]) {
		g.flush()
		g.subject = subj
	}
	g.run = append(g.run, line...)
}

// flush stores the current subject's lines. A subject written again
// later (the writer does not, but nothing depends on it) gets its lines
// appended.
func (g *subjectGrouper) flush() {
	if len(g.run) == 0 {
		return
	}
	key := maphash.Bytes(g.seed, g.run[:g.subject])
	text := string(g.run)
	if prev, ok := g.subjects[key]; ok {
		text = prev + text
	}
	g.subjects[key] = text
	g.run = g.run[:0]
}

// lineSet returns the lines of text, without their line feeds.
func lineSet(text string) map[string]bool {
	set := map[string]bool{}
	for l := range strings.Lines(text) {
		if l = strings.TrimSuffix(l, "\n"); l != "" {
			set[l] = true
		}
	}
	return set
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
