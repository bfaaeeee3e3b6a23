package export

import (
	"context"
	"io"
	"slices"

	"github.com/civicnet/civicnet/model"
)

// The RDF parts of a dump: dataset.ttl, dataset.nt, and dataset.jsonld
// with the context.jsonld it refers to.

// writeTurtle writes dataset.ttl, and dataset.nt with it when the dump
// has both: they then share one pass of the mapping, which costs more
// than either serialisation.
func (d *dump) writeTurtle() error {
	if d.wants(FormatNTriples) {
		return d.create("dataset.ttl", FormatTurtle, func(ttl io.Writer) error {
			return d.create("dataset.nt", FormatNTriples, func(nt io.Writer) error {
				return writeTurtleAndNTriples(ctxWriter{d.ctx, ttl}, ctxWriter{d.ctx, nt}, d.ds)
			})
		})
	}
	return d.create("dataset.ttl", FormatTurtle, func(w io.Writer) error {
		tw := NewTurtleWriter(ctxWriter{d.ctx, w})
		if err := tw.Write(d.ds); err != nil {
			return err
		}
		return tw.Close()
	})
}

func (d *dump) writeNTriples() error {
	if d.written("dataset.nt") {
		return nil
	}
	return d.create("dataset.nt", FormatNTriples, func(w io.Writer) error {
		nw := NewNTriplesWriter(ctxWriter{d.ctx, w})
		if err := nw.Write(d.ds); err != nil {
			return err
		}
		return nw.Close()
	})
}

// wants reports whether the dump includes format f.
func (d *dump) wants(f Format) bool {
	if d.opts.Formats == nil {
		return true
	}
	return slices.Contains(d.opts.Formats, f)
}

// written reports whether the file rel is in the dump already.
func (d *dump) written(rel string) bool {
	return slices.ContainsFunc(d.files, func(f DumpFile) bool { return f.Path == rel })
}

// writeTurtleAndNTriples writes the same graph as Turtle and N-Triples
// from one mapping.
func writeTurtleAndNTriples(ttl, nt io.Writer, ds *model.Dataset) error {
	m, err := NewMapper(ds)
	if err != nil {
		return err
	}
	enc := newDatasetTurtle(m)
	t, n := &outBuffer{w: ttl}, &outBuffer{w: nt}
	t.buf = enc.prefixes.appendHeader(t.buf, enc.prefixes.list)
	err = m.render(func() []renderFunc { return []renderFunc{enc.appendBlock, renderNTriples} }, []*outBuffer{t, n})
	if err != nil {
		return err
	}
	if err := t.flush(); err != nil {
		return err
	}
	return n.flush()
}

func (d *dump) writeJSONLD() error {
	err := d.create("dataset.jsonld", FormatJSONLD, func(w io.Writer) error {
		jw := NewJSONLDWriter(ctxWriter{d.ctx, w})
		if err := jw.Write(d.ds); err != nil {
			return err
		}
		return jw.Close()
	})
	if err != nil {
		return err
	}
	return d.create(ContextFile, FormatJSONLD, func(w io.Writer) error {
		_, err := w.Write(contextJSON)
		return err
	})
}

// ctxWriter stops a long write once ctx is cancelled (an interrupted
// export): the writers flush in chunks, so it is checked often.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}
